import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AlertRule } from '../../../src/core/alerts';
import { formatRule, parseChecklistCriterion } from '../../../src/core/alerts';
import type { Runbook, RunbookNode, SectionNode } from '../../../src/core/runbook';
import { parseRunbook, walk } from '../../../src/core/runbook';
import { SEED_RUNBOOK } from '../../repoPaths';

/** Each seed checklist item with the rule it states (canonical form), or undefined. */
const SUCCESS_CRITERIA: Array<[string, string | undefined]> = [
  // First Hour
  ['Application started successfully', undefined],
  ['No deployment errors in logs', undefined],
  ['Health check endpoint responding (HTTP 200)', 'health_status == 200'],
  ['Error rate < 0.5%', 'error_rate < 0.5%'],
  ['Response times within normal range', undefined],
  ['Memory usage stable ±2%', 'memory_usage within ±2%'],
  // First Day
  ['No regressions detected (run test suite)', undefined],
  ['Memory trending flat (no upward trend)', undefined],
  ['No alert threshold breaches', undefined],
  ['User reports: 0 issues', undefined],
  ['Dashboard displaying data correctly', undefined],
  // First Week
  ['Memory metrics stable after 7+ days uptime', undefined],
  ['No OOM conditions', 'oom_conditions == 0'],
  ['All tests still passing', undefined],
  ['GC collection events happening normally', undefined],
  ['Production performance baseline established', undefined],
  // First Month
  ['Confirms memory leak is fixed (>30 days uptime)', undefined],
  ['No capacity issues', undefined],
  ['Deployment considered fully stable', undefined],
  ['Ready for next release cycle', undefined],
];

const SIGN_OFF: Array<[string, string | undefined]> = [
  ['All tests passing (40/40 unit tests ✅)', undefined],
  ['Code coverage ≥85% (85.74% ✅)', undefined],
  ['No regressions detected ✅', undefined],
  ['Code review approved ✅', undefined],
  ['Documentation complete ✅', undefined],
  ['Team briefed on changes ✅', undefined],
  ['Monitoring configured ✅', undefined],
  ['Rollback plan ready ✅', undefined],
  ['On-call team available ✅', undefined],
  ['Deployment window clear ✅', undefined],
];

function section(nodes: readonly RunbookNode[], label: string): SectionNode {
  for (const node of walk(nodes)) if (node.kind === 'section' && node.label === label) return node;
  assert.fail(`no section "${label}"`);
}

function taskTexts(node: SectionNode): string[] {
  const texts: string[] = [];
  for (const child of walk(node.children)) if (child.kind === 'task') texts.push(child.text);
  return texts;
}

function rule(text: string): AlertRule {
  const parsed = parseChecklistCriterion(text);
  assert.ok(parsed, `"${text}" is not measurable`);
  return parsed;
}

