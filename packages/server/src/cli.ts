/**
 * `herald <command>`: start (API, worker and builder UI, with demo data),
 * worker (a worker process only), migrate, replay.
 */
import { loadConfig } from './config.js';
import { startHerald, type RunningHerald } from './herald.js';

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

async function startCommand(): Promise<number> {
  const config = loadConfig();
  const herald = await startHerald(config, {
    api: true,
    worker: config.startWorker,
  });
  printWelcome(herald);
  await untilSignalled(herald);
  return 0;
}

async function workerCommand(): Promise<number> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    process.stderr.write(
      'herald worker needs DATABASE_URL (herald start prints it)\n',
    );
    return 2;
  }

  const herald = await startHerald(config, { api: false, worker: true });
  await untilSignalled(herald);
  return 0;
}

async function migrateCommand(): Promise<number> {
  const config = loadConfig();
  const herald = await startHerald(
    { ...config, demoData: false },
    { api: false, worker: false },
  );
  await herald.stop();
  return 0;
}

function printWelcome(herald: RunningHerald) {
  const lines = [
    '',
    `Herald is running at ${herald.url}/`,
    herald.generatedToken
      ? `Admin token (shown once, keep it): ${herald.generatedToken}\n` +
        `Open: ${herald.url}/#token=${herald.generatedToken}`
      : 'Admin token: HERALD_ADMIN_TOKEN, or the one printed at first start',
    `Database: ${herald.databaseUrl}`,
    herald.demoLoaded ? 'Demo data loaded.' : '',
    `API docs: ${herald.url}/api/docs`,
    'More workers: DATABASE_URL=<database above> pnpm worker',
    '',
  ];
  process.stdout.write(lines.filter((line) => line !== '').join('\n') + '\n');
}

function untilSignalled(herald: RunningHerald): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) {
        return;
      }

      stopping = true;
      herald.log.info({ signal }, 'shutting down');
      herald.stop().then(resolve, resolve);
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`herald: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
