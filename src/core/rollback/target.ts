/**
 * Which version to roll back to. Release tags are ordered by semver with the release module
 * (`orderReleaseTags`: a prerelease sorts before its release, unlike `sort -V`), so the target is
 * the newest release strictly older than the version running now, never a tag merely newer in
 * text. Run records give the image tags actually deployed; local image tags are the last resort.
 */
import * as semver from 'semver';
import { orderReleaseTags, parseReleaseTag } from '../release';
import type { ReleaseTag } from '../release';
import type { RunRecord } from '../run/runModel';
import { deployedTags, imageTagOf } from './imageTags';

export type RollbackTargetSource = 'tags' | 'runRecords' | 'localImages';

export interface RollbackCandidate {
  readonly tag: string;
  readonly source: RollbackTargetSource;
}

export interface RollbackTargetInput {
  /** Git tags (any order); only those matching `tagPattern` count. */
  readonly tags?: readonly string[];
  /** Glob for release tags, as `git tag -l`; default `v*`. */
  readonly tagPattern?: string;
  /** The version running now; default: the newest tag deployed per the run records, else the newest release. */
  readonly current?: string;
  /** Run records, any order; dry runs and records of other environments are left out. */
  readonly runRecords?: readonly RunRecord[];
  /** Only records of this environment count (records without environment count too). */
  readonly environment?: string;
  /** Local image references or tags (`app:v1.0.0`, `v1.0.0`), as the caller listed them. */
  readonly localImages?: readonly string[];
}

export type RollbackTarget =
  | {
      readonly ok: true;
      readonly from: string;
      readonly to: string;
      readonly source: RollbackTargetSource;
      /** Every version the operator may pick instead, best first (`to` first), without `from`. */
      readonly candidates: readonly RollbackCandidate[];
    }
  | { readonly ok: false; readonly error: string };

/** The target with `tag` (one of its candidates) as the version to roll back to; unchanged for an unknown tag. */
export function chooseTarget(target: RollbackTarget, tag: string): RollbackTarget {
  if (!target.ok) return target;
  const candidate = target.candidates.find((c) => c.tag === tag);
  return candidate ? { ...target, to: candidate.tag, source: candidate.source } : target;
}

/** Tags deployed by succeeded commands, most recent first, each once. */
export function deployHistory(records: readonly RunRecord[], environment?: string): string[] {
  const relevant = records
    .filter((r) => !r.dryRun && (environment === undefined || r.environment === undefined || r.environment === environment))
    .slice()
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  const history: string[] = [];
  for (const record of relevant) {
    for (let i = record.commands.length - 1; i >= 0; i--) {
      const command = record.commands[i];
      if (command?.status !== 'succeeded') continue;
      for (const tag of deployedTags(command.text).reverse()) if (!history.includes(tag)) history.push(tag);
    }
  }
  return history;
}

function sameVersion(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parseReleaseTag(a);
  const pb = parseReleaseTag(b);
  return pa !== undefined && pb !== undefined && semver.eq(pa.version, pb.version);
}

/**
 * Both are versions and `tag` is the newer: never a rollback target, even when deployed before
 * `current` (after a rollback from v2 to v1, the run records' previous deploy is the bad v2).
 */
function newer(tag: string, current: string): boolean {
  const a = parseReleaseTag(tag);
  const b = parseReleaseTag(current);
  return a !== undefined && b !== undefined && semver.gt(a.version, b.version);
}

/** Releases older than `current`, newest first; all but the newest when `current` is not a version. */
function olderReleases(releases: readonly ReleaseTag[], current: string): ReleaseTag[] {
  const parsed = parseReleaseTag(current);
  const older = parsed
    ? releases.filter((r) => semver.lt(r.version, parsed.version))
    : releases.filter((r) => !sameVersion(r.tag, current));
  const seen = new Set<string>();
  return older.reverse().filter((r) => (seen.has(r.version) ? false : (seen.add(r.version), true)));
}

