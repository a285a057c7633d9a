import type { IncidentDeclared } from '../events/incident';
import { playbookContentHash } from '../playbook/content-hash';
import type { Playbook } from '../playbook/schema';
import { fill, type ReportLabels } from './labels';

/**
 * Which playbook an incident ran on, against the playbook document a report is built with.
 * The incident records the playbook's id, version, language and content hash when it starts;
 * the report words its plan from whatever copy the device holds now, which may be a newer
 * version or the twin in the report's language. An investigation compares the hashes, so the
 * report prints the recorded one whole and says plainly when its plan text is another.
 */

/**
 * `same`: the plan text is exactly what the incident ran on. `changed`: the same playbook in the
 * same language, but another version or text. `translated`: the twin in another language (its
 * hash is necessarily another). `unrecorded`: the incident recorded no hash (declared before
 * hashes were recorded), and the versions agree, so nothing can be said either way.
 */
export type PlaybookRunStatus = 'same' | 'changed' | 'translated' | 'unrecorded';

export interface PlaybookRun {
  /** As the incident recorded it at its start; `hash` is null when it recorded none. */
  readonly ranOn: { readonly id: string; readonly version: string; readonly language: string; readonly hash: string | null };
  /** The playbook document the report's plan text (steps, roles, titles) is taken from. */
  readonly planText: { readonly id: string; readonly version: string; readonly language: string; readonly title: string; readonly hash: string };
  readonly status: PlaybookRunStatus;
}

// A report is rebuilt on every new event of a live incident, with the same playbook object:
// hashing 60 KB of canonical JSON once per object is enough.
const hashes = new WeakMap<Playbook, string>();
function hashOf(playbook: Playbook): string {
  let hash = hashes.get(playbook);
  if (hash === undefined) {
    hash = playbookContentHash(playbook);
    hashes.set(playbook, hash);
  }
  return hash;
}

/**
 * Compares the playbook an incident recorded with the document a report is built from. Pure
 * and deterministic: the same declaration and document give the same answer on every device,
 * offline; a declaration synced from an older app (no hash, perhaps no language) still reads.
 */
export function comparePlaybookRun(declared: IncidentDeclared, playbook: Playbook): PlaybookRun {
  const hash = hashOf(playbook);
  const ranOn = {
    id: declared.playbookId,
    version: declared.playbookVersion,
    // Declarations from the first app versions named no language: they ran on the device's own copy.
    language: declared.playbookLanguage ?? playbook.language,
    hash: declared.playbookHash ?? null,
  };
  const planText = { id: playbook.id, version: playbook.version, language: playbook.language, title: playbook.title, hash };
  return { ranOn, planText, status: statusOf(ranOn, planText) };
}

function statusOf(ranOn: PlaybookRun['ranOn'], planText: PlaybookRun['planText']): PlaybookRunStatus {
  if (ranOn.id === planText.id && ranOn.language !== planText.language) return 'translated';
  if (ranOn.hash !== null) return ranOn.hash === planText.hash ? 'same' : 'changed';
  return ranOn.id === planText.id && ranOn.version === planText.version ? 'unrecorded' : 'changed';
}

/** What the report prints about the playbook, in the words of `labels`. */
export interface PlaybookRunTexts {
  /** "{title} ({id}, version {version}, {language})" of the playbook the incident ran on. */
  readonly playbook: string;
  /** The recorded hash, whole (all 64 digits, never shortened), or "not recorded". */
  readonly hash: string;
  /** Said when the plan text is not exactly the recorded playbook; null when it is. */
  readonly notice: string | null;
}

export function playbookRunTexts(run: PlaybookRun, labels: ReportLabels): PlaybookRunTexts {
  const { ranOn, planText } = run;
  const hash = ranOn.hash ?? labels['playbook.hashNotRecorded'];
  const plan = { version: planText.version, hash: planText.hash, language: planText.language };
  const notices: Record<PlaybookRunStatus, string | null> = {
    same: null,
    changed: fill(labels['playbook.changed'], { ranVersion: ranOn.version, ranHash: hash, ...plan }),
    translated: fill(labels['playbook.translated'], { ranLanguage: ranOn.language, ...plan }),
    unrecorded: fill(labels['playbook.unrecorded'], plan),
  };
  return {
    playbook: fill(labels['summary.playbookValue'], { title: planText.title, id: ranOn.id, version: ranOn.version, language: ranOn.language }),
    hash,
    notice: notices[run.status],
  };
}