describe('parseChecklistCriterion', () => {
  describe("the seed's checklists", () => {
    let runbook: Runbook;
    before(() => {
      runbook = parseRunbook(readFileSync(SEED_RUNBOOK, 'utf8'));
    });

    it('lists exactly the seed items (20 success criteria, 10 sign-off items)', () => {
      assert.deepEqual(
        taskTexts(section(runbook.children, 'Success Criteria')),
        SUCCESS_CRITERIA.map(([text]) => text),
      );
      assert.deepEqual(
        taskTexts(section(runbook.children, 'Sign-Off Checklist')),
        SIGN_OFF.map(([text]) => text),
      );
    });

    it('finds exactly four measurable success criteria', () => {
      assert.deepEqual(
        SUCCESS_CRITERIA.map(([text]) => {
          const parsed = parseChecklistCriterion(text);
          return [text, parsed && formatRule(parsed)];
        }),
        SUCCESS_CRITERIA,
      );
    });

    it('finds nothing measurable in the sign-off checklist', () => {
      assert.deepEqual(
        SIGN_OFF.map(([text]) => {
          const parsed = parseChecklistCriterion(text);
          return [text, parsed && formatRule(parsed)];
        }),
        SIGN_OFF,
      );
    });

    it('Error rate < 0.5%', () => {
      assert.deepEqual(parseChecklistCriterion('Error rate < 0.5%'), {
        metric: 'error_rate',
        comparator: '<',
        threshold: { value: 0.5, unit: '%', raw: '0.5%', canonical: { value: 0.005, unit: 'ratio' } },
        text: 'Error rate < 0.5%',
        source: 'criterion',
      });
    });

    it('Memory usage stable ±2%', () => {
      assert.deepEqual(parseChecklistCriterion('Memory usage stable ±2%'), {
        metric: 'memory_usage',
        comparator: 'within',
        threshold: { value: 2, unit: '%', raw: '2%', canonical: { value: 0.02, unit: 'ratio' } },
        text: 'Memory usage stable ±2%',
        source: 'criterion',
      });
    });

    it('Health check endpoint responding (HTTP 200)', () => {
      assert.deepEqual(parseChecklistCriterion('Health check endpoint responding (HTTP 200)'), {
        metric: 'health_status',
        comparator: '==',
        threshold: { value: 200, unit: 'status', raw: '200', canonical: { value: 200, unit: 'status' } },
        text: 'Health check endpoint responding (HTTP 200)',
        source: 'criterion',
      });
    });

    it('No OOM conditions', () => {
      assert.deepEqual(parseChecklistCriterion('No OOM conditions'), {
        metric: 'oom_conditions',
        comparator: '==',
        threshold: { value: 0, unit: 'count', raw: 'No', canonical: { value: 0, unit: 'count' } },
        text: 'No OOM conditions',
        source: 'criterion',
      });
    });
  });

  describe('other phrasings', () => {
    it('Response time p95 < 1000ms', () => {
      assert.deepEqual(parseChecklistCriterion('Response time p95 < 1000ms'), {
        metric: 'response_time_p95',
        comparator: '<',
        threshold: { value: 1000, unit: 'ms', raw: '1000ms', canonical: { value: 1000, unit: 'ms' } },
        text: 'Response time p95 < 1000ms',
        source: 'criterion',
      });
    });

    const cases: Array<[string, string]> = [
      ['Error rate: should be <0.5%', 'error_rate < 0.5%'],
      ['Error rate should be < 0.5% (for 5m)', 'error_rate < 0.5% for 5m'],
      ['Error rate < 0.5% (measured by the load balancer)', 'error_rate < 0.5%'],
      ['- [ ] Error rate < 0.5% ✅', 'error_rate < 0.5%'],
      ['Memory usage stable within 2%', 'memory_usage within ±2%'],
      ['Memory stays within ±50MB', 'memory_usage within ±50MB'],
      ['No process restarts', 'process_restarts == 0'],
      ['Zero OOM kills', 'oom_conditions == 0'],
      ['No restarts in 1 hour', 'process_restarts == 0 in 1h'],
      ['Health check returns 200', 'health_status == 200'],
      ['Health check (HTTP 200 OK)', 'health_status == 200'],
      ['Health status == 200', 'health_status == 200'],
      ['p95 latency < 1s for 10 minutes', 'response_time_p95 < 1s for 10m'],
      ['CPU ≤ 70%', 'cpu_usage <= 70%'],
      ['queue_depth stable ±10', 'queue_depth within ±10'],
    ];
    for (const [text, expected] of cases) {
      it(`"${text}" → ${expected}`, () => assert.equal(formatRule(rule(text)), expected));
    }

    it('keeps the original text verbatim', () => {
      assert.equal(rule('- [ ] Error rate < 0.5% ✅').text, '- [ ] Error rate < 0.5% ✅');
    });
  });

  describe('nothing to measure', () => {
    const items = [
      'Health check endpoint responding',
      'Memory usage: should be stable',
      'No errors',
      'Code coverage ≥85%',
      'Uptime > 99.9%',
      'Error rate low',
      'Error rate < 0.5% and falling',
      'Health check (HTTP 42)',
      'Error rate < five percent',
      '',
    ];
    for (const text of items) {
      it(`"${text}"`, () => assert.equal(parseChecklistCriterion(text), undefined));
    }
  });
});
