// Live monitoring as a person sees it: the status-bar health item per environment, its tooltip
// with the last checks and the firing alert, the colours of degraded and down, and monitoring
// that comes back by itself after a window reload. The service is our own test service on
// 127.0.0.1, in this process.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { TestService } from '../support/testService';
import { startTestService } from '../support/testService';
import { openDevHost, reloadWindow, runCommand, type DevHost } from './harness';

function runbook(port: number): string {
  return `---
environments:
  staging:
    healthUrl: http://127.0.0.1:${port}/health
    metricsUrl: http://127.0.0.1:${port}/metrics
    health:
      interval: 1s
      retries: 1
alerts:
  - name: HighErrorRate
    condition: error_rate > 1%
    for: 3s
    severity: critical
---
# Release runbook

## STEP 1: Deploy to staging

\`\`\`bash
curl -f http://127.0.0.1:${port}/health
\`\`\`

## Success Criteria

### First Hour
- [ ] Error rate < 0.5%
`;
}

/** The DOM a status bar item is (the test's tsconfig has no DOM types). */
interface StyledElement {
  readonly ownerDocument: { readonly defaultView: { getComputedStyle(element: StyledElement): { readonly backgroundColor: string } } | null };
}

function healthItem(page: Page): Locator {
  return page.locator('.part.statusbar .statusbar-item', { has: page.locator('[aria-label^="Deploy Pilot: staging is"]') }).first();
}

async function labelOf(page: Page): Promise<string> {
  return (await page.locator('.part.statusbar [aria-label^="Deploy Pilot: staging is"]').first().getAttribute('aria-label').catch(() => null)) ?? '';
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('e2e: live monitoring in the status bar', () => {
  let host: DevHost;
  let service: TestService;
  let fixture: string;

  before(async () => {
    service = await startTestService({ trafficPerSecond: 30 });
    fixture = mkdtempSync(path.join(tmpdir(), 'dp-e2e-monitoring-'));
    writeFileSync(path.join(fixture, 'RUNBOOK.md'), runbook(service.port));
    host = await openDevHost({
      workspaceFixture: fixture,
      settings: { 'deployPilot.monitoring.scrapeInterval': 1, 'deployPilot.monitoring.evaluationInterval': 1, 'deployPilot.monitoring.rateWindow': 3 },
    });
  });

  after(async () => {
    await host?.stop();
    await service?.close();
    if (fixture) rmSync(fixture, { recursive: true, force: true });
  });

  it('shows staging healthy with its latency, then degraded and down with the firing alert when the service fails', async () => {
    const { page } = host;
    await runCommand(page, 'Deploy Pilot: Start Monitoring');
    await until('a healthy staging item', async () => /is healthy$/.test(await labelOf(page)), 60_000);
    const item = healthItem(page);
    assert.match(await item.innerText(), /staging \d+ ms/);
    await host.screenshot('monitoring-statusbar-healthy');

    service.setFault({ mode: 'error500' });
    await until('staging degraded', async () => /is (degraded|down)$/.test(await labelOf(page)), 30_000);
    await until('staging down', async () => /is down$/.test(await labelOf(page)), 30_000);
    assert.match(await item.innerText(), /staging down/);
    await page.locator('.notification-toast', { hasText: /staging is DOWN|HighErrorRate/ }).first().waitFor({ timeout: 30_000 });
    await page.locator('.notification-toast', { hasText: /HighErrorRate.*FIRING on staging/ }).first().waitFor({ timeout: 30_000 });
    const background = await item.evaluate((el: StyledElement) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor ?? '');
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'a down item has the error background');
    await item.hover();
    const tooltip = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Last checks' }).first();
    await tooltip.waitFor({ timeout: 10_000 });
    const tip = await tooltip.innerText();
    assert.match(tip, /FIRING/);
    assert.match(tip, /error_rate > 1%/);
    assert.match(tip, /status 500 is not accepted/);
    await host.screenshot('monitoring-statusbar-down');
    await page.mouse.move(0, 0);
  });

  it('comes back by itself after a window reload, and recovers when the service does', async () => {
    const { page } = host;
    service.setFault({ mode: 'none' });
    await reloadWindow(page);
    await until('the staging item after the reload', async () => /is (healthy|degraded|down|unknown)$/.test(await labelOf(page)), 60_000);
    await until('staging healthy again', async () => /is healthy$/.test(await labelOf(page)), 60_000);
    await host.screenshot('monitoring-statusbar-after-reload');
    await runCommand(page, 'Deploy Pilot: Stop Monitoring');
    await until('the item to go', async () => (await labelOf(page)) === '', 15_000);
  });
});
