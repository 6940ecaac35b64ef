import * as assert from 'node:assert/strict';
import { formatDuration, parseDuration, runbookConfigSchema } from '../../../src/core/config';

describe('parseDuration', () => {
  it('reads durations as people write them, in seconds', () => {
    const cases: [string | number, number][] = [
      ['1h30m', 5400],
      ['90s', 90],
      ['5 minutes', 300],
      [60, 60],
      ['60', 60],
      ['1m', 60],
      ['30s', 30],
      ['500ms', 0.5],
      ['1.5h', 5400],
      ['1 hour 30 minutes', 5400],
      ['2 mins', 120],
      ['1d', 86_400],
      ['1w', 604_800],
      [' 10s ', 10],
      ['0', 0],
      [0.25, 0.25],
      ['1.1h', 3960],
    ];
    for (const [input, seconds] of cases) assert.equal(parseDuration(input), seconds, JSON.stringify(input));
  });

  it('refuses what is not a duration', () => {
    for (const input of ['', ' ', 'abc', '-5s', '5x', '1h30', 'ten seconds', '5 Minutes', '1..5s', 's', -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.equal(parseDuration(input), undefined, JSON.stringify(input));
    }
  });

  it('accepts exactly the strings the schema accepts', () => {
    const pattern = new RegExp(runbookConfigSchema.definitions.duration.pattern, 'u');
    const samples = ['1h30m', '90s', '5 minutes', '60', '500ms', '1.5h', '1 hour 30 minutes', '1d', '2 weeks', '1h 30m', 'abc', '-5s', '5x', '1h30', '5 Minutes', '', 'ms', '1mss', '10 s'];
    for (const sample of samples) {
      assert.equal(pattern.test(sample), parseDuration(sample) !== undefined, JSON.stringify(sample));
    }
  });

  it('formats seconds for messages', () => {
    assert.equal(formatDuration(48), '48 s');
    assert.equal(formatDuration(60), '1 min');
    assert.equal(formatDuration(5400), '1 h 30 min');
    assert.equal(formatDuration(7200), '2 h');
    assert.equal(formatDuration(0.5), '0.5 s');
  });
});
