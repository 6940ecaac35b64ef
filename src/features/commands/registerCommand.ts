import * as vscode from 'vscode';
import type { CommandId } from './commandIds';

/**
 * Registers a command whose errors are logged to the output channel and shown once,
 * never swallowed and never left as an unhandled rejection.
 */
export function registerCommand<Args extends unknown[]>(
  id: CommandId,
  log: vscode.LogOutputChannel,
  handler: (...args: Args) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...(args as Args));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error(`${id} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
      void vscode.window.showErrorMessage(`Deploy Pilot: ${message}`, 'Show Log').then((choice) => {
        if (choice) log.show(true);
      });
      return undefined;
    }
  });
}
