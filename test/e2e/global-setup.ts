import type { TestProject } from 'vitest/node';
import { buildApp } from '../../build/build-app';
import { findChromium } from './browser';
import { DIST, startServer, type RunningServer } from './server-process';

let server: RunningServer | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the production app once, then serves it from the real server for every e2e file. */
export async function setup(project: TestProject): Promise<void> {
  findChromium(); // fail first, with the install hint, if there is no browser
  // Always a fresh build: the suite must test these sources, whatever dist/ holds.
  buildApp({ outDir: DIST });
  server = await startServer();
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
