/**
 * The dashboard webview's entry (bundled to dist/webview/dashboard.js, iife; its CSS, uPlot's
 * included, to dist/webview/dashboard.css). Runs under a strict CSP: no inline script or style,
 * no eval; all DOM is built with createElement.
 */
import 'uplot/dist/uPlot.min.css';
import './dashboard.css';
import { isHostToWebviewMessage } from '../../src/shared/dashboardProtocol';
import { DashboardApp } from './app/dashboardApp';
import { connectToHost } from './vscodeApi';

function boot(): void {
  const root = document.getElementById('dashboard') ?? document.body.appendChild(document.createElement('div'));
  root.id = 'dashboard';
  const app = new DashboardApp(root, connectToHost());
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isHostToWebviewMessage(event.data)) app.handle(event.data);
  });
  app.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
