/**
 * `herald <command>`: start (API, worker and builder UI, with demo data),
 * worker (a worker process only), migrate, replay.
 */
import { loadConfig } from './config.js';
import { startHerald, type RunningHerald } from './herald.js';
import { waitForJobsToDrain } from './cli/job-drain.js';
import {
  watchShutdownSignal,
  type ShutdownSignal,
} from './cli/shutdown-signal.js';
import { createCliLogger } from './cli/terminal-log.js';
import { welcomeBanner } from './cli/welcome-banner.js';

const usage = `usage: herald <command>

  start     database (embedded unless DATABASE_URL is set), migrations,
            HTTP API, builder UI, a worker, and demo data on first start
  worker    one more worker process against the same database
  migrate   apply pending migrations and exit
  replay    feed a JSON-lines file of changes into a running Herald
            (herald replay --help)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return startCommand();
    case 'worker':
      return workerCommand();
    case 'migrate':
      return migrateCommand();
    case 'replay': {
      const { runReplay } = await import('./cli/replay-command.js');
      return runReplay(rest);
    }
    default:
      process.stderr.write(`${usage}\n`);
      return command ? 2 : 0;
  }
}

/**
 * Starts everything, waits for the demo's first jobs to finish so their
 * log lines come first, then prints the banner last.
 */
async function startCommand(): Promise<number> {
  const signal = watchShutdownSignal();
  const config = loadConfig();
  const log = createCliLogger(config.logLevel);
  const herald = await startHerald(config, {
    api: true,
    worker: config.startWorker,
    log,
  });
  if (herald.demoLoaded && herald.worker) {
    const drained = await waitForJobsToDrain(herald.db, {
      until: signal.received,
    });
    if (!drained && !signal.current()) {
      log.warn('demo jobs still running after 60 s; see the outbox later');
    }
  }

  if (!signal.current()) {
    process.stdout.write(welcomeBanner(herald));
  }
  await stopOnSignal(herald, signal);
  return 0;
}

async function workerCommand(): Promise<number> {
  const signal = watchShutdownSignal();
  const config = loadConfig();
  if (!config.databaseUrl) {
    process.stderr.write(
      'herald worker needs DATABASE_URL (herald start prints it)\n',
    );
    return 2;
  }

  const herald = await startHerald(config, {
    api: false,
    worker: true,
    log: createCliLogger(config.logLevel),
  });
  await stopOnSignal(herald, signal);
  return 0;
}

async function migrateCommand(): Promise<number> {
  const config = loadConfig();
  const herald = await startHerald(
    { ...config, demoData: false },
    { api: false, worker: false, log: createCliLogger(config.logLevel) },
  );
  await herald.stop();
  return 0;
}

/**
 * Waits for a stop signal (or acts on one that came during start-up) and
 * stops Herald; a clean stop exits 0.
 */
async function stopOnSignal(herald: RunningHerald, signal: ShutdownSignal) {
  const received = await signal.received;
  herald.log.info({ signal: received }, 'shutting down');
  await herald.stop();
  herald.log.info('stopped');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`herald: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
