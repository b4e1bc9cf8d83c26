import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // 'server-only' throws outside React Server Components; tests run server code directly.
      'server-only': path.resolve(import.meta.dirname, 'scripts/empty-module.js'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,lab,server,components}/**/*.test.ts'],
          exclude: ['**/test/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'wire',
          include: ['{lab,server}/test/**/*.test.ts'],
          globalSetup: ['./lab/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Wire tests start real processes on fixed loopback addresses: one file at a time.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
