/**
 * The newcomer's path: `herald start` with no DATABASE_URL starts an
 * embedded Postgres, migrates, loads the demo, prints the URL and a
 * generated admin token last (after the demo's first jobs ran), and serves
 * API, worker and UI. SIGTERM stops it cleanly with exit 0. A second start
 * keeps the data and the token; a Herald killed with SIGKILL leaves its
 * Postgres running, and the next start stops that one and carries on.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../packages/server/test/test-postgres.js';
import { spawnHerald, type HeraldProcess } from '../support/herald-process.js';

let dataRoot: string;
let running: HeraldProcess | undefined;

afterAll(async () => {
  await running?.stop();
  await stopOrphanedPostgres();
  if (dataRoot) {
    await fs.rm(dataRoot, { recursive: true, force: true });
  }
});

async function start(env: Record<string, string>) {
  running = spawnHerald(['start'], {
    ...env,
    DATABASE_URL: undefined,
    HERALD_ADMIN_TOKEN: undefined,
  });
  const [, url] = await running.waitFor(/Herald is running at (\S+?)\/?\n/);
  return { process: running, url };
}

/** Kills a Postgres a failed test left behind, by its postmaster.pid. */
async function stopOrphanedPostgres() {
  const pidFile = dataRoot && path.join(dataRoot, 'postgres', 'postmaster.pid');
  if (!pidFile || !existsSync(pidFile)) {
    return;
  }

  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    // Already gone.
  }
}

async function get(url: string, token?: string) {
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('herald start on a machine with nothing but Node', () => {
  it('starts everything with demo data, and keeps it on the next start', async () => {
    dataRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'herald-start-'));
    await fs.chmod(dataRoot, 0o755);
    const env = {
      PORT: String(await freePort()),
      HERALD_EMBEDDED_PG_PORT: String(await freePort()),
      HERALD_DATA_DIR: path.join(dataRoot, 'postgres'),
    };

    const first = await start(env);
    const [, token] = await first.process.waitFor(/Admin token[^:]*: (\S+)/);
    await first.process.waitFor(/More workers: .*\n─+\n/);
    expect(first.process.output()).toContain('Demo data loaded.');
    expect(first.process.output()).toContain(`${first.url}/#token=${token}`);
    expect(first.process.output()).toContain(
      `Data folder: ${env.HERALD_DATA_DIR}`,
    );
    const banner = first.process.output().indexOf('Herald is running at');
    expect(first.process.output().slice(banner)).not.toContain('"msg"');
    expect(first.process.output().slice(0, banner)).toContain(
      '"msg":"delivery sent"',
    );

    const health = await get(`${first.url}/api/health`);
    expect(health.body).toMatchObject({ status: 'ok', database: { ok: true } });
    const flows = await get(`${first.url}/api/flows`, token);
    expect(flows.body.items.map((flow: any) => flow.status)).toEqual([
      'active',
      'active',
      'active',
    ]);
    const customers = await get(`${first.url}/api/customers?limit=1000`, token);
    expect(customers.body.items.length).toBeGreaterThanOrEqual(50);
    const page = await fetch(`${first.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    expect(await first.process.stop()).toBe(0);
    expect(existsSync(path.join(env.HERALD_DATA_DIR, 'postmaster.pid'))).toBe(
      false,
    );

    const second = await start(env);
    expect(second.process.output()).not.toContain('Demo data loaded.');
    expect(second.process.output()).not.toMatch(/Admin token \(shown once/);
    const again = await get(`${second.url}/api/flows`, token);
    expect(again.body.items).toHaveLength(3);

    expect(await second.process.stop('SIGKILL')).toBe(null);
    expect(existsSync(path.join(env.HERALD_DATA_DIR, 'postmaster.pid'))).toBe(
      true,
    );
    const third = await start(env);
    expect(third.process.output()).toContain('stopping a stale embedded');
    expect(
      (await get(`${third.url}/api/flows`, token)).body.items,
    ).toHaveLength(3);
    expect(await third.process.stop()).toBe(0);
    expect(third.process.output()).not.toMatch(/terminating connection/);
  });
});
