/** Orders tags newest version first: semver-like tags by version (a release before its pre-releases), others after by name. */

interface ParsedVersion {
  numbers: number[];
  prerelease: string | undefined;
}

const VERSION = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parseVersion(tag: string): ParsedVersion | undefined {
  const match = VERSION.exec(tag);
  if (!match?.[1]) return undefined;
  return { numbers: match[1].split('.').map(Number), prerelease: match[2] };
}

function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  const length = Math.max(a.numbers.length, b.numbers.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === undefined) return 1;
  if (b.prerelease === undefined) return -1;
  return a.prerelease.localeCompare(b.prerelease, 'en', { numeric: true });
}

export function sortTagsNewestFirst(tags: readonly string[]): string[] {
  return [...tags].sort((a, b) => {
    const va = parseVersion(a);
    const vb = parseVersion(b);
    if (va && vb) return compareVersions(vb, va) || a.localeCompare(b);
    if (va) return -1;
    if (vb) return 1;
    return a.localeCompare(b);
  });
}
