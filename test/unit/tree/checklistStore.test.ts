// The checklist store against a workspace-state memento that behaves as the extension host's can:
// a storage change event carrying an earlier write replaces the host's copy after a later update.
import * as assert from 'node:assert/strict';
import { ChecklistStore } from '../../../src/features/tree/checklistStore';

/** VS Code's Memento, as the store takes it (unit tests do not import vscode). */
type Memento = ConstructorParameters<typeof ChecklistStore>[0];

/** A memento whose reads can be rolled back to an earlier write, as a late storage event does. */
class RacyMemento implements Memento {
  private values = new Map<string, unknown>();
  readonly writes: Array<Map<string, unknown>> = [];
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T;
  }
  update(key: string, value: unknown): Promise<void> {
    // Like VS Code's: undefined removes the key; objects are stored as JSON.
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    this.writes.push(new Map(this.values));
    return Promise.resolve();
  }
  /** The host's copy goes back to what write `index` stored. */
  rollBackTo(index: number): void {
    this.values = new Map(this.writes[index]);
  }
}

describe('ChecklistStore', () => {
  it('keeps both of two quick ticks when a late storage event brings back the earlier state', async () => {
    const memento = new RacyMemento();
    const store = new ChecklistStore(memento);
    await store.set('RUNBOOK.md', [{ taskId: 'a', checked: true }]);
    await store.set('RUNBOOK.md', [{ taskId: 'b', checked: true }]);
    memento.rollBackTo(0); // only "a" in the host's copy now
    await store.set('RUNBOOK.md', [{ taskId: 'c', checked: true }]);
    assert.deepEqual(Object.keys(store.all('RUNBOOK.md')).sort(), ['a', 'b', 'c']);
    // What reaches storage last has every tick, so a reload sees them all.
    const last = memento.writes.at(-1)?.get('deployPilot.checklist:RUNBOOK.md') as Record<string, { checked: boolean }>;
    assert.deepEqual(Object.keys(last).sort(), ['a', 'b', 'c']);
  });

  it('starts from what workspace state holds, and clear forgets it', async () => {
    const memento = new RacyMemento();
    await memento.update('deployPilot.checklist:RUNBOOK.md', { a: { checked: true, at: '2026-12-04T10:00:00.000Z' } });
    const store = new ChecklistStore(memento);
    assert.equal(store.get('RUNBOOK.md', 'a')?.checked, true);
    assert.equal(store.get('OTHER.md', 'a'), undefined);
    await store.clear('RUNBOOK.md');
    assert.deepEqual(store.all('RUNBOOK.md'), {});
    assert.equal(memento.get('deployPilot.checklist:RUNBOOK.md', 'gone'), 'gone');
  });
});
