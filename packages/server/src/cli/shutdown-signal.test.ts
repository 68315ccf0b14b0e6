import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(new URL('./shutdown-signal.ts', import.meta.url));

/** A process that stops cleanly `stopMs` after its first stop signal. */
function stopper(stopMs: number) {
  const script = `
    import { watchShutdownSignal } from ${JSON.stringify(MODULE)};
    const signal = watchShutdownSignal();
    process.stdout.write('ready\\n');
    setInterval(() => {}, 1000);
    await signal.received;
    await new Promise((resolve) => setTimeout(resolve, ${stopMs}));
    process.stdout.write('clean\\n');
    process.exit(0);
  `;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('ready')) {
        resolve();
      }
    });
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => resolve(code)),
  );
  return { child, ready, exited, output: () => output };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the stop signal', () => {
  it('counts a Ctrl-C passed on by a parent once', async () => {
    const run = stopper(800);
    await run.ready;
    run.child.kill('SIGINT');
    await pause(100);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('clean');
  });

  it('exits at once on a second Ctrl-C a while later', async () => {
    const run = stopper(10_000);
    await run.ready;
    run.child.kill('SIGINT');
    await pause(1_500);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output()).not.toContain('clean');
  });
});
