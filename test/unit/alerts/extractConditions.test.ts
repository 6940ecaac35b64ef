import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractAlertConditions, formatRule, parseAlertCondition } from '../../../src/core/alerts';
import type { ExtractedCondition } from '../../../src/core/alerts';
import { parseRunbook } from '../../../src/core/runbook';
import type { RunbookNode } from '../../../src/core/runbook';
import { SEED_RUNBOOK } from '../../repoPaths';

describe('extractAlertConditions', () => {
  describe('in the seed runbook', () => {
    const seedText = readFileSync(SEED_RUNBOOK, 'utf8');
    const seedLines = seedText.split('\n');

    interface Found extends ExtractedCondition {
      /** The section the code block belongs to. */
      readonly section: string;
      /** 0-based line in the file. */
      readonly fileLine: number;
    }

    function findAll(): Found[] {
      const found: Found[] = [];
      const visit = (nodes: readonly RunbookNode[], section: string): void => {
        for (const node of nodes) {
          if (node.kind === 'section') visit(node.children, node.label);
          if (node.kind !== 'code') continue;
          for (const condition of extractAlertConditions(node.text)) {
            found.push({ ...condition, section, fileLine: node.line + 1 + condition.line });
          }
        }
      };
      visit(parseRunbook(seedText).children, '');
      return found;
    }

    it('finds exactly the five ALERT_CONDITIONS and the three Option A alert bullets', () => {
      assert.deepEqual(
        findAll().map((f) => [f.section, f.origin, f.text, f.fileLine + 1, f.column]),
        [
          ['OPTION A: Staged Deployment (RECOMMENDED)', 'comment', 'Memory growth > 5% in 1 hour', 286, 4],
          ['OPTION A: Staged Deployment (RECOMMENDED)', 'comment', 'Error rate > 1%', 287, 4],
          ['OPTION A: Staged Deployment (RECOMMENDED)', 'comment', 'Response time p95 > 1000ms', 288, 4],
          ['Extended Monitoring (First 24 hours)', 'array', 'memory_growth > 5% in 1 hour', 392, 3],
          ['Extended Monitoring (First 24 hours)', 'array', 'error_rate > 1%', 393, 3],
          ['Extended Monitoring (First 24 hours)', 'array', 'response_time_p95 > 1000ms', 394, 3],
          ['Extended Monitoring (First 24 hours)', 'array', 'process_restarts > 0', 395, 3],
          ['Extended Monitoring (First 24 hours)', 'array', 'oom_conditions > 0', 396, 3],
        ],
      );
    });

    it('gives lines and columns that point at the text in the file', () => {
      for (const f of findAll()) {
        assert.equal(seedLines[f.fileLine]?.slice(f.column, f.column + f.text.length), f.text);
      }
    });

    it('finds only conditions that parse, the bullets to the same rules as the array', () => {
      const rules = findAll().map((f) => {
        const result = parseAlertCondition(f.text);
        assert.ok(result.ok, `${f.text}: ${result.ok ? '' : result.error}`);
        return formatRule(result.value);
      });
      assert.deepEqual(rules, [
        'memory_growth > 5% in 1h',
        'error_rate > 1%',
        'response_time_p95 > 1000ms',
        'memory_growth > 5% in 1h',
        'error_rate > 1%',
        'response_time_p95 > 1000ms',
        'process_restarts > 0',
        'oom_conditions > 0',
      ]);
    });
  });

  describe('shell arrays', () => {
    it('reads double- and single-quoted elements, several per line, skipping comments', () => {
      const block = [
        'ALERTS=( "error_rate > 1%" \'cpu > 90%\' # "not this"',
        '  # "nor this"',
        '  "latency > 1s")',
        'echo "after the array"',
      ].join('\n');
      assert.deepEqual(extractAlertConditions(block), [
        { text: 'error_rate > 1%', line: 0, column: 10, origin: 'array' },
        { text: 'cpu > 90%', line: 0, column: 28, origin: 'array' },
        { text: 'latency > 1s', line: 2, column: 3, origin: 'array' },
      ]);
    });

    it('accepts declare, +=, and other alert-ish names; ignores other arrays', () => {
      const block = [
        'declare -a ALERT_RULES=("a > 1")',
        'THRESHOLDS+=("b > 2")',
        'local SLO=("c > 3")',
        'HOSTS=("web-1" "web-2")',
        'SLOW_HOSTS=("web-3")',
      ].join('\n');
      assert.deepEqual(
        extractAlertConditions(block).map((c) => c.text),
        ['a > 1', 'b > 2', 'c > 3'],
      );
    });

    it('keeps escapes as written and skips empty and unterminated strings', () => {
      const block = ['CONDITIONS=(', '  "say \\"hi\\" > 1"', '  ""', '  "open', ')'].join('\n');
      assert.deepEqual(extractAlertConditions(block), [{ text: 'say \\"hi\\" > 1', line: 1, column: 3, origin: 'array' }]);
    });

    it('handles CRLF line ends', () => {
      assert.deepEqual(extractAlertConditions('ALERTS=(\r\n  "x > 1"\r\n)'), [{ text: 'x > 1', line: 1, column: 3, origin: 'array' }]);
    });
  });

  describe('comment bullets under an alert heading', () => {
    it('reads -, * and numbered bullets up to the first other line', () => {
      const block = [
        '# Alert on:',
        '#   - error_rate > 1%  ',
        '# * cpu > 90%',
        '# 3. restarts > 0',
        '# Then:',
        '# - not an alert',
        'echo done',
        '# - nor this',
      ].join('\n');
      assert.deepEqual(extractAlertConditions(block), [
        { text: 'error_rate > 1%', line: 1, column: 6, origin: 'comment' },
        { text: 'cpu > 90%', line: 2, column: 4, origin: 'comment' },
        { text: 'restarts > 0', line: 3, column: 5, origin: 'comment' },
      ]);
    });

    it('needs a heading that names alerts and ends with a colon', () => {
      assert.deepEqual(extractAlertConditions('# Check:\n# - Error rate: should be <0.5%'), []);
      assert.deepEqual(extractAlertConditions('# Set up alerts for\n# - error_rate > 1%'), []);
      assert.deepEqual(extractAlertConditions('# Watch: memory, errors, response times'), []);
    });

    it('finds nothing in an empty block', () => {
      assert.deepEqual(extractAlertConditions(''), []);
    });
  });
});
