import type * as vscode from 'vscode';

/**
 * The next value of `event` that `accept` takes, or undefined when `timeoutMs` passes first. The
 * listener and the timer are disposed either way.
 */
export function nextEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(undefined);
    }, timeoutMs);
    const listener = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}