function localCandidates(images: readonly string[], current: string): string[] {
  const tags = images.map((i) => imageTagOf(i) ?? i).filter((t) => !sameVersion(t, current));
  const parsedCurrent = parseReleaseTag(current);
  const unique = [...new Set(tags)];
  if (!parsedCurrent) return unique;
  const versioned = unique.filter((t) => parseReleaseTag(t) !== undefined);
  const older = versioned.filter((t) => semver.lt(parseReleaseTag(t)?.version ?? '0.0.0', parsedCurrent.version));
  return older.sort((a, b) => semver.rcompare(parseReleaseTag(a)?.version ?? '0.0.0', parseReleaseTag(b)?.version ?? '0.0.0'));
}

function listed(items: readonly string[]): string {
  return items.length <= 5 ? items.join(', ') : `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;
}

/**
 * The release the environment's containers run, when they all run one image tag that is a release
 * (`app:v1.0.0` → `v1.0.0`); undefined for none, a mix, or a tag like `latest`. It is the truest
 * "from" of a rollback: a deploy ahead of the tags (built before tagging) or behind them (tagged
 * but never deployed) would otherwise make the newest tag look like what runs.
 */
export function runningRelease(images: readonly string[]): string | undefined {
  const tags = [...new Set(images.map((image) => imageTagOf(image)))];
  const [tag] = tags;
  if (tags.length !== 1 || tag === undefined) return undefined;
  return parseReleaseTag(tag) ? tag : undefined;
}

/**
 * `from` (running now) and `to` (where to go back). Sources, in order of trust: the release tag
 * before `from` (semver), the image tag deployed before `from` per the run records (never a newer
 * version), then local
 * image tags (older by semver when both are versions, else in the caller's order). Without a
 * target, the error says what was searched: `No previous release before v1.0.0: searched tags matching v*
 * (found only v1.0.0) and 3 run records (deployed only v1.0.0); no local images given`.
 */
export function rollbackTarget(input: RollbackTargetInput): RollbackTarget {
  const pattern = input.tagPattern ?? 'v*';
  const { releases } = orderReleaseTags(input.tags ?? [], pattern);
  const records = (input.runRecords ?? []).filter((r) => !r.dryRun);
  const history = deployHistory(records, input.environment);
  const current = input.current ?? history[0] ?? releases[releases.length - 1]?.tag;

  const fromTags = current === undefined ? [] : olderReleases(releases, current).map((r) => r.tag);
  const fromRecords = current === undefined ? [] : history.filter((t) => !sameVersion(t, current) && !newer(t, current));
  const fromLocal = current === undefined ? [] : localCandidates(input.localImages ?? [], current);
  const candidates: RollbackCandidate[] = [];
  const add = (tags: readonly string[], source: RollbackTargetSource): void => {
    for (const tag of tags) if (!candidates.some((c) => sameVersion(c.tag, tag))) candidates.push({ tag, source });
  };
  add(fromTags, 'tags');
  add(fromRecords, 'runRecords');
  add(fromLocal, 'localImages');
  const best = candidates[0];
  if (current !== undefined && best) return { ok: true, from: current, to: best.tag, source: best.source, candidates };

  const tagText = releases.length === 0 ? 'found none' : releases.length === 1 ? `found only ${releases[0]?.tag ?? ''}` : `found ${listed(releases.map((r) => r.tag))}, none older than ${current ?? '?'}`;
  const recordText = records.length === 0 ? 'no run records' : `${records.length} run record${records.length === 1 ? '' : 's'} (${history.length === 0 ? 'no deploy command with a literal image tag' : `deployed only ${listed(history)}`})`;
  const localCount = input.localImages?.length ?? 0;
  const localText = localCount === 0 ? 'no local images given' : `${localCount} local image${localCount === 1 ? '' : 's'} (${listed(input.localImages ?? [])}), none older`;
  const head = current === undefined ? 'No previous release: the version running now is unknown;' : `No previous release before ${current}:`;
  return { ok: false, error: `${head} searched tags matching ${pattern} (${tagText}) and ${recordText}; ${localText}` };
}
