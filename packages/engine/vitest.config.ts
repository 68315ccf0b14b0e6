import { defineConfig } from 'vitest/config';

// The engine's unit tests: pure TypeScript, run in Node.
export default defineConfig({
  test: {
    name: 'engine',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
