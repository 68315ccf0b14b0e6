/**
 * Waiting for the signal that ends a long-running command: SIGINT (Ctrl-C),
 * SIGTERM or SIGHUP. The first one asks for a clean stop; a second one, or
 * a stop that does not finish within `graceMs`, exits at once with 128 +
 * the signal's number. A second signal within a second of the first is the
 * same Ctrl-C passed on by a parent (pnpm forwards the terminal's SIGINT),
 * not a second request, and is ignored. A Postgres left running that way is stopped by the
 * next start (embedded-postgres.ts).
 */
import os from 'node:os';

/** A repeat within this long of the first signal is its echo. */
const ECHO_MS = 1_000;

/** The signals that stop `start` and `worker`. */
export const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A stop signal that has been (or will be) received. */
export interface ShutdownSignal {
  /** Resolves with the first stop signal received. */
  received: Promise<NodeJS.Signals>;
  /** The first signal, once there was one. */
  current(): NodeJS.Signals | undefined;
}

/**
 * Starts listening for stop signals; call once, early. After the first
 * signal the process has `graceMs` (default 30 s) to stop by itself.
 */
export function watchShutdownSignal(graceMs = 30_000): ShutdownSignal {
  let first: NodeJS.Signals | undefined;
  let firstAt = 0;
  const received = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      if (first) {
        if (Date.now() - firstAt < ECHO_MS) {
          return;
        }

        exitBy(signal);
      }

      first = signal;
      firstAt = Date.now();
      setTimeout(() => exitBy(signal), graceMs).unref();
      resolve(signal);
    };
    for (const signal of stopSignals) {
      process.on(signal, onSignal);
    }
  });

  return { received, current: () => first };
}

function exitBy(signal: NodeJS.Signals): never {
  process.exit(128 + (os.constants.signals[signal] ?? 0));
}
