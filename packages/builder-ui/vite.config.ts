/**
 * Builds the Herald builder into `dist/`, which the server serves at `/`.
 * In development the API is proxied to a server on port 3000.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One chunk holds React, React Flow and the engine's zod schemas; it is
    // served from the same machine, so splitting it buys little.
    chunkSizeWarningLimit: 1000,
  },
});
