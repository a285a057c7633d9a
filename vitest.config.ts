import { defineConfig } from 'vitest/config';
import { playbookSummaries } from './build/playbook-summaries';

// Unit tests sit beside the code (src/**); cross-boundary tests live in test/.
// The browser suite (test/e2e) has its own config: it needs a production build and Chromium.
export default defineConfig({
  // `?summary` playbook imports, as in the app's build, so a unit test can reach the modules that use them.
  plugins: [playbookSummaries()],
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'test/server/**/*.test.ts',
      'test/sync/**/*.test.ts',
      'test/playbooks/**/*.test.ts',
      'test/report/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/texts/**/*.test.ts',
      'test/lint/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['./test/setup-units.ts'],
    // One throw-away PostgreSQL cluster per run, for the storage tests that run on both SQLite
    // and PostgreSQL (MUSTER_TEST_POSTGRES=skip: SQLite only).
    globalSetup: ['./test/pg-global-setup.ts'],
    // A guard against a hung test, not a speed check: tests that start processes (the CLI,
    // the server) take many seconds on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
