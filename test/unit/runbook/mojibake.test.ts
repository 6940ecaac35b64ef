import * as assert from 'node:assert/strict';
import { hasMojibake, repairSequences, stripDecorations } from '../../../src/core/runbook/mojibake';

describe('mojibake repair', () => {
  it('repairs 3-byte sequences and 4-byte emoji whose lead byte was lost', () => {
    assert.equal(repairSequences('‚ö° Quick').text, '⚡ Quick');
    assert.equal(repairSequences('üìã Guide').text, '📋 Guide');
    assert.equal(repairSequences('‚ö†Ô∏è Critical').text, '⚠️ Critical');
    assert.equal(repairSequences('‚îú‚îÄ Deploy').text, '├─ Deploy');
    assert.equal(repairSequences('stable ¬±2%').text, 'stable ±2%');
  });

  it('leaves ordinary accented and symbol text alone', () => {
    for (const text of ['Déploiement en production', 'Größe prüfen', 'naïve café', '≥ 85 % ±', 'Übersicht']) {
      assert.equal(hasMojibake(text), false, text);
    }
  });

  it('detects a document only with strong (multi-byte) evidence', () => {
    assert.equal(hasMojibake('plain ascii'), false);
    assert.equal(hasMojibake('stable ¬±2%'), false);
    assert.equal(hasMojibake('## ‚ö° Quick Start'), true);
  });

  it('strips leading emoji from labels but keeps the words', () => {
    assert.equal(stripDecorations('⚡ Quick Start'), 'Quick Start');
    assert.equal(stripDecorations('⚠️ Critical Fix'), 'Critical Fix');
    assert.equal(stripDecorations('🚀'), '🚀');
    assert.equal(stripDecorations('Step 1'), 'Step 1');
  });
});
