import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (src/**); cross-boundary tests live in test/.
// The browser suite (test/e2e) has its own config: it needs a production build and Chromium.
export default defineConfig({
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
    // A guard against a hung test, not a speed check: tests that start processes (the CLI,
    // the server) take many seconds on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
