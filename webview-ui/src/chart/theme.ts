/**
 * Chart colours from VS Code's theme. Canvas cannot use CSS variables, so the colours are read
 * from the body's computed style (`--vscode-*`, set by VS Code on the document) when the
 * dashboard starts and again whenever the theme changes: VS Code swaps the body class
 * (`vscode-light`, `vscode-dark`, `vscode-high-contrast`, `vscode-high-contrast-light`) and
 * rewrites the variables on <html>, both observed with a MutationObserver.
 */
import type { RunEventKind } from '../../../src/shared/dashboardProtocol';
import { withAlpha } from './color';

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface ChartTheme {
  readonly kind: ThemeKind;
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly axis: string;
  /** Series colours, in order. */
  readonly series: readonly string[];
  readonly warning: string;
  readonly critical: string;
  readonly firingFill: string;
  readonly markers: Readonly<Record<RunEventKind, string>>;
  readonly fontFamily: string;
  /** The card background behind the plot (label plates). */
  readonly background: string;
}

export function themeKindOf(body: HTMLElement): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

/** Reads the theme now. Fallbacks are VS Code's Dark Modern / Light Modern values. */
export function readChartTheme(body: HTMLElement = document.body): ChartTheme {
  const style = getComputedStyle(body);
  const kind = themeKindOf(body);
  const light = kind === 'light' || kind === 'high-contrast-light';
  const hc = kind === 'high-contrast' || kind === 'high-contrast-light';
  const v = (name: string, fallback: string): string => style.getPropertyValue(`--vscode-${name}`).trim() || fallback;
  const foreground = v('charts-foreground', v('foreground', light ? '#3b3b3b' : '#cccccc'));
  const lines = v('charts-lines', light ? 'rgba(97, 97, 97, 0.5)' : 'rgba(204, 204, 204, 0.5)');
  const red = v('charts-red', light ? '#e51400' : '#f14c4c');
  const blue = v('charts-blue', light ? '#1a85ff' : '#3794ff');
  const purple = v('charts-purple', light ? '#652d90' : '#b180d7');
  const green = v('charts-green', light ? '#388a34' : '#89d185');
  const orange = v('charts-orange', '#d18616');
  const yellow = v('charts-yellow', light ? '#bf8803' : '#cca700');
  const contrast = v('contrastBorder', '');
  return {
    kind,
    foreground,
    muted: v('descriptionForeground', foreground),
    grid: hc && contrast !== '' ? withAlpha(contrast, 0.5) : withAlpha(lines, 0.35),
    axis: hc && contrast !== '' ? contrast : lines,
    series: [blue, purple, green, orange, yellow],
    warning: orange,
    critical: red,
    firingFill: withAlpha(red, hc ? 0.3 : light ? 0.12 : 0.18),
    markers: { deploy: blue, rollback: purple, 'step-failed': red, 'step-started': v('descriptionForeground', foreground) },
    fontFamily: v('font-family', 'system-ui, sans-serif'),
    background: v('editorWidget-background', v('editor-background', light ? '#ffffff' : '#1f1f1f')),
  };
}

/** Calls `onChange` with the new theme when VS Code switches themes; returns the disconnect. */
export function watchTheme(onChange: (theme: ChartTheme) => void): () => void {
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    // Class and variables change in one go; read once after both.
    queueMicrotask(() => {
      scheduled = false;
      onChange(readChartTheme());
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}
