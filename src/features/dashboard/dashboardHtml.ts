import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Where the built webview lives (scripts/build.mjs: webview-ui → dist/webview). */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** Scripts only from the built webview, local resources only: `localResourceRoots` is the bundle and media/. */
export function dashboardOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri), vscode.Uri.joinPath(extensionUri, 'media')] };
}

/**
 * The dashboard's page under a strict Content-Security-Policy: nothing by default, styles from
 * the webview's own origin, and one script: ours, allowed by a nonce made fresh for each page
 * (`crypto.randomBytes`), so no injected or inline script runs.
 */
export function dashboardHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'dashboard.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'dashboard.css'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Deploy Pilot Dashboard</title>
</head>
<body>
<div id="dashboard"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
