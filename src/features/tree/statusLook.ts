import * as vscode from 'vscode';
import type { StepStatus } from '../../core/run';

/** Tree icon and words for a run status; undefined for `pending` (the item keeps its own icon). */
export function statusLook(status: StepStatus): { icon: vscode.ThemeIcon; word: string } | undefined {
  switch (status) {
    case 'pending':
      return undefined;
    case 'running':
      return { icon: new vscode.ThemeIcon('loading~spin'), word: 'running' };
    case 'started':
      return { icon: new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('charts.blue')), word: 'started' };
    case 'succeeded':
      return { icon: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')), word: 'succeeded' };
    case 'failed':
      return { icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')), word: 'failed' };
    case 'skipped':
      return { icon: new vscode.ThemeIcon('debug-step-over', new vscode.ThemeColor('testing.iconSkipped')), word: 'skipped' };
    case 'unknown':
      return { icon: new vscode.ThemeIcon('question', new vscode.ThemeColor('testing.iconQueued')), word: 'outcome unknown' };
    case 'interrupted':
      return { icon: new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('testing.iconErrored')), word: 'interrupted' };
    case 'partial':
      return { icon: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('charts.yellow')), word: 'in progress' };
  }
}
