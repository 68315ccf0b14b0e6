import { defineConfig } from 'vitest/config';

// The builder's pure helpers (graph edits, simulation outcomes); what the
// builder does in a browser is tested in test/browser.
export default defineConfig({
  test: {
    name: 'builder-ui',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
