/**
 * Runs Herald's CLI as a child process, the way an operator would, and
 * waits for what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the checkout. */
export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

export interface HeraldProcess {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves when the output matches `pattern`; rejects on exit. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `command` (default `herald <args>`) with `env` added. */
export function spawnHerald(
  args: string[],
  env: Record<string, string | undefined>,
  command = [
    process.execPath,
    path.join(repoRoot, 'packages/server/bin/herald.mjs'),
  ],
): HeraldProcess {
  const [file, ...prefix] = command;
  const child = spawn(file, [...prefix, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => (text += String(chunk)));
  child.stderr?.on('data', (chunk) => (text += String(chunk)));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  return {
    child,
    output: () => text,
    async waitFor(pattern, timeoutMs = 180_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = text.match(pattern);
        if (match) {
          return match;
        }
        if (child.exitCode !== null) {
          throw new Error(`herald exited (${child.exitCode}):\n${text}`);
        }
        if (Date.now() > deadline) {
          throw new Error(`timed out waiting for ${pattern}:\n${text}`);
        }

        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) {
        child.kill(signal);
      }

      return exited;
    },
  };
}
