import { benchReducer } from './domain';
import { benchCountersign } from './countersign';
import { benchEditor } from './editor-browser';
import { benchIncidentBrowser } from './incident-browser';
import { benchQuality } from './lighthouse';
import { benchPlaybooks } from './playbooks';
import { benchPropagation } from './propagation';
import { benchPullMemory } from './pull-memory';
import { benchReport } from './report';
import { benchRoutes } from './routes-browser';
import { benchAppend } from './storage';
import { benchStreams } from './streams';
import { benchSync } from './sync';

/**
 * Prints one JSON object of figures. Benchmarks never fail a run on a slow machine; they
 * report. A new benchmark adds its figures to this object.
 */
const figures: Record<string, unknown> = {
  node: process.version,
  at: new Date().toISOString(),
  ...benchReducer(),
  ...(await benchAppend()),
  ...benchPlaybooks(),
  ...(await benchReport()),
  ...(await benchIncidentBrowser()),
  ...(await benchSync()),
  ...(await benchPullMemory()),
  ...(await benchCountersign()),
  ...(await benchStreams()),
  ...(await benchPropagation()),
  ...(await benchRoutes()),
  ...(await benchEditor()),
  ...(await benchQuality()),
};
console.log(JSON.stringify(figures, null, 2));
