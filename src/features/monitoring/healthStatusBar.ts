import * as vscode from 'vscode';
import type { EnvironmentSnapshot, OverallHealth } from '../../core/monitoring/snapshot';
import { CommandIds } from '../commands/commandIds';
import { describeSnapshot } from './describeSnapshot';

const ROLL_BACK = CommandIds.rollBack;

const ICONS: Record<OverallHealth, string> = {
  healthy: '$(pulse)',
  degraded: '$(warning)',
  down: '$(error)',
  unknown: '$(loading~spin)',
};

/**
 * One status-bar item per monitored environment: "$(pulse) staging 12 ms", warning and error
 * backgrounds from the theme for degraded and down, a tooltip with the last checks and the
 * firing alerts. Items exist only while their environment is monitored.
 */
export class HealthStatusBar implements vscode.Disposable {
  private readonly items = new Map<string, vscode.StatusBarItem>();
  private readonly backgrounds = new Map<string, string>();

  constructor(private readonly click: () => { readonly command: string; readonly title: string }) {}

  update(snapshot: EnvironmentSnapshot): void {
    let item = this.items.get(snapshot.environment);
    if (!item) {
      item = vscode.window.createStatusBarItem(`deployPilot.health.${snapshot.environment}`, vscode.StatusBarAlignment.Left, 50);
      item.name = `Deploy Pilot Health: ${snapshot.environment}`;
      this.items.set(snapshot.environment, item);
    }
    const latency = snapshot.overall !== 'down' && snapshot.latencyMs !== undefined ? ` ${Math.round(snapshot.latencyMs)} ms` : '';
    const word = snapshot.overall === 'healthy' || snapshot.overall === 'unknown' ? '' : ` ${snapshot.overall}`;
    item.text = `${ICONS[snapshot.overall]} ${snapshot.environment}${word}${latency}`;
    const background = snapshot.overall === 'down' ? 'statusBarItem.errorBackground' : snapshot.overall === 'degraded' ? 'statusBarItem.warningBackground' : undefined;
    item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    if (background) this.backgrounds.set(snapshot.environment, background);
    else this.backgrounds.delete(snapshot.environment);
    const click = this.click();
    const args = encodeURIComponent(JSON.stringify([snapshot.environment]));
    const actions = `[$(graph) Dashboard](command:${click.command}?${args}) · [$(history) Roll Back…](command:${ROLL_BACK}?${args})`;
    const tooltip = new vscode.MarkdownString(`${describeSnapshot(snapshot, `Click: ${click.title}.`)}\n\n${actions}`, true);
    // Only these two commands may run from the tooltip's links.
    tooltip.isTrusted = { enabledCommands: [click.command, ROLL_BACK] };
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `Deploy Pilot: ${snapshot.environment} is ${snapshot.overall}`, role: 'button' };
    item.command = { title: click.title, command: click.command, arguments: [snapshot.environment] };
    item.show();
  }

  /** Removes the item of an environment no longer monitored. */
  remove(environment: string): void {
    this.items.get(environment)?.dispose();
    this.items.delete(environment);
    this.backgrounds.delete(environment);
  }

  /** The items' texts, for tests: environment → text. */
  get texts(): ReadonlyMap<string, { text: string; background?: string }> {
    return new Map([...this.items].map(([env, item]) => [env, { text: item.text, background: this.backgrounds.get(env) }]));
  }

  dispose(): void {
    for (const item of this.items.values()) item.dispose();
    this.items.clear();
  }
}
