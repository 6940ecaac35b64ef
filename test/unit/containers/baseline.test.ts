import * as assert from 'node:assert/strict';
import { baselineOf, changesSince, startTally, tallyChanges } from '../../../src/core/containers';
import type { ContainerInspectLike } from '../../../src/core/containers';

const ID = '9ce5279dfb418f8aa17b11563a8afcd1a31d41905032202110d2ba976fa80a5a';
const OTHER_ID = '40c536db3242fd926f40785611ceb04038f8c8ce7efaebcf702a2465d400e2b5';
const IMAGE = 'sha256:c8e502faf65bac7c44561d83840e256f302d2224a7b1b3980b5c86aa07441fad';
const T0 = '2026-11-28T15:16:30.686494503Z';
const T1 = '2026-11-28T15:16:38.42525038Z';
const T2 = '2026-11-28T15:17:02.001Z';

function inspect(fields: { id?: string; restartCount?: number; oomKilled?: boolean; startedAt?: string } = {}): ContainerInspectLike {
  return {
    Id: fields.id ?? ID,
    Name: '/dptest-web-1',
    Image: IMAGE,
    RestartCount: fields.restartCount ?? 0,
    State: { OOMKilled: fields.oomKilled ?? false, StartedAt: fields.startedAt ?? T0 },
  };
}

describe('container baselines', () => {
  describe('baselineOf', () => {
    it('takes the id, name without slash, restart count, OOM flag, start time and image', () => {
      assert.deepEqual(baselineOf(inspect({ restartCount: 2, oomKilled: true })), {
        id: ID,
        name: 'dptest-web-1',
        restartCount: 2,
        oomKilled: true,
        startedAt: T0,
        image: IMAGE,
      });
    });
  });

  describe('changesSince', () => {
    const base = baselineOf(inspect({ restartCount: 2 }));

    it('nothing changed: no restarts, no OOM kill, not recreated', () => {
      assert.deepEqual(changesSince(base, inspect({ restartCount: 2 })), { restarts: 0, oomKills: 0, recreated: false });
    });

    it('the restart policy restarted it: the RestartCount delta', () => {
      assert.deepEqual(changesSince(base, inspect({ restartCount: 5, startedAt: T1 })), { restarts: 3, oomKills: 0, recreated: false });
    });

    it('a manual `docker restart` (RestartCount reset to 0, StartedAt moved) counts 1', () => {
      assert.deepEqual(changesSince(base, inspect({ restartCount: 0, startedAt: T1 })), { restarts: 1, oomKills: 0, recreated: false });
    });

    it('a manual restart from count 0 (count unchanged, StartedAt moved) counts 1', () => {
      const fresh = baselineOf(inspect());
      assert.equal(changesSince(fresh, inspect({ startedAt: T1 })).restarts, 1);
    });

    it('a manual restart followed by policy restarts: the count since the reset, plus the manual start', () => {
      assert.equal(changesSince(base, inspect({ restartCount: 2, startedAt: T1 })).restarts, 3);
      assert.equal(changesSince(base, inspect({ restartCount: 1, startedAt: T1 })).restarts, 2);
    });

    it('OOM-killed and not restarted yet (StartedAt unchanged): 1 OOM kill, 0 restarts', () => {
      assert.deepEqual(changesSince(base, inspect({ restartCount: 2, oomKilled: true })), { restarts: 0, oomKills: 1, recreated: false });
    });

    it('an OOM kill already in the baseline is not counted again', () => {
      const killed = baselineOf(inspect({ oomKilled: true }));
      assert.equal(changesSince(killed, inspect({ oomKilled: true })).oomKills, 0);
    });

    it('restarted by the policy and OOM-killed again in the new run: both counted', () => {
      const killed = baselineOf(inspect({ oomKilled: true }));
      assert.deepEqual(changesSince(killed, inspect({ restartCount: 1, oomKilled: true, startedAt: T1 })), {
        restarts: 1,
        oomKills: 1,
        recreated: false,
      });
    });

    it('an OOM kill followed by a restart before the observation shows as a restart only (the flag was reset)', () => {
      assert.deepEqual(changesSince(base, inspect({ restartCount: 3, startedAt: T1 })), { restarts: 1, oomKills: 0, recreated: false });
    });

    it('another container ID is a recreation (redeploy), not a restart', () => {
      assert.deepEqual(changesSince(base, inspect({ id: OTHER_ID, startedAt: T2 })), { restarts: 0, oomKills: 0, recreated: true });
    });

    it("a recreated container's own restarts and OOM kill count from its creation", () => {
      assert.deepEqual(changesSince(base, inspect({ id: OTHER_ID, restartCount: 4, oomKilled: true, startedAt: T2 })), {
        restarts: 4,
        oomKills: 1,
        recreated: true,
      });
    });
  });

  describe('tallyChanges', () => {
    it('adds up observation after observation, so a manual reset between them does not hide restarts', () => {
      let tally = startTally(baselineOf(inspect({ restartCount: 0 })));
      tally = tallyChanges(tally, inspect({ restartCount: 2, startedAt: T1 })); // two policy restarts
      tally = tallyChanges(tally, inspect({ restartCount: 0, startedAt: T2 })); // a manual restart resets the count
      assert.equal(tally.restarts, 3);
      // Compared with the first baseline only, the reset would hide the two policy restarts.
      assert.equal(changesSince(tally.first, inspect({ restartCount: 0, startedAt: T2 })).restarts, 1);
    });

    it('counts an OOM kill once while the container stays killed', () => {
      let tally = startTally(baselineOf(inspect()));
      tally = tallyChanges(tally, inspect({ oomKilled: true }));
      tally = tallyChanges(tally, inspect({ oomKilled: true }));
      assert.equal(tally.oomKills, 1);
      tally = tallyChanges(tally, inspect({ restartCount: 1, oomKilled: true, startedAt: T1 }));
      assert.deepEqual([tally.restarts, tally.oomKills], [1, 2]);
    });

    it('re-baselines on a recreated container and keeps counting from it', () => {
      let tally = startTally(baselineOf(inspect({ restartCount: 7 })));
      tally = tallyChanges(tally, inspect({ id: OTHER_ID, startedAt: T1 }));
      assert.deepEqual([tally.restarts, tally.recreations, tally.last.id, tally.first.id], [0, 1, OTHER_ID, ID]);
      tally = tallyChanges(tally, inspect({ id: OTHER_ID, restartCount: 1, startedAt: T2 }));
      assert.deepEqual([tally.restarts, tally.recreations], [1, 1]);
    });
  });
});
