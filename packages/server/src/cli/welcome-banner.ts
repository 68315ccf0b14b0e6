/**
 * What `herald start` prints once everything runs: where Herald is, the
 * admin token when this start generated it, and where its data lives.
 */
import type { RunningHerald } from '../herald.js';

/** The banner's lines for a running Herald. */
export function welcomeBanner(herald: RunningHerald): string {
  const rule = '─'.repeat(64);
  const lines = [
    '',
    rule,
    `Herald is running at ${herald.url}/`,
    ...tokenLines(herald),
    herald.dataDir
      ? `Database: ${herald.databaseUrl}\n` +
        `Data folder: ${herald.dataDir} (stop Herald and delete it to ` +
        'start over)'
      : `Database: ${herald.databaseUrl}`,
    herald.demoLoaded ? 'Demo data loaded.' : '',
    `API docs: ${herald.url}/api/docs`,
    'More workers: DATABASE_URL=<database above> pnpm worker',
    rule,
    '',
  ];
  return lines.filter((line) => line !== '').join('\n') + '\n';
}

function tokenLines(herald: RunningHerald): string[] {
  if (herald.generatedToken) {
    return [
      `Admin token (shown once, keep it): ${herald.generatedToken}`,
      `Open: ${herald.url}/#token=${herald.generatedToken}`,
    ];
  }

  if (herald.config.adminToken) {
    return [
      'Admin token: the value you set in the HERALD_ADMIN_TOKEN environment ' +
        'variable',
      `Sign in: open ${herald.url}/ and choose to sign in with a token`,
    ];
  }

  return [
    'Admin token: the one printed when Herald first started with this ' +
      'database (it is shown only once)',
    'Lost it? Restart with HERALD_ADMIN_TOKEN set to a long secret of your ' +
      'own, and sign in with that secret',
  ];
}
