import { benchReducer } from './domain';
import { benchCheckin } from './checkin-browser';
import { benchCountersign } from './countersign';
import { benchEditor } from './editor-browser';
import { benchFirstDone } from './first-done';
import { benchHandover } from './handover-browser';
import { benchIncidentBrowser } from './incident-browser';
import { benchQuality } from './lighthouse';
import { benchPhotos } from './photos-browser';
import { benchPlaybooks } from './playbooks';
import { benchPropagation } from './propagation';
import { benchPullMemory } from './pull-memory';
import { benchReport } from './report';
import { benchRoutes } from './routes-browser';
import { benchAppend } from './storage';
import { benchStreams } from './streams';
import { benchSync } from './sync';
import { benchSyncBrowser } from './sync-browser';

/**
 * `npm run bench -- --scale` runs only the long scale run (bench/scale.ts): a million events
 * through two server processes on PostgreSQL, and on SQLite for comparison.
 *
 * Prints one JSON object of figures. Benchmarks never fail a run on a slow machine; they
 * report. A new benchmark adds its figures to this object.
 */
if (process.argv.includes('--scale')) {
  const { benchScale } = await import('./scale');
  console.log(JSON.stringify({ node: process.version, at: new Date().toISOString(), ...(await benchScale()) }, null, 2));
  process.exit(0);
}

const figures: Record<string, unknown> = {
  node: process.version,
  at: new Date().toISOString(),
  ...benchReducer(),
  ...(await benchAppend()),
  ...benchPlaybooks(),
  ...(await benchReport()),
  ...(await benchIncidentBrowser()),
  ...(await benchSync()),
  ...(await benchSyncBrowser()),
  ...(await benchPullMemory()),
  ...(await benchCountersign()),
  ...(await benchStreams()),
  ...(await benchPropagation()),
  ...(await benchRoutes()),
  ...(await benchEditor()),
  ...(await benchFirstDone()),
  ...(await benchCheckin()),
  ...(await benchHandover()),
  ...(await benchPhotos()),
  ...(await benchQuality()),
};
console.log(JSON.stringify(figures, null, 2));
