/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { CSP } from './src/pwa/csp.ts';
import { contentSecurityPolicy, serviceWorker } from './src/pwa/vitePlugins.ts';

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), serviceWorker()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  // The built app is served with the same policy as its <meta>.
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CSP } },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    // The CLI tests run the bundled command line; build it when its sources are newer.
    globalSetup: ['tests/cli/globalSetup.ts'],
  },
});
