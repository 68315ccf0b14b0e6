/**
 * Debian's Chromium for browser tests. Installed with apt-get when it is
 * missing and we are root; otherwise the browser tests skip loudly — and
 * under CI=true a skip is a failure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why Chromium cannot be had here, or null when it is ready. */
export function ensureChromium(): string | null {
  if (existsSync(CHROMIUM_PATH)) {
    return null;
  }
  if (process.getuid?.() !== 0) {
    return `${CHROMIUM_PATH} is missing and installing it needs root`;
  }

  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'ignore', env });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'ignore',
      env,
    });
  } catch (error) {
    return `apt-get install chromium failed: ${(error as Error).message}`;
  }

  return existsSync(CHROMIUM_PATH) ? null : 'chromium did not install';
}

/**
 * Says loudly why browser tests will not run; under CI=true that is an
 * error, so a CI run can never pass without them.
 */
export function reportMissingChromium(reason: string) {
  const message = `BROWSER TESTS SKIPPED: ${reason}`;
  if (process.env.CI === 'true') {
    throw new Error(`${message} (a skip fails under CI=true)`);
  }

  process.stderr.write(`\n${'!'.repeat(72)}\n${message}\n${'!'.repeat(72)}\n`);
}

/** Launches headless Chromium the way this machine allows. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
