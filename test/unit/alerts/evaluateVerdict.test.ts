import * as assert from 'node:assert/strict';
import type { AnalysisOutcome, AnalysisVerdict, VerdictTally } from '../../../src/core/alerts/evaluate';
import { EMPTY_VERDICT_TALLY, analysisVerdict, consecutiveErrorLimitTripped, tallyVerdict } from '../../../src/core/alerts/evaluate';

describe('analysisVerdict (Argo Rollouts)', () => {
  const table: Array<[AnalysisOutcome, AnalysisVerdict]> = [
    [{}, 'successful'],
    [{ successCondition: true }, 'successful'],
    [{ successCondition: false }, 'failed'],
    [{ failureCondition: true }, 'failed'],
    [{ failureCondition: false }, 'successful'],
    [{ successCondition: true, failureCondition: true }, 'failed'],
    [{ successCondition: false, failureCondition: true }, 'failed'],
    [{ successCondition: true, failureCondition: false }, 'successful'],
    [{ successCondition: false, failureCondition: false }, 'inconclusive'],
    [{ error: true }, 'error'],
    [{ error: true, successCondition: false }, 'error'],
    [{ error: true, failureCondition: true }, 'error'],
    [{ error: false, successCondition: true }, 'successful'],
  ];
  for (const [outcome, verdict] of table) {
    it(`${JSON.stringify(outcome)} → ${verdict}`, () => assert.equal(analysisVerdict(outcome), verdict));
  }
});

describe('consecutive errors (Argo Rollouts consecutiveErrorLimit)', () => {
  function tally(verdicts: readonly AnalysisVerdict[]): VerdictTally {
    return verdicts.reduce(tallyVerdict, EMPTY_VERDICT_TALLY);
  }

  it('tolerates 4 errors in a row by default and trips on the 5th', () => {
    const four = tally(['error', 'error', 'error', 'error']);
    assert.equal(four.consecutiveErrors, 4);
    assert.equal(consecutiveErrorLimitTripped(four), false);
    assert.equal(consecutiveErrorLimitTripped(tallyVerdict(four, 'error')), true);
  });

  it('resets the run of errors on any other verdict, but keeps the totals', () => {
    for (const other of ['successful', 'failed', 'inconclusive'] as const) {
      const t = tally(['error', 'error', 'error', 'error', other, 'error', 'error', 'error', 'error']);
      assert.equal(t.consecutiveErrors, 4, other);
      assert.equal(t.errors, 8, other);
      assert.equal(consecutiveErrorLimitTripped(t), false, other);
    }
    assert.deepEqual(tally(['successful', 'failed', 'inconclusive', 'error', 'successful']), {
      successful: 2,
      failed: 1,
      inconclusive: 1,
      errors: 1,
      consecutiveErrors: 0,
    });
  });

  it('takes another limit', () => {
    assert.equal(consecutiveErrorLimitTripped(tally(['error']), 0), true);
    assert.equal(consecutiveErrorLimitTripped(tally(['error', 'error']), 2), false);
    assert.equal(consecutiveErrorLimitTripped(tally(['error', 'error', 'error']), 2), true);
  });
});
