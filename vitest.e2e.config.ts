import { defineConfig } from 'vitest/config';

// The browser suite: a production build, the real server on a free port with a temporary data
// folder, and the system Chromium driven by playwright-core. Files run one after another
// because they share one server and the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
