import * as assert from 'node:assert/strict';
import type { RunEventInput, RunRecord } from '../../../src/core/run';
import { MAX_RUN_ROLLBACKS, applyEvent, parseRunRecord, reduce, renderRunReport, restoreAfterCrash } from '../../../src/core/run';
import { at, newRecord } from './runTestHelpers';

function apply(record: RunRecord, events: readonly [number, RunEventInput][]): RunRecord {
  return events.reduce((r, [seconds, event]) => reduce(r, event, at(seconds)), record);
}

const started: RunEventInput = { type: 'rollbackStarted', environment: 'production', from: 'v1.1.0', to: 'v1.0.0', automatic: true, trigger: 'HighErrorRate', alertFiredAt: at(-60).toISOString() };

describe('run record: rollbacks', () => {
  it('records a rollback from start through verification to healthy, with its timings', () => {
    const record = apply(newRecord(), [
      [0, started],
      [5, { type: 'rollbackVerifying', environment: 'production' }],
      [9, { type: 'rollbackEnded', environment: 'production', outcome: 'healthy', healthyChecks: 3, timeToHealthyMs: 9000, timeFromAlertMs: 69_000 }],
    ]);
    assert.deepEqual(record.rollbacks, [
      {
        environment: 'production',
        from: 'v1.1.0',
        to: 'v1.0.0',
        automatic: true,
        trigger: 'HighErrorRate',
        alertFiredAt: at(-60).toISOString(),
        state: 'healthy',
        startedAt: at(0).toISOString(),
        commandsEndedAt: at(5).toISOString(),
        endedAt: at(9).toISOString(),
        healthyChecks: 3,
        timeToHealthyMs: 9000,
        timeFromAlertMs: 69_000,
      },
    ]);
    assert.deepEqual(
      record.events.slice(-3).map((e) => e.type),
      ['rollbackStarted', 'rollbackVerifying', 'rollbackEnded'],
    );
  });

  it('records a failed command with its index, text and exit code', () => {
    const record = apply(newRecord(), [
      [0, { ...started, automatic: false }],
      [2, { type: 'rollbackEnded', environment: 'production', outcome: 'failed', failedCommand: { index: 2, text: 'docker-compose up -d', exitCode: 1 } }],
    ]);
    assert.equal(record.rollbacks?.[0]?.state, 'failed');
    assert.deepEqual(record.rollbacks?.[0]?.failedCommand, { index: 2, text: 'docker-compose up -d', exitCode: 1 });
  });

  it('accepts one open rollback per environment and ignores events with none open', () => {
    const first = reduce(newRecord(), started, at(0));
    const second = applyEvent(first, started, at(1));
    assert.equal(second.accepted, false);
    assert.match(second.accepted ? '' : second.reason, /already running/);
    const staging = reduce(first, { ...started, environment: 'staging' }, at(1));
    assert.equal(staging.rollbacks?.length, 2);
    const orphan = applyEvent(newRecord(), { type: 'rollbackEnded', environment: 'production', outcome: 'healthy' }, at(2));
    assert.equal(orphan.accepted, false);
    const notRunning = applyEvent(newRecord(), { type: 'rollbackVerifying', environment: 'production' }, at(2));
    assert.equal(notRunning.accepted, false);
  });

  it('is accepted after the run ended: a rollback often follows a failed run', () => {
    const ended = reduce(newRecord(), { type: 'runEnded', state: 'failed' }, at(0));
    const record = reduce(ended, started, at(1));
    assert.equal(record.state, 'failed');
    assert.equal(record.rollbacks?.[0]?.state, 'running');
  });

  it('records a cancelled countdown with its reason and no target', () => {
    const record = reduce(newRecord(), { type: 'rollbackCancelled', environment: 'production', trigger: 'HighErrorRate', reason: 'cancelled by the operator' }, at(3));
    const cancelled = record.rollbacks?.[0];
    assert.equal(cancelled?.state, 'cancelled');
    assert.equal(cancelled?.reason, 'cancelled by the operator');
    assert.equal(cancelled?.from, undefined);
    assert.equal(cancelled?.automatic, true);
  });

  it('marks an open rollback interrupted after a crash, in a running and in an ended run', () => {
    const running = reduce(newRecord(), started, at(0));
    const restored = restoreAfterCrash(running, at(10));
    assert.equal(restored.rollbacks?.[0]?.state, 'interrupted');
    assert.equal(restored.rollbacks?.[0]?.endedAt, at(10).toISOString());
    const endedRun = reduce(reduce(newRecord(), { type: 'runEnded' }, at(0)), started, at(1));
    assert.equal(restoreAfterCrash(endedRun, at(10)).rollbacks?.[0]?.state, 'interrupted');
    assert.equal(restoreAfterCrash(restored, at(20)), restored, 'idempotent');
  });

  it(`keeps at most ${MAX_RUN_ROLLBACKS} rollbacks, the newest`, () => {
    let record = newRecord();
    for (let i = 0; i < MAX_RUN_ROLLBACKS + 5; i++) record = reduce(record, { type: 'rollbackCancelled', environment: 'production', reason: `#${i}` }, at(i));
    assert.equal(record.rollbacks?.length, MAX_RUN_ROLLBACKS);
    assert.equal(record.rollbacks?.[0]?.reason, '#5');
  });

  it('survives a write and a read, and the report lists it', () => {
    const record = apply(newRecord(), [
      [0, started],
      [5, { type: 'rollbackVerifying', environment: 'production' }],
      [9, { type: 'rollbackEnded', environment: 'production', outcome: 'healthy', healthyChecks: 3, timeToHealthyMs: 9000, timeFromAlertMs: 69_000 }],
    ]);
    const read = parseRunRecord(JSON.parse(JSON.stringify(record)), 'run.json');
    assert.deepEqual(read.rollbacks, record.rollbacks);
    const report = renderRunReport(read);
    assert.match(report, /## Rollbacks/);
    assert.match(report, /\| production \| `v1\.1\.0` → `v1\.0\.0` \| automatic \(HighErrorRate\) \|/);
    assert.match(report, /✅ healthy \| 3 healthy checks in 9 s \| 1 min 9 s \|/);
  });

  it('a record without rollbacks reads as before, and one with a malformed entry drops it', () => {
    const plain = parseRunRecord(JSON.parse(JSON.stringify(newRecord())), 'run.json');
    assert.equal(plain.rollbacks, undefined);
    assert.doesNotMatch(renderRunReport(plain), /Rollbacks/);
    const odd = parseRunRecord({ ...JSON.parse(JSON.stringify(newRecord())), rollbacks: [{ environment: 'x', state: 'healthy', startedAt: '2025-01-01T00:00:00Z', automatic: false }, 'nonsense'] }, 'run.json');
    assert.equal(odd.rollbacks?.length, 1);
    assert.throws(() => parseRunRecord({ ...JSON.parse(JSON.stringify(newRecord())), rollbacks: {} }, 'run.json'), /"rollbacks" must be an array/);
  });
});
