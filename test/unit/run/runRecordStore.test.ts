import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RunRecord } from '../../../src/core/run';
import { createRunRecord, parseRunRecord, reduce, RunRecordFormatError } from '../../../src/core/run';
import type { AtomicWriteFs } from '../../../src/infra/runRecords';
import { nodeAtomicWriteFs, resolveRunsFolder, RunRecordStore } from '../../../src/infra/runRecords';
import { at, newRecord, T0, tempFolders } from './runTestHelpers';

const temp = tempFolders();

function recordFor(i: number, runbookPath = 'docs/DEPLOY.md'): RunRecord {
  const started = new Date(T0.getTime() + i * 60_000);
  return createRunRecord({ id: `${started.toISOString().replace(/:/g, '-')}-r${String(i).padStart(5, '0')}`, runbook: { path: runbookPath, sha256: 'b'.repeat(64) }, operator: 'alice' }, started);
}

function tick(record: RunRecord, n: number): RunRecord {
  return reduce(record, { type: 'checklistTicked', taskId: `task-${n}`, checked: n % 2 === 0, text: `item ${n}` }, at(n));
}

async function filesIn(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

describe('RunRecordStore', () => {
  it('creates, writes, reads back and lists records', async () => {
    const dir = path.join(await temp.make(), '.deploy-pilot', 'runs');
    const store = new RunRecordStore(dir);
    assert.deepEqual(await store.list(), [], 'no folder yet: no runs');
    const record = newRecord();
    await store.create(record);
    const updated = tick(record, 1);
    await store.write(updated);
    assert.deepEqual(await store.read(record.id), updated);
    assert.deepEqual(await filesIn(dir), [`${record.id}.json`]);
    const [summary] = await store.list();
    assert.deepEqual(summary, {
      id: record.id,
      file: path.join(dir, `${record.id}.json`),
      runbook: record.runbook,
      environment: 'production',
      operator: 'alice',
      startedAt: record.startedAt,
      state: 'running',
      dryRun: false,
      commandCount: 0,
    });
    await assert.rejects(store.create(record), /already exists/);
  });

  it('lists newest first and finds the latest run of a runbook', async () => {
    const store = new RunRecordStore(await temp.make());
    await Promise.all([recordFor(1), recordFor(3, 'other.md'), recordFor(2), recordFor(0)].map((r) => store.create(r)));
    assert.deepEqual((await store.list()).map((s) => s.id.slice(-6)), ['r00003', 'r00002', 'r00001', 'r00000']);
    assert.equal((await store.latestFor('docs/DEPLOY.md'))?.id, recordFor(2).id);
    assert.equal((await store.latestFor('docs\\DEPLOY.md'))?.id, recordFor(2).id);
    assert.equal(await store.latestFor('nope.md'), undefined);
  });

  it('refuses ids that are not plain file names', async () => {
    const store = new RunRecordStore(await temp.make());
    await assert.rejects(store.write({ ...newRecord(), id: '../escape' }), /Invalid run id/);
    await assert.rejects(store.read('a/b'), /Invalid run id/);
  });

  describe('unreadable files', () => {
    it('read() names the file and the problem; list() skips it with a warning', async () => {
      const dir = await temp.make();
      const warnings: string[] = [];
      const store = new RunRecordStore(dir, { onWarning: (m) => warnings.push(m) });
      const good = recordFor(1);
      await store.create(good);
      const full = store.serialize(recordFor(2));
      await fs.writeFile(path.join(dir, `${recordFor(2).id}.json`), full.slice(0, full.length / 2));
      await fs.writeFile(path.join(dir, `${recordFor(3).id}.json`), '');
      await fs.writeFile(path.join(dir, `${recordFor(4).id}.json`), JSON.stringify({ ...recordFor(4), formatVersion: 2 }));
      await fs.writeFile(path.join(dir, `${recordFor(5).id}.json`), JSON.stringify({ ...recordFor(5), commands: 'nope' }));
      await fs.writeFile(path.join(dir, 'notes.txt'), 'not a record');

      await assert.rejects(store.read(recordFor(2).id), (e: unknown) => e instanceof RunRecordFormatError && e.message.includes(`${recordFor(2).id}.json`) && /not valid JSON/.test(e.message));
      await assert.rejects(store.read(recordFor(3).id), /empty/);
      await assert.rejects(store.read(recordFor(4).id), /unsupported formatVersion 2/);
      await assert.rejects(store.read(recordFor(5).id), /"commands" must be an array/);
      await assert.rejects(store.read(recordFor(9).id), /No run record/);

      assert.deepEqual((await store.list()).map((s) => s.id), [good.id]);
      assert.equal(warnings.length, 4);
      assert.ok(warnings.every((w) => w.startsWith('Skipped run record: Run record ')));
    });

    it('parseRunRecord fills in what older version-1 files may lack', () => {
      const { choices: _c, variables: _v, droppedEvents: _d, ...minimal } = newRecord();
      const parsed = parseRunRecord(JSON.parse(JSON.stringify(minimal)), 'x.json');
      assert.deepEqual([parsed.choices, parsed.variables, parsed.droppedEvents], [{}, [], 0]);
      assert.throws(() => parseRunRecord([], 'x.json'), /Run record x\.json: not a JSON object/);
    });
  });

  describe('atomic writes', () => {
    it('(a) many records written concurrently, many times each: every file is valid JSON holding the last state', async () => {
      const dir = await temp.make();
      const renames: string[] = [];
      const counting: AtomicWriteFs = { ...nodeAtomicWriteFs, rename: (from, to) => (renames.push(to), nodeAtomicWriteFs.rename(from, to)) };
      const store = new RunRecordStore(dir, { fs: counting });
      const records = Array.from({ length: 40 }, (_, i) => recordFor(i));
      const finals: RunRecord[] = [];
      const writes: Promise<void>[] = [];
      for (const base of records) {
        let r = base;
        for (let n = 0; n < 25; n++) {
          r = tick(r, n);
          writes.push(store.write(r));
        }
        finals.push(r);
      }
      await Promise.all(writes);
      const names = await filesIn(dir);
      assert.equal(names.length, 40, 'no temp file left behind');
      for (const final of finals) {
        const text = await fs.readFile(path.join(dir, `${final.id}.json`), 'utf8');
        assert.deepEqual(JSON.parse(text), final);
      }
      assert.ok(renames.length < 40 * 25, `coalesced: ${renames.length} writes for 1000 states`);
      assert.ok(renames.length >= 40);
    });

    it('writes of one record never interleave, and the latest state wins', async () => {
      const dir = await temp.make();
      let active = 0;
      let maxActive = 0;
      const slow: AtomicWriteFs = {
        ...nodeAtomicWriteFs,
        async writeFile(file, data) {
          maxActive = Math.max(maxActive, ++active);
          await new Promise((r) => setTimeout(r, 5));
          await nodeAtomicWriteFs.writeFile(file, data);
        },
        async rename(from, to) {
          await nodeAtomicWriteFs.rename(from, to);
          active--;
        },
      };
      const store = new RunRecordStore(dir, { fs: slow });
      let r = recordFor(1);
      const writes: Promise<void>[] = [];
      for (let n = 0; n < 50; n++) {
        r = tick(r, n);
        writes.push(store.write(r));
        if (n % 7 === 0) await new Promise((res) => setTimeout(res, 2));
      }
      await Promise.all(writes);
      assert.equal(maxActive, 1);
      assert.deepEqual(await store.read(r.id), r);
    });

    it('(b) a crash between the temp write and the rename leaves the last complete version; temp files are ignored', async () => {
      const dir = await temp.make();
      const store = new RunRecordStore(dir);
      const v1 = tick(recordFor(1), 1);
      await store.create(v1);
      // The process "dies" after writing the temp file: rename never happens.
      const crashing = new RunRecordStore(dir, { fs: { ...nodeAtomicWriteFs, rename: () => new Promise<void>(() => undefined) } });
      void crashing.write(tick(v1, 2));
      await new Promise((r) => setTimeout(r, 50));
      // Debris of other crashes: a truncated temp file and a complete one of a record never renamed.
      const half = store.serialize(tick(v1, 3));
      await fs.writeFile(path.join(dir, `${v1.id}.json.tmp-99999-7`), half.slice(0, 100));
      await fs.writeFile(path.join(dir, `${recordFor(2).id}.json.tmp-99999-8`), store.serialize(recordFor(2)));

      assert.equal((await filesIn(dir)).filter((n) => n.includes('.tmp-')).length, 3);
      assert.deepEqual(await store.read(v1.id), v1);
      assert.deepEqual((await store.list()).map((s) => s.id), [v1.id]);
      assert.equal(await store.latestFor('docs/DEPLOY.md').then((r) => r?.id), v1.id);

      assert.equal(await store.removeStaleTempFiles(60_000), 0, 'too recent: may belong to a live writer');
      assert.equal(await store.removeStaleTempFiles(60_000, new Date(Date.now() + 120_000)), 3);
      assert.deepEqual(await filesIn(dir), [`${v1.id}.json`]);
    });

    it('a failed rename removes the temp file, keeps the old version and rejects the write', async () => {
      const dir = await temp.make();
      const store = new RunRecordStore(dir);
      const v1 = recordFor(1);
      await store.create(v1);
      const failing = new RunRecordStore(dir, { fs: { ...nodeAtomicWriteFs, rename: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) } });
      await assert.rejects(failing.write(tick(v1, 1)), /disk full/);
      assert.deepEqual(await filesIn(dir), [`${v1.id}.json`]);
      assert.deepEqual(await store.read(v1.id), v1);
      await failing.write(tick(v1, 2)).catch(() => undefined);
      await store.write(tick(v1, 3));
      assert.equal((await store.read(v1.id)).checklist.length, 1, 'the store keeps working after a failure');
    });

    it('retries a rename Windows refuses for a moment (EPERM)', async () => {
      const dir = await temp.make();
      let refusals = 2;
      const store = new RunRecordStore(dir, {
        fs: { ...nodeAtomicWriteFs, rename: (from, to) => (refusals-- > 0 ? Promise.reject(Object.assign(new Error('busy'), { code: 'EPERM' })) : nodeAtomicWriteFs.rename(from, to)) },
      });
      await store.create(recordFor(1));
      assert.deepEqual(await filesIn(dir), [`${recordFor(1).id}.json`]);
    });

    it('creates the folder again when it was removed meanwhile', async () => {
      const dir = path.join(await temp.make(), 'runs');
      const store = new RunRecordStore(dir);
      await store.create(recordFor(1));
      await fs.rm(dir, { recursive: true });
      await store.write(tick(recordFor(1), 1));
      assert.equal((await store.read(recordFor(1).id)).checklist.length, 1);
    });

    it('flush() waits for every queued write', async () => {
      const dir = await temp.make();
      const store = new RunRecordStore(dir);
      let r = recordFor(1);
      for (let n = 0; n < 10; n++) void store.write((r = tick(r, n)));
      await store.flush();
      assert.deepEqual(await store.read(r.id), r);
    });
  });
});

describe('resolveRunsFolder', () => {
  it('resolves the configured folder inside the workspace and refuses one outside', () => {
    assert.equal(resolveRunsFolder('/ws'), path.resolve('/ws/.deploy-pilot/runs'));
    assert.equal(resolveRunsFolder('/ws', 'ops/runs'), path.resolve('/ws/ops/runs'));
    assert.equal(resolveRunsFolder('/ws', '  '), path.resolve('/ws/.deploy-pilot/runs'));
    for (const bad of ['../runs', '/etc', 'a/../../b', '.']) assert.throws(() => resolveRunsFolder('/ws', bad), /inside the workspace/, bad);
  });
});
