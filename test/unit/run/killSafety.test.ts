import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseRunRecord } from '../../../src/core/run';
import { RunRecordStore } from '../../../src/infra/runRecords';
import { tempFolders } from './runTestHelpers';

const temp = tempFolders();

interface Written {
  readonly id: string;
  readonly version: number;
  readonly events: number;
}

function isWritten(message: unknown): message is Written {
  return typeof message === 'object' && message !== null && 'id' in message && 'events' in message;
}

describe('(c) kill safety: a writer process SIGKILLed mid-way', function () {
  this.timeout(60_000);

  for (const round of [1, 2, 3]) {
    it(`leaves only complete record files (round ${round})`, async () => {
      const dir = await temp.make();
      const acknowledged = new Map<string, number>();
      const child = fork(path.join(__dirname, 'fixtures', 'recordWriter.js'), [dir, '6'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      let total = 0;
      // Kill at a different moment each round, while writes are in flight.
      const killAfter = 150 * round + Math.floor(Math.random() * 100);
      await new Promise<void>((resolve, reject) => {
        child.on('message', (message: unknown) => {
          if (!isWritten(message)) return;
          acknowledged.set(message.id, Math.max(acknowledged.get(message.id) ?? 0, message.events));
          if (++total === killAfter) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`the writer exited before it was killed: ${stderr}`)));
      });
      assert.equal(await exited, 'SIGKILL');

      const names = await fs.readdir(dir);
      const records = names.filter((n) => n.endsWith('.json'));
      assert.equal(records.length, 6, names.join(', '));
      assert.ok(names.every((n) => n.endsWith('.json') || /\.json\.tmp-\d+-\d+$/.test(n)), names.join(', '));
      for (const name of records) {
        const text = await fs.readFile(path.join(dir, name), 'utf8');
        const record = parseRunRecord(JSON.parse(text), name);
        const acked = acknowledged.get(record.id) ?? 0;
        assert.ok(record.events.length >= acked, `${name}: ${record.events.length} events on disk, ${acked} acknowledged`);
      }
      const warnings: string[] = [];
      const listed = await new RunRecordStore(dir, { onWarning: (w) => warnings.push(w) }).list();
      assert.equal(listed.length, 6);
      assert.deepEqual(warnings, []);
    });
  }
});
