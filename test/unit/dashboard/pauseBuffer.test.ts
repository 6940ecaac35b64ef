import * as assert from 'node:assert/strict';
import type { AppendMessage } from '../../../src/shared/dashboardProtocol';
import { PauseBuffer } from '../../../webview-ui/src/shaping';

function append(now: number, points: AppendMessage['points'], extra: Partial<AppendMessage> = {}): AppendMessage {
  return { type: 'append', environment: 'staging', now, points, ...extra };
}

describe('PauseBuffer', () => {
  it('merges appends per series, in order, and drains them as one append', () => {
    const b = new PauseBuffer();
    b.add(append(2000, { a: [[1000, 1]], b: [[1000, 5]] }));
    b.add(append(3000, { a: [[2000, 2]] }));
    assert.equal(b.size, 3);
    const drained = b.drain();
    assert.deepEqual(drained, { type: 'append', environment: 'staging', now: 3000, points: { a: [[1000, 1], [2000, 2]], b: [[1000, 5]] } });
    assert.equal(b.drain(), undefined);
    assert.equal(b.size, 0);
  });

  it('is bounded per series: the oldest samples go first, and the drop is reported', () => {
    const b = new PauseBuffer({ maxPointsPerSeries: 3 });
    b.add(append(1, { a: [[1, 1], [2, 2]] }));
    b.add(append(2, { a: [[3, 3], [4, 4], [5, 5]] }));
    assert.equal(b.size, 3);
    assert.equal(b.dropped, 2);
    assert.equal(b.overflowed, true);
    assert.deepEqual(b.drain()?.points, { a: [[3, 3], [4, 4], [5, 5]] });
    assert.equal(b.overflowed, false);
  });

  it('bounds the number of series and markers', () => {
    const b = new PauseBuffer({ maxSeries: 1, maxMarkers: 2 });
    b.add(append(1, { a: [[1, 1]], b: [[1, 1]] }, { markers: [1, 2, 3].map((t) => ({ t, label: `m${t}`, kind: 'deploy' as const })) }));
    const drained = b.drain();
    assert.deepEqual(Object.keys(drained?.points ?? {}), ['a']);
    assert.deepEqual(
      drained?.markers?.map((m) => m.label),
      ['m2', 'm3'],
    );
  });

  it('keeps the latest firing periods per chart and each new series once', () => {
    const b = new PauseBuffer();
    b.add(append(1, {}, { firing: { c: [{ from: 1 }] }, newSeries: [{ chart: 'c', key: 'k', label: 'web-3' }] }));
    b.add(append(2, {}, { firing: { c: [{ from: 1, to: 2 }] }, newSeries: [{ chart: 'c', key: 'k', label: 'web-3' }] }));
    const drained = b.drain();
    assert.deepEqual(drained?.firing, { c: [{ from: 1, to: 2 }] });
    assert.equal(drained?.newSeries?.length, 1);
  });

  it('an append for another environment replaces what was buffered', () => {
    const b = new PauseBuffer();
    b.add(append(1, { a: [[1, 1]] }));
    b.add({ type: 'append', environment: 'production', now: 2, points: { p: [[2, 2]] } });
    assert.deepEqual(b.drain(), { type: 'append', environment: 'production', now: 2, points: { p: [[2, 2]] } });
  });
});
