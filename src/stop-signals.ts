/**
 * SIGTERM and SIGINT handlers, installed when this module is first imported: `main.ts` imports it before the
 * server's modules, which take a while to load, so a signal at any moment of start-up is caught rather than
 * killing the process. The first signal aborts {@link startupCancel} and is handed to whoever waits for it.
 */
export const startupCancel = new AbortController();

let received: NodeJS.Signals | undefined;
const waiting: Array<(signal: NodeJS.Signals, repeated: boolean) => void> = [];

function onSignal(signal: NodeJS.Signals): void {
  const repeated = received !== undefined;
  received ??= signal;
  startupCancel.abort();
  for (const handler of waiting) handler(signal, repeated);
}

process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);

/** Calls `handler` for every signal from now on, at once for one that has already arrived. */
export function onStopSignal(handler: (signal: NodeJS.Signals, repeated: boolean) => void): void {
  waiting.push(handler);
  if (received) handler(received, false);
}
