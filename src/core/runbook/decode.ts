/** Turns a runbook file's bytes into text, or says precisely why it cannot be a runbook. */

export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'binary' | 'encoding' | 'too-large'; readonly message: string; readonly line: number };

/** Runbooks are prose: anything above this is not one (and would make the host slow). */
export const MAX_RUNBOOK_BYTES = 16 * 1024 * 1024;

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Index of the first byte that starts an invalid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

export function decodeRunbookBytes(bytes: Uint8Array, fileName: string): DecodeResult {
  if (bytes.length > MAX_RUNBOOK_BYTES) {
    return {
      ok: false,
      reason: 'too-large',
      line: 0,
      message: `${fileName} is ${(bytes.length / 1048576).toFixed(1)} MB; runbooks larger than ${MAX_RUNBOOK_BYTES / 1048576} MB are not loaded.`,
    };
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      reason: 'binary',
      line: lineOfOffset(bytes, nul),
      message: `${fileName} is a binary file (NUL byte at offset ${nul}); a runbook must be a markdown text file.`,
    };
  }
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = lineOfOffset(bytes, Math.max(at, 0));
    return {
      ok: false,
      reason: 'encoding',
      line,
      message: `${fileName}:${line + 1}: not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16)} at offset ${at}); save the file as UTF-8.`,
    };
  }
}
