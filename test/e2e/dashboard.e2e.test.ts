// The metrics dashboard as a person sees it: live charts of the seed's environment against the
// runbook's thresholds, a firing alert, in a light and a dark theme; restored after a reload with
// its window and history; and its Content-Security-Policy refusing a script without the nonce.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { TestService } from '../support/testService';
import { startTestService } from '../support/testService';
import { openDevHost, reloadWindow, runCommand, until, type DevHost } from './harness';

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
# Phase 8: merge to master & deployment

## STEP 5: Deploy to staging

\`\`\`bash
curl -f http://127.0.0.1:${port}/health
\`\`\`

### Extended Monitoring (First 24 hours)

\`\`\`bash
ALERT_CONDITIONS=(
  "memory_growth > 5% in 1 hour"
  "error_rate > 1%"
  "response_time_p95 > 1000ms"
)
\`\`\`
`;
}

/** The dashboard's document: code-server nests a webview's page in two iframes. */
function dashboardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

async function points(frame: FrameLocator, chart: string): Promise<number> {
  return Number((await frame.locator(`figure[data-chart-key="${chart}"]`).getAttribute('data-points', { timeout: 2000 })) ?? '0');
}

describe('e2e: the metrics dashboard', () => {
  let host: DevHost;
  let service: TestService;
  let fixture: string;

  before(async () => {
    service = await startTestService({ trafficPerSecond: 40 });
    fixture = mkdtempSync(path.join(tmpdir(), 'dp-e2e-dashboard-'));
    writeFileSync(path.join(fixture, 'RUNBOOK.md'), runbook(service.port));
    host = await openDevHost({
      workspaceFixture: fixture,
      settings: { 'deployPilot.monitoring.scrapeInterval': 1, 'deployPilot.monitoring.evaluationInterval': 1, 'deployPilot.monitoring.rateWindow': 3 },
    });
  });

  afterEach(async function () {
    // A failure leaves a picture of what the person would have seen.
    if (this.currentTest?.state === 'failed') await host?.screenshot(`dashboard-failed-${this.currentTest.title.slice(0, 20).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  after(async () => {
    await host?.stop();
    await service?.close();
    if (fixture) rmSync(fixture, { recursive: true, force: true });
  });

  it('charts staging live against the thresholds and shows the firing alert, in a light and a dark theme', async () => {
    const { page } = host;
    await runCommand(page, 'Deploy Pilot: Start Monitoring');
    await runCommand(page, 'Deploy Pilot: Open Dashboard');
    const frame = dashboardFrame(page);
    await frame.locator('figure[data-chart-key="staging/errorRate"]').waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('figure[data-chart-key]').count(), 4);
    const before = await points(frame, 'staging/healthLatency');
    await until('live points on the health-latency chart', async () => (await points(frame, 'staging/healthLatency')) > before + 2, 30_000);
    await until('points on the error-rate chart', async () => (await points(frame, 'staging/errorRate')) > 2, 30_000);
    const errorCard = frame.locator('figure[data-chart-key="staging/errorRate"]');
    assert.match(await errorCard.innerText(), /Error rate/);

    service.setFault({ mode: 'error500', errorRatio: 0.5 });
    await frame.locator('.alert.firing', { hasText: 'error_rate > 1%' }).waitFor({ timeout: 45_000 });
    await until('the error-rate chart to be marked firing', async () => /Firing/i.test(await errorCard.innerText()), 15_000);
    await page.waitForTimeout(1500);
    await host.screenshot('dashboard-light-firing');

    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await until('the webview to take the dark theme', async () => (await frame.locator('body').getAttribute('class'))?.includes('vscode-dark') ?? false, 15_000);
    await page.waitForTimeout(1500);
    await host.screenshot('dashboard-dark-firing');
  });

  it('refuses an inline script without the nonce (Content-Security-Policy)', async () => {
    const frame = dashboardFrame(host.page);
    const ran = await frame.locator('body').evaluate((body: { ownerDocument: InjectionDocument }) => {
      const doc = body.ownerDocument;
      const script = doc.createElement('script');
      script.textContent = 'document.body.setAttribute("data-injected", "ran")';
      doc.body.appendChild(script);
      return doc.body.getAttribute('data-injected');
    });
    assert.equal(ran, null, 'an inline script without the nonce ran');
  });

  it('comes back after a window reload with its window and its history', async () => {
    const { page } = host;
    service.setFault({ mode: 'none' });
    let frame = dashboardFrame(page);
    const fifteen = (f: FrameLocator) => f.locator('label.segment', { hasText: '15 min' });
    await fifteen(frame).click();
    await until('the 15 min window', () => fifteen(frame).locator('input').isChecked(), 10_000);
    const pointsBefore = await points(frame, 'staging/healthLatency');
    await reloadWindow(page);
    frame = dashboardFrame(page);
    await frame.locator('figure[data-chart-key="staging/healthLatency"]').waitFor({ timeout: 60_000 });
    await until('the history to come back', async () => (await points(frame, 'staging/healthLatency')) >= pointsBefore, 30_000);
    assert.ok(await fifteen(frame).locator('input').isChecked(), 'the window was not restored');
    await page.waitForTimeout(1000);
    await host.screenshot('dashboard-after-reload');
  });
});

/** The little of the DOM the injection test uses (the test tsconfig has no DOM types). */
interface InjectionElement {
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  appendChild(child: InjectionElement): void;
}
interface InjectionDocument {
  createElement(tag: string): InjectionElement;
  readonly body: InjectionElement;
}
