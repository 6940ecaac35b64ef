import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../repoPaths';

interface WalkthroughStep {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown?: string; readonly image?: unknown; readonly svg?: string };
  readonly completionEvents?: readonly string[];
  readonly when?: string;
}

interface Walkthrough {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly when?: string;
  readonly steps: readonly WalkthroughStep[];
}

interface Manifest {
  readonly contributes: {
    readonly commands: ReadonlyArray<{ readonly command: string }>;
    readonly views: Readonly<Record<string, ReadonlyArray<{ readonly id: string }>>>;
    readonly walkthroughs?: readonly Walkthrough[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(manifest.contributes.views).flatMap((list) => list.map((v) => v.id)));
const MEDIA_FOLDER = 'media/walkthrough/';

/** The command ids of `[text](command:id)` and `[text](command:id?args)` links. */
function commandLinks(text: string): string[] {
  return [...text.matchAll(/\]\(command:([^)?\s]+)/g)].map((m) => m[1] ?? '');
}

/** The step's markdown media, '' when it has none or the file is missing (the media test says which). */
function mediaText(step: WalkthroughStep): string {
  const file = step.media.markdown && path.join(REPO_ROOT, step.media.markdown);
  return file && existsSync(file) ? readFileSync(file, 'utf8') : '';
}

describe('Get Started walkthrough (contributes.walkthroughs)', () => {
  const walkthroughs = manifest.contributes.walkthroughs ?? [];
  const walkthrough = walkthroughs.find((w) => w.id === 'getStarted');
  const steps = walkthrough?.steps ?? [];

  it('is one walkthrough, getStarted, always available, with a one-line description and 6 to 8 steps', () => {
    assert.equal(walkthroughs.length, 1);
    assert.ok(walkthrough, 'no walkthrough with id getStarted');
    assert.equal(walkthrough.title, 'Deploy Pilot: Get Started');
    assert.ok(walkthrough.description.trim().length > 0 && !walkthrough.description.includes('\n'), 'description: one non-empty line');
    assert.ok(walkthrough.when === undefined || walkthrough.when.trim() === '', `when must be empty, is ${walkthrough.when}`);
    assert.ok(steps.length >= 6 && steps.length <= 8, `${steps.length} steps`);
  });

  it('has unique step ids, and every step a title and a description', () => {
    const ids = steps.map((s) => s.id);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
      'duplicate step ids',
    );
    for (const step of steps) {
      assert.match(step.id, /^[A-Za-z][\w-]*$/, `step id ${step.id}`);
      assert.ok(step.title.trim(), `step ${step.id}: empty title`);
      assert.ok(step.description.trim(), `step ${step.id}: empty description`);
    }
  });

  it('gives every step a non-empty markdown file under media/walkthrough/, and ships no unused one', () => {
    assert.ok(steps.length > 0);
    for (const step of steps) {
      const file = step.media.markdown;
      assert.ok(file, `step ${step.id}: media.markdown missing`);
      assert.ok(file.startsWith(MEDIA_FOLDER) && file.endsWith('.md'), `step ${step.id}: ${file} is not a markdown file under ${MEDIA_FOLDER}`);
      assert.ok(existsSync(path.join(REPO_ROOT, file)), `step ${step.id}: ${file} does not exist`);
      assert.ok(mediaText(step).trim().length > 0, `step ${step.id}: ${file} is empty`);
    }
    const used = new Set(steps.map((s) => s.media.markdown));
    const onDisk = readdirSync(path.join(REPO_ROOT, MEDIA_FOLDER)).map((name) => `${MEDIA_FOLDER}${name}`);
    assert.deepEqual(
      onDisk.filter((file) => !used.has(file)),
      [],
      'files in media/walkthrough/ that no step uses',
    );
  });

  it('is shipped in the VSIX (.vscodeignore allows media/walkthrough/)', () => {
    const ignore = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes('!media/walkthrough/**'));
  });

  it('links only to contributed commands, in step descriptions and media', () => {
    const links = steps.flatMap((step) => [
      ...commandLinks(step.description).map((id) => ({ step: step.id, where: 'description', id })),
      ...commandLinks(mediaText(step)).map((id) => ({ step: step.id, where: step.media.markdown ?? '', id })),
    ]);
    assert.ok(links.length >= steps.length - 1, `only ${links.length} command links`);
    assert.deepEqual(
      links.filter((l) => !commands.has(l.id)),
      [],
      'command links to commands that package.json does not contribute',
    );
  });

  it('completes steps only on contributed commands and views', () => {
    const events = steps.flatMap((step) => (step.completionEvents ?? []).map((event) => ({ step: step.id, event })));
    assert.ok(events.length > 0, 'no completion events at all');
    const unknown = events.filter(({ event }) => {
      const [kind = '', ...rest] = event.split(':');
      const target = rest.join(':');
      if (kind === 'onCommand') return !commands.has(target);
      if (kind === 'onView') return !views.has(target);
      return !['onSettingChanged', 'onContext', 'onLink', 'extensionInstalled', 'onStepSelected', 'stepSelected'].includes(kind);
    });
    assert.deepEqual(unknown, [], 'completion events naming no contributed command or view (or of an unknown kind)');
  });

  it('finds the broken ones (the checks above can fail)', () => {
    assert.deepEqual(commandLinks('[Run](command:deployPilot.nope) and [Go](command:deployPilot.runStep?%5B%5D)'), ['deployPilot.nope', 'deployPilot.runStep']);
    assert.equal(commands.has('deployPilot.nope'), false);
    assert.equal(views.has('deployPilot.nope'), false);
  });
});
