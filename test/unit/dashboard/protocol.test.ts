import * as assert from 'node:assert/strict';
import { DASHBOARD_PROTOCOL_VERSION, isHostToWebviewMessage, isWebviewToHostMessage } from '../../../src/shared/dashboardProtocol';
import { windowRange } from '../../../webview-ui/src/shaping';
import { parseViewState } from '../../../webview-ui/src/vscodeApi';

describe('dashboard protocol guards', () => {
  it('accepts every well-formed webview message', () => {
    const valid: unknown[] = [
      { type: 'ready', protocol: DASHBOARD_PROTOCOL_VERSION, state: { window: '1h', paused: false } },
      { type: 'ready', protocol: 1, state: { window: '24h', paused: true, environment: 'staging' } },
      { type: 'setWindow', window: '15m' },
      { type: 'pause' },
      { type: 'resume', resync: true },
      { type: 'selectEnvironment', environment: 'production' },
      { type: 'rollBack', environment: 'staging' },
      { type: 'rollBack', environment: 'staging', alertId: 'error-rate' },
      { type: 'startMonitoring' },
      { type: 'openLog' },
    ];
    for (const m of valid) assert.equal(isWebviewToHostMessage(m), true, JSON.stringify(m));
  });

  it('rejects unknown types and wrong fields (the host does not trust the webview)', () => {
    const invalid: unknown[] = [
      null,
      'ready',
      { type: 'runCommand', command: 'rm -rf /' },
      { type: 'setWindow', window: '2h' },
      { type: 'ready', protocol: 1, state: { window: '1h' } },
      { type: 'resume' },
      { type: 'rollBack' },
      { type: 'rollBack', environment: 'staging', alertId: 7 },
      { type: 'selectEnvironment', environment: 3 },
    ];
    for (const m of invalid) assert.equal(isWebviewToHostMessage(m), false, JSON.stringify(m));
  });

  it('tells host messages from other message events', () => {
    assert.equal(isHostToWebviewMessage({ type: 'status', now: 1, environments: [] }), true);
    assert.equal(isHostToWebviewMessage({ type: 'ready' }), false);
    assert.equal(isHostToWebviewMessage({ data: 'devtools' }), false);
  });
});

describe('webview view state', () => {
  it('restores a saved state and falls back to defaults field by field', () => {
    assert.deepEqual(parseViewState({ window: '6h', paused: true, environment: 'staging' }), { window: '6h', paused: true, environment: 'staging' });
    assert.deepEqual(parseViewState(undefined), { window: '1h', paused: false });
    assert.deepEqual(parseViewState({ window: '3h', paused: 'yes', environment: '' }), { window: '1h', paused: false });
  });

  it('the window ends at the host clock', () => {
    assert.deepEqual(windowRange(3_600_000, '15m'), { fromMs: 2_700_000, toMs: 3_600_000, from: 2700, to: 3600 });
  });
});
