// Checks a packaged VSIX: prints its size and file list, and fails (exit 1) when it holds what a
// release must not ship (source maps, TypeScript sources, tests, src/, node_modules/), misses a
// file the extension loads at run time, carries a sourceMappingURL, or is larger than the limit.
// Writes the figures to test-results/bench/vsix.json.
//
//   node scripts/check-vsix.mjs [path.vsix] [--max-bytes N] [--quiet]
//   (default: dist-vsix/<name>-<version>.vsix; limit 1.5 MB)
//
// A VSIX is a zip; the reader below (central directory + node:zlib) needs no unzip tool.
// Exported for the e2e test: readZip(file), checkVsix(file, { maxBytes }).
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_MAX_BYTES = 1.5 * 1024 * 1024;

/** What the extension loads at run time (package.json `main`, the lazy monitoring bundle, the webview). */
export const REQUIRED = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/monitoring.js',
  'extension/dist/webview/dashboard.js',
  'extension/dist/webview/dashboard.css',
  'extension/media/deploy-pilot.svg',
];

/** Path rules: [what, test]. A path under extension/ is what lands in the extensions folder. */
const FORBIDDEN = [
  ['source map', (p) => p.endsWith('.map')],
  ['TypeScript source', (p) => /\.(c|m)?ts$/.test(p) && !p.endsWith('.d.ts')],
  ['type declarations', (p) => p.endsWith('.d.ts')],
  ['test folder', (p) => /(^|\/)tests?\//.test(p)],
  ['src folder', (p) => /(^|\/)src\//.test(p)],
  ['node_modules', (p) => /(^|\/)node_modules\//.test(p)],
];

/**
 * Entries of a zip file: name, sizes and a reader for the content. Handles stored and deflated
 * entries, which is all vsce (yazl) writes; no zip64 (a VSIX that needed it would fail the size check).
 */
export function readZip(file) {
  const buf = readFileSync(file);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localHeader = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    const read = () => {
      if (buf.readUInt32LE(localHeader) !== 0x04034b50) throw new Error(`${file}: bad local header for ${name}`);
      const start = localHeader + 30 + buf.readUInt16LE(localHeader + 26) + buf.readUInt16LE(localHeader + 28);
      const data = buf.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${file}: ${name} uses unsupported compression method ${method}`);
    };
    entries.push({ name, size, compressedSize, read });
  }
  return entries;
}

/** Reads and checks a VSIX; returns its figures and the list of problems (empty when it is fine). */
export function checkVsix(file, { maxBytes = DEFAULT_MAX_BYTES } = {}) {
  const bytes = statSync(file).size;
  const entries = readZip(file).filter((e) => !e.name.endsWith('/'));
  const names = entries.map((e) => e.name);
  const problems = [];
  for (const { name } of entries) {
    for (const [what, test] of FORBIDDEN) if (test(name)) problems.push(`${what}: ${name}`);
  }
  for (const name of REQUIRED) if (!names.includes(name)) problems.push(`missing: ${name}`);
  for (const entry of entries) {
    if (!/\.(js|css)$/.test(entry.name)) continue;
    if (/[#@] sourceMappingURL=/.test(entry.read().toString('utf8'))) problems.push(`sourceMappingURL left in ${entry.name}`);
  }
  if (bytes > maxBytes) problems.push(`size ${bytes} bytes is over the limit of ${maxBytes} bytes`);
  const manifest = entries.find((e) => e.name === 'extension/package.json');
  const pkg = manifest ? JSON.parse(manifest.read().toString('utf8')) : {};
  return {
    file,
    bytes,
    unpackedBytes: entries.reduce((sum, e) => sum + e.size, 0),
    fileCount: entries.length,
    maxBytes,
    id: pkg.publisher && pkg.name ? `${pkg.publisher}.${pkg.name}` : undefined,
    version: pkg.version,
    files: entries.map((e) => ({ name: e.name, size: e.size, compressedSize: e.compressedSize })),
    problems,
  };
}

/** Writes the figures (no problem list) to test-results/bench/vsix.json and returns that path. */
export function writeBench(result, out = join(repoRoot, 'test-results', 'bench', 'vsix.json')) {
  const { file, bytes, unpackedBytes, fileCount, maxBytes, id, version, files } = result;
  mkdirSync(dirname(out), { recursive: true });
  const record = { vsix: relative(repoRoot, file), id, version, bytes, unpackedBytes, fileCount, maxBytes, files, measuredAt: new Date().toISOString() };
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  return out;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const limitAt = args.indexOf('--max-bytes');
  const maxBytes = limitAt >= 0 ? Number(args[limitAt + 1]) : DEFAULT_MAX_BYTES;
  const positional = args.filter((a, i) => !a.startsWith('--') && (limitAt < 0 || i !== limitAt + 1));
  let file = positional[0];
  if (!file) {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    file = join(repoRoot, 'dist-vsix', `${pkg.name}-${pkg.version}.vsix`);
  }
  let result;
  try {
    result = checkVsix(resolve(file), { maxBytes });
  } catch (err) {
    console.error(`[check-vsix] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  if (!quiet) {
    for (const f of result.files) console.log(`${String(f.size).padStart(10)}  ${f.name}`);
  }
  console.log(`[check-vsix] ${relative(process.cwd(), result.file)}: ${kb(result.bytes)} (${kb(result.unpackedBytes)} unpacked), ${result.fileCount} files, limit ${kb(maxBytes)}`);
  console.log(`[check-vsix] figures written to ${relative(process.cwd(), writeBench(result))}`);
  if (result.problems.length > 0) {
    for (const p of result.problems) console.error(`[check-vsix] FAIL ${p}`);
    process.exit(1);
  }
  console.log('[check-vsix] OK: no maps, sources, tests or node_modules');
}
