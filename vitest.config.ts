import { defineConfig } from 'vitest/config';

// One run over every package: engine unit tests, server tests against a
// real Postgres, and the end-to-end and browser tests in test/.
export default defineConfig({
  test: {
    projects: [
      './packages/engine',
      './packages/server',
      './packages/builder-ui',
      './test',
    ],
  },
});
