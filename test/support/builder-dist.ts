/**
 * The built builder UI the server serves; built here when a test run
 * starts without it (the test command builds it first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './herald-process.js';

/** Builds packages/builder-ui/dist unless it is there. */
export function ensureBuilderBuilt() {
  const builder = path.join(repoRoot, 'packages', 'builder-ui');
  if (existsSync(path.join(builder, 'dist', 'index.html'))) {
    return;
  }

  execFileSync('npx', ['vite', 'build'], { cwd: builder, stdio: 'ignore' });
}
