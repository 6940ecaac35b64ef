import * as assert from 'node:assert/strict';
import { decodeRunbookBytes } from '../../../src/core/runbook';

describe('decodeRunbookBytes', () => {
  it('decodes UTF-8 text', () => {
    const result = decodeRunbookBytes(Buffer.from('# Déploiement ⚡\n'), 'RUNBOOK.md');
    assert.deepEqual(result, { ok: true, text: '# Déploiement ⚡\n' });
  });

  it('refuses a binary file with a clear message', () => {
    const result = decodeRunbookBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'logo.md');
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.reason === 'binary');
    assert.match(!result.ok ? result.message : '', /^logo\.md is a binary file/);
  });

  it('names the line of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('# ok\nline two\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const result = decodeRunbookBytes(bytes, 'DEPLOY.md');
    assert.ok(!result.ok);
    assert.equal(result.reason, 'encoding');
    assert.equal(result.line, 2);
    assert.match(result.message, /^DEPLOY\.md:3: not valid UTF-8 \(byte 0xe9/);
  });
});
