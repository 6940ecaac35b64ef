/**
 * A test page for the dashboard webview: what VS Code gives a webview, stubbed. It loads the
 * built bundle under the same CSP the host uses (scripts only with a nonce, styles only from
 * the webview's origin, nothing else), defines `acquireVsCodeApi` (recording posted messages and
 * the state), sets the theme's `--vscode-*` variables and body class, and records CSP
 * violations. Messages from the "host" are posted with `window.postMessage`.
 */

/** The origin the harness is served from (Playwright routes it; nothing listens there). */
export const HARNESS_ORIGIN = 'http://127.0.0.1:9';

export type HarnessTheme = 'dark' | 'light';

/** A subset of VS Code's Dark Modern and Light Modern colours: the ones the dashboard reads. */
export const THEME_VARIABLES: Readonly<Record<HarnessTheme, Readonly<Record<string, string>>>> = {
  dark: {
    'font-family': 'system-ui, -apple-system, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
    'font-size': '13px',
    'editor-background': '#1f1f1f',
    foreground: '#cccccc',
    descriptionForeground: '#9d9d9d',
    errorForeground: '#f85149',
    focusBorder: '#0078d4',
    'panel-border': '#2b2b2b',
    'widget-border': '#313131',
    'editorWidget-background': '#202020',
    'button-background': '#0078d4',
    'button-foreground': '#ffffff',
    'button-hoverBackground': '#026ec1',
    'button-border': '#ffffff12',
    'button-secondaryBackground': '#313131',
    'button-secondaryForeground': '#cccccc',
    'button-secondaryHoverBackground': '#3c3c3c',
    'dropdown-background': '#313131',
    'dropdown-foreground': '#cccccc',
    'dropdown-border': '#3c3c3c',
    'toolbar-hoverBackground': 'rgba(90, 93, 94, 0.31)',
    'inputValidation-errorBackground': '#5a1d1d',
    'inputValidation-errorBorder': '#be1100',
    'inputValidation-warningBackground': '#352a05',
    'inputValidation-warningBorder': '#b89500',
    'statusBarItem-errorBackground': '#c72e0f',
    'statusBarItem-errorForeground': '#ffffff',
    'statusBarItem-warningBackground': '#7a6400',
    'statusBarItem-warningForeground': '#ffffff',
    'testing-iconPassed': '#73c991',
    'editorWarning-foreground': '#cca700',
    'charts-foreground': '#cccccc',
    'charts-lines': 'rgba(204, 204, 204, 0.5)',
    'charts-red': '#f14c4c',
    'charts-blue': '#3794ff',
    'charts-yellow': '#cca700',
    'charts-orange': '#d18616',
    'charts-green': '#89d185',
    'charts-purple': '#b180d7',
  },
  light: {
    'font-family': 'system-ui, -apple-system, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
    'font-size': '13px',
    'editor-background': '#ffffff',
    foreground: '#3b3b3b',
    descriptionForeground: '#6f6f6f',
    errorForeground: '#f85149',
    focusBorder: '#005fb8',
    'panel-border': '#e5e5e5',
    'widget-border': '#e5e5e5',
    'editorWidget-background': '#f8f8f8',
    'button-background': '#005fb8',
    'button-foreground': '#ffffff',
    'button-hoverBackground': '#0258a8',
    'button-border': '#0000001a',
    'button-secondaryBackground': '#e5e5e5',
    'button-secondaryForeground': '#3b3b3b',
    'button-secondaryHoverBackground': '#cccccc',
    'dropdown-background': '#ffffff',
    'dropdown-foreground': '#3b3b3b',
    'dropdown-border': '#cecece',
    'toolbar-hoverBackground': 'rgba(184, 184, 184, 0.31)',
    'inputValidation-errorBackground': '#f2dede',
    'inputValidation-errorBorder': '#be1100',
    'inputValidation-warningBackground': '#f6f5d2',
    'inputValidation-warningBorder': '#b89500',
    'statusBarItem-errorBackground': '#c72e0f',
    'statusBarItem-errorForeground': '#ffffff',
    'statusBarItem-warningBackground': '#725102',
    'statusBarItem-warningForeground': '#ffffff',
    'testing-iconPassed': '#388a34',
    'editorWarning-foreground': '#bf8803',
    'charts-foreground': '#616161',
    'charts-lines': 'rgba(97, 97, 97, 0.5)',
    'charts-red': '#e51400',
    'charts-blue': '#1a85ff',
    'charts-yellow': '#bf8803',
    'charts-orange': '#d18616',
    'charts-green': '#388a34',
    'charts-purple': '#652d90',
  },
};

/**
 * The CSP the host should send (with `webview.cspSource` for the origin and a fresh nonce):
 * nothing but the bundle's stylesheet and the nonce'd script. uPlot styles its elements through
 * the CSSOM (`el.style.x = …`), which `style-src` does not govern, so no 'unsafe-inline'.
 */
export function dashboardCsp(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
}

/** The page: the same markup the host should produce, plus the stub script (nonce'd). */
export function harnessHtml(theme: HarnessTheme, nonce: string, initialState?: unknown): string {
  const stub = `
    (function () {
      var vars = ${JSON.stringify(THEME_VARIABLES[theme])};
      for (var k in vars) document.documentElement.style.setProperty('--vscode-' + k, vars[k]);
      window.__posted = [];
      window.__violations = [];

      window.__state = ${JSON.stringify(initialState ?? null)};
      document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });
      var acquired = false;
      window.acquireVsCodeApi = function () {
        if (acquired) throw new Error('acquireVsCodeApi called twice');
        acquired = true;
        return {
          postMessage: function (m) { window.__posted.push(m); },
          getState: function () { return window.__state === null ? undefined : window.__state; },
          setState: function (s) { window.__state = s; return s; }
        };
      };
    })();`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${dashboardCsp(HARNESS_ORIGIN, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${HARNESS_ORIGIN}/dist/webview/dashboard.css">
<title>Deploy Pilot Dashboard</title>
<script nonce="${nonce}">${stub}</script>
</head>
<body class="vscode-${theme}">
<div id="dashboard"></div>
<script nonce="${nonce}" src="${HARNESS_ORIGIN}/dist/webview/dashboard.js"></script>
</body>
</html>`;
}
