/**
 * Vitest global setup: one Postgres server for the whole run; its admin
 * URL reaches the test files through `inject('pgAdminUrl')`.
 */
import type { TestProject } from 'vitest/node';
import './test-herald.js';
import { startTestPostgresServer } from './test-postgres.js';

export default async function setup(project: TestProject) {
  const server = await startTestPostgresServer();
  project.provide('pgAdminUrl', server.adminUrl);
  return () => server.stop();
}
