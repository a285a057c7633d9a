import type { Playbook } from './playbook/schema';
import { languageOfTag, type Language } from './text';

/**
 * Which playbook to start when the emergency is a flood or a fire, and which language to show
 * it in. The start screen asks the kind first and offers each playbook of that kind once, in
 * the device's language; the same playbook in another language (its twin: same id) is there
 * only on request.
 */

/** What the choice needs of a playbook on the device (the library's entries have more). */
export interface PlaybookChoiceEntry {
  readonly id: string;
  readonly language: string;
  readonly kind: string;
  readonly title: string;
}

/** One playbook offered for a kind: in the device's language where there is that version, with its twins. */
export interface PlaybookOffer<E extends PlaybookChoiceEntry> {
  readonly plan: E;
  /** The same playbook (same id) in other languages, offered only on request. */
  readonly twins: readonly E[];
}

/** The kinds every branch plans for, asked first and always: a missing playbook is said, not hidden. */
const PLANNED_KINDS = ['flood', 'fire'] as const;

/** The kinds the start screen asks about: flood and fire, then any other kind a playbook on the device has. Pure. */
export function emergencyKinds(library: readonly PlaybookChoiceEntry[]): string[] {
  const others = [...new Set(library.map((p) => p.kind))].filter((k) => !(PLANNED_KINDS as readonly string[]).includes(k)).sort();
  return [...PLANNED_KINDS, ...others];
}

/** 2: the same tag ("zh-CN", any case); 1: the same language ("zh" for "zh-CN"); 0: another language. */
function languageMatch(tag: string, wanted: string): number {
  if (tag.toLowerCase() === wanted.toLowerCase()) return 2;
  const primary = (t: string) => t.toLowerCase().split('-')[0];
  return primary(tag) === primary(wanted) ? 1 : 0;
}

/**
 * The playbooks to offer for an emergency of `kind` on a device set to `language`: each
 * playbook once, in that language when it has that version (else in the one it has), those in
 * the device's language first, then by id. Its versions in other languages are its twins.
 * Pure; the same list for the same library, whether the playbooks were shipped or imported.
 */
export function playbooksForKind<E extends PlaybookChoiceEntry>(library: readonly E[], kind: string, language: string): PlaybookOffer<E>[] {
  const byId = new Map<string, E[]>();
  for (const entry of library) if (entry.kind === kind) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  const offers = [...byId.values()].map((versions) => {
    const [plan, ...twins] = [...versions].sort(
      (a, b) => languageMatch(b.language, language) - languageMatch(a.language, language) || (a.language < b.language ? -1 : a.language > b.language ? 1 : 0),
    ) as [E, ...E[]];
    return { plan, twins };
  });
  return offers.sort((a, b) => languageMatch(b.plan.language, language) - languageMatch(a.plan.language, language) || (a.plan.id < b.plan.id ? -1 : 1));
}

/**
 * Whether `twin` can stand in for `recorded` on screen: it names every phase and step the
 * incident records progress against (the same ids), so switching the app's language shows the
 * twin's words for the same steps and loses none. Pure.
 */
export function twinCovers(recorded: Playbook, twin: Playbook): boolean {
  if (twin.id !== recorded.id) return false;
  const phases = new Set(twin.phases.map((p) => p.id));
  const steps = new Set([...twin.phases.flatMap((p) => p.steps.map((s) => s.id)), ...twin.aftermath.map((a) => a.id)]);
  return recorded.phases.every((p) => phases.has(p.id) && p.steps.every((s) => steps.has(s.id))) && recorded.aftermath.every((a) => steps.has(a.id));
}

/**
 * The language to look for a twin in when the app shows `ui` and the incident's playbook is in
 * `recorded` (a BCP 47 tag), or null when the recorded playbook already reads in the app's
 * language ("en-GB" reads as "en"): no twin is needed, and none is said to be missing. Pure.
 */
export function twinLanguage(recorded: string, ui: Language): Language | null {
  return languageOfTag(recorded) === ui ? null : ui;
}
