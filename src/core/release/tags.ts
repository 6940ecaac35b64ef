import * as semver from 'semver';
import type { Bump } from './conventionalCommits';

/** A git tag that names a release: `prefix` + a semantic version (`v1.2.0`, `release-1.2.0-rc.1`). */
export interface ReleaseTag {
  /** The tag exactly as git names it. */
  tag: string;
  /** What comes before the version in the tag (`v`, `release-`, or ``). */
  prefix: string;
  /** The semantic version without prefix, normalised by semver (`1.2.0-rc.1`). */
  version: string;
  prerelease: boolean;
}

export interface OrderedReleaseTags {
  /** Ascending semver order (v1.0.0-rc1 < v1.0.0-rc2 < v1.0.0 < v1.0.1 < v1.10.0); equal versions by tag name. */
  releases: ReleaseTag[];
  /** Tags that match the pattern but carry no strict semver version (`v1.0`, `vnext`): never guessed at. */
  ignored: string[];
}

/** Anchored glob with `*` (any run of characters, `/` included, as `git tag -l`) and `?` (one character). */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

/**
 * Reads the tag as prefix + strict semver. The version starts at the first digit that does not
 * follow another digit and from which the rest is valid semver, so `v11.0.0` is `v` + `11.0.0`.
 */
export function parseReleaseTag(tag: string): ReleaseTag | undefined {
  for (let i = 0; i < tag.length; i++) {
    const ch = tag.charAt(i);
    if (ch < '0' || ch > '9') continue;
    const before = i > 0 ? tag.charAt(i - 1) : '';
    if (before >= '0' && before <= '9') continue;
    const rest = tag.slice(i);
    if (rest.trim() !== rest) return undefined;
    const parsed = semver.parse(rest);
    if (!parsed) continue;
    return { tag, prefix: tag.slice(0, i), version: parsed.version, prerelease: parsed.prerelease.length > 0 };
  }
  return undefined;
}

function compareReleases(a: ReleaseTag, b: ReleaseTag): number {
  const bySemver = semver.compareBuild(a.version, b.version);
  if (bySemver !== 0) return bySemver;
  return a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;
}

/**
 * Release tags matching `pattern`, in ascending semver order.
 *
 * Why not `sort -V` (the seed runbook's `git tag -l 'v*' | sort -V | tail -2 | head -1`):
 * - `sort -V` puts `v1.0.0` BEFORE `v1.0.0-rc1`; semver puts a prerelease before its release.
 *   After tagging v1.0.0 the seed's "current" is `v1.0.0-rc2` and its rollback target is wrong.
 * - `sort -V` puts `rc2` before `rc10` (numeric runs); semver compares the identifier `rc10` as
 *   text, so `1.0.0-rc10` < `1.0.0-rc2`. Semver is the standard: use `rc.1`, `rc.2`, … `rc.10`,
 *   whose numeric identifiers order numerically in both.
 * Semver is right; this function follows it.
 */
export function orderReleaseTags(tags: readonly string[], pattern = 'v*'): OrderedReleaseTags {
  const glob = globToRegExp(pattern);
  const releases: ReleaseTag[] = [];
  const ignored: string[] = [];
  for (const tag of tags) {
    if (!glob.test(tag)) continue;
    const release = parseReleaseTag(tag);
    if (release) releases.push(release);
    else ignored.push(tag);
  }
  releases.sort(compareReleases);
  return { releases, ignored };
}

/**
 * The newest release (`current`) and the release before it (`previous`, the rollback target).
 * `previous` skips tags of the same version as `current` (e.g. `v1.2.0` and `release-1.2.0`).
 * Prereleases count: the release before `v1.0.0` may be `v1.0.0-rc2`, as in the seed runbook.
 */
export function currentAndPrevious(releases: readonly ReleaseTag[]): { current?: ReleaseTag; previous?: ReleaseTag } {
  const current = releases[releases.length - 1];
  if (!current) return {};
  for (let i = releases.length - 2; i >= 0; i--) {
    const candidate = releases[i];
    if (candidate && semver.compare(candidate.version, current.version) !== 0) return { current, previous: candidate };
  }
  return { current };
}

export interface NextVersion {
  version: string;
  /** The version with the current tag's prefix (`v` when there is no current release). */
  tag: string;
}

export interface NextVersions {
  /** The `bump` applied to the current version. */
  suggested: NextVersion;
  major: NextVersion;
  minor: NextVersion;
  patch: NextVersion;
  /**
   * The next prerelease: `1.1.0-rc.1` from `1.0.0` with a minor bump; `1.0.0-rc.3` from `1.0.0-rc.2`;
   * `1.0.0-rc3` from `1.0.0-rc2`. Undefined when no semver-greater prerelease continues the series
   * (`rc9` → `rc10` sorts lower in semver).
   */
  prerelease?: NextVersion;
}

function nextPrerelease(current: semver.SemVer, bump: Bump, id: string): string | undefined {
  if (current.prerelease.length === 0) return semver.inc(current.version, `pre${bump}`, id, '1') ?? undefined;
  const last = current.prerelease[current.prerelease.length - 1];
  let candidate: string | null;
  if (typeof last === 'string' && /\d$/.test(last)) {
    const match = /^(.*?)(\d+)$/.exec(last);
    const digits = match?.[2] ?? '0';
    const bumped = `${match?.[1] ?? ''}${String(Number(digits) + 1)}`;
    const ids = [...current.prerelease.slice(0, -1).map(String), bumped];
    candidate = semver.valid(`${current.major}.${current.minor}.${current.patch}-${ids.join('.')}`);
  } else {
    candidate = semver.inc(current.version, 'prerelease', id, '1');
  }
  return candidate && semver.gt(candidate, current) ? candidate : undefined;
}

/** Candidate next versions after `current` (from 0.0.0 when there is no release yet). */
export function nextVersions(current: ReleaseTag | undefined, bump: Bump, prereleaseId = 'rc'): NextVersions {
  const base = new semver.SemVer(current?.version ?? '0.0.0');
  const prefix = current?.prefix ?? 'v';
  const at = (version: string): NextVersion => ({ version, tag: `${prefix}${version}` });
  const inc = (kind: Bump): NextVersion => at(semver.inc(base.version, kind) ?? base.version);
  const result: NextVersions = { suggested: inc(bump), major: inc('major'), minor: inc('minor'), patch: inc('patch') };
  const pre = nextPrerelease(base, bump, prereleaseId);
  if (pre) result.prerelease = at(pre);
  return result;
}
