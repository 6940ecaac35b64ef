import * as assert from 'node:assert/strict';
import type { AutoRollbackConfig } from '../../../src/core/config';
import { AutoRollbackController, verdictAction } from '../../../src/core/rollback';

const T0 = 1_000_000;
const ON: AutoRollbackConfig = { enabled: true, alerts: ['HighErrorRate'], countdownSeconds: 60 };
const hhmm = (at: number): string => (at === T0 + 70_000 ? '14:03' : `t${at}`);

describe('AutoRollbackController', () => {
  it('counts down when a trigger alert fires, then says roll back now', () => {
    const c = new AutoRollbackController('staging', ON);
    assert.deepEqual(c.alertFiring('HighErrorRate', T0, T0 + 5), { kind: 'countdown', trigger: 'HighErrorRate', endsAt: T0 + 60_005 });
    assert.deepEqual(c.tick(T0 + 60_004), { kind: 'none' });
    assert.deepEqual(c.tick(T0 + 60_005), { kind: 'rollBackNow', trigger: 'HighErrorRate' });
    assert.equal(c.phase.kind, 'rollingBack');
    assert.deepEqual(c.tick(T0 + 70_000), { kind: 'none' });
  });

  it('ignores alerts it is not configured for, and everything when disabled', () => {
    const c = new AutoRollbackController('staging', ON);
    assert.equal(c.alertFiring('DiskFull', T0, T0).kind, 'ignored');
    const off = new AutoRollbackController('staging', { ...ON, enabled: false });
    assert.deepEqual(off.alertFiring('HighErrorRate', T0, T0), { kind: 'ignored', reason: 'Automatic rollback is off for staging.' });
    assert.equal(off.phase.kind, 'idle');
  });

  it('cancel returns to idle and the same firing episode does not trigger again; a new one does', () => {
    const c = new AutoRollbackController('staging', { ...ON, countdownSeconds: 30 });
    c.alertFiring('HighErrorRate', T0, T0);
    assert.equal(c.cancel().kind, 'cancelled');
    assert.equal(c.phase.kind, 'idle');
    assert.deepEqual(c.tick(T0 + 31_000), { kind: 'none' });
    assert.equal(c.alertFiring('HighErrorRate', T0, T0 + 40_000).kind, 'ignored');
    assert.deepEqual(c.alertFiring('HighErrorRate', T0 + 50_000, T0 + 50_000), { kind: 'countdown', trigger: 'HighErrorRate', endsAt: T0 + 80_000 });
  });

  it('an alert resolving during the countdown ends it without a rollback', () => {
    const c = new AutoRollbackController('staging', ON);
    c.alertFiring('HighErrorRate', T0, T0);
    assert.equal(c.alertResolved('HighErrorRate').kind, 'cancelled');
    assert.deepEqual(c.tick(T0 + 61_000), { kind: 'none' });
  });

  it('runs one rollback at a time', () => {
    const c = new AutoRollbackController('staging', ON);
    assert.deepEqual(c.rollbackStarted('operator', T0), { kind: 'none' });
    assert.deepEqual(c.alertFiring('HighErrorRate', T0, T0 + 1), { kind: 'ignored', reason: 'A rollback of staging is already running (started by operator).' });
    assert.equal(c.rollbackStarted('operator', T0 + 2).kind, 'ignored');
  });

  it('a trigger when already at the rolled-back version is a no-op that says so; a new deploy re-arms it', () => {
    const c = new AutoRollbackController('staging', ON, hhmm);
    c.deployed('v2.0.0');
    c.alertFiring('HighErrorRate', T0, T0);
    c.tick(T0 + 60_000);
    c.rollbackFinished({ ok: true, version: 'v1.0.0', at: T0 + 70_000 });
    assert.equal(c.phase.kind, 'idle');
    assert.deepEqual(c.alertFiring('HighErrorRate', T0 + 80_000, T0 + 80_000), { kind: 'ignored', reason: 'staging already runs v1.0.0 (rolled back at 14:03).' });
    c.deployed('v2.0.1');
    assert.equal(c.alertFiring('HighErrorRate', T0 + 90_000, T0 + 90_000).kind, 'countdown');
  });

  it('maps Argo analysis verdicts: failed or error → roll back, inconclusive → pause, successful → nothing', () => {
    assert.deepEqual(['failed', 'error', 'inconclusive', 'successful'].map((v) => verdictAction(v as 'failed')), ['rollBack', 'rollBack', 'pause', 'none']);
    const c = new AutoRollbackController('staging', ON);
    assert.equal(c.analysisVerdict('inconclusive', 'error-rate', T0).kind, 'pause');
    assert.equal(c.phase.kind, 'idle');
    assert.deepEqual(c.analysisVerdict('successful', 'error-rate', T0), { kind: 'none' });
    assert.deepEqual(c.analysisVerdict('error', 'error-rate', T0), { kind: 'countdown', trigger: 'analysis error-rate (error)', endsAt: T0 + 60_000 });
  });

  it('a command run after the rollback may have deployed: a new firing counts down again', () => {
    const c = new AutoRollbackController('staging', ON, hhmm);
    c.alertFiring('HighErrorRate', T0, T0);
    c.tick(T0 + 60_000);
    c.rollbackFinished({ ok: true, version: 'v1.0.0', at: T0 + 70_000 });
    c.commandRanAt(T0 + 65_000);
    assert.equal(c.alertFiring('HighErrorRate', T0 + 80_000, T0 + 80_000).kind, 'ignored', 'a command before the rollback ended changes nothing');
    c.commandRanAt(T0 + 90_000);
    assert.equal(c.alertFiring('HighErrorRate', T0 + 100_000, T0 + 100_000).kind, 'countdown');
  });
});
