/**
 * A time limit on a Docker call. dockerode calls can hang when the engine is wedged (the socket
 * accepts but never answers), so every call gets an AbortSignal that is aborted at the deadline —
 * docker-modem then destroys the request and its socket — and the call is raced against the
 * deadline in case a code path ignores the signal. The timer is always cleared.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  onTimeout: () => Error,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = onTimeout();
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
