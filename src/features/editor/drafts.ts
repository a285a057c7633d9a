import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { currentPlaybook } from '../../domain/playbook/migrate';
import type { Playbook } from '../../domain/playbook/schema';
import type { PlaybookV1 } from '../../domain/playbook/schema-v1';
import { playbookContentHash } from '../../domain/playbook/content-hash';
import { isRecord } from '../../domain/validation';
import type { Language } from '../../domain/text';
import { appDb } from '../../storage';
import type { MusterDb, PlaybookDraft } from '../../storage/db';
import { deleteDraft, getDraft, saveDraft } from '../../storage/drafts';
import { getStoredPlaybook } from '../../storage/playbooks';
import { loadPlaybook } from '../playbooks';
import { formatPath } from '../../domain/playbook/json-path';
import type { Path } from './draft-ops';
import { blankPlaybook } from './template';

/**
 * Drafts: opening one, changing it with undo, and saving every change on the device. A draft
 * lives in its own table and is never read as a playbook, so a half-written plan can never be
 * started as an incident or shown as a floor's route.
 */

import { draftIdFor, editPath } from './links';

/** The body a draft starts from: the current schema, without the file's `$schema` pointer. */
function draftBody(playbook: Playbook): Record<string, unknown> {
  const { $schema: _pointer, ...rest } = playbook;
  return rest;
}

function titleOf(body: unknown): string {
  return isRecord(body) && typeof body.title === 'string' ? body.title : '';
}

/**
 * The draft of `playbookId` in `language`: the one on the device, else a new one copied from the
 * playbook the device holds (published, imported or shipped), remembering which published
 * revision it started from. Undefined when there is neither.
 */
export async function openDraft(db: MusterDb, playbookId: string, language: string, now: number): Promise<PlaybookDraft | undefined> {
  const draftId = draftIdFor(playbookId, language);
  const existing = await getDraft(db, draftId);
  if (existing) return existing;
  const loaded = await loadPlaybook(db, playbookId, language);
  if (!loaded) return undefined;
  const stored = await getStoredPlaybook(db, playbookId, language);
  const published = loaded.source === 'published' && stored?.published ? stored.published : undefined;
  const body = draftBody(loaded.playbook);
  const draft: PlaybookDraft = {
    draftId,
    playbookId,
    language,
    title: titleOf(body),
    body,
    base: published ? { revision: published.revision, version: stored?.version ?? loaded.playbook.version, hash: published.hash } : null,
    createdAt: now,
    updatedAt: now,
  };
  await saveDraft(db, draft);
  return draft;
}

/** A new playbook id no draft and no playbook on the device uses: `building-3f2a`. */
function newPlaybookId(random: () => number, prefix = 'building'): string {
  return `${prefix}-${Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, '0')}`;
}

/** Starts a new playbook from the blank template, in the reader's language. Returns where to edit it. */
export async function draftFromTemplate(
  db: MusterDb,
  kind: 'flood' | 'fire' | 'other',
  language: Language,
  now: number,
  random = Math.random,
): Promise<string> {
  const id = newPlaybookId(random);
  const body = blankPlaybook(id, kind, language);
  await saveDraft(db, { draftId: draftIdFor(id, language), playbookId: id, language, title: '', body, base: null, createdAt: now, updatedAt: now });
  return editPath(id, language);
}

/** Starts a new playbook as a copy of one on the device, with an id of its own and version 1.0.0. */
export async function draftFromCopy(
  db: MusterDb,
  sourceId: string,
  language: string,
  copyTitle: (title: string) => string,
  now: number,
  random = Math.random,
): Promise<string | undefined> {
  const loaded = await loadPlaybook(db, sourceId, language);
  if (!loaded) return undefined;
  const id = newPlaybookId(random, sourceId.slice(0, 40));
  const body = { ...draftBody(loaded.playbook), id, version: '1.0.0', title: copyTitle(loaded.playbook.title) };
  await saveDraft(db, { draftId: draftIdFor(id, language), playbookId: id, language, title: body.title, body, base: null, createdAt: now, updatedAt: now });
  return editPath(id, language);
}

export async function discardDraft(db: MusterDb, draftId: string): Promise<void> {
  await deleteDraft(db, draftId);
}

/** The stored published copy's body, for "export the published version". */
export async function publishedBody(db: MusterDb, playbookId: string, language: string): Promise<unknown> {
  const stored = await getStoredPlaybook(db, playbookId, language);
  return stored?.source === 'published' ? stored.body : undefined;
}

export function hashOf(body: unknown): string {
  return playbookContentHash(body);
}

export function asCurrent(body: unknown): Playbook {
  return currentPlaybook(body as Playbook | PlaybookV1);
}

export interface History {
  readonly past: readonly unknown[];
  readonly present: unknown;
  readonly future: readonly unknown[];
  /** The field the last change was typed into: typing on in it replaces that step instead of adding one. */
  readonly typing: string | null;
  /** Bumped on each change, so the saver knows there is something new to write. */
  readonly rev: number;
}

type HistoryAction = { type: 'load'; body: unknown } | { type: 'change'; body: unknown; typingAt: string | null } | { type: 'undo' } | { type: 'redo' };

const MAX_UNDO = 200;

export function historyReducer(h: History, a: HistoryAction): History {
  switch (a.type) {
    case 'load':
      return { past: [], present: a.body, future: [], typing: null, rev: 0 };
    case 'change': {
      if (Object.is(a.body, h.present)) return h;
      const coalesce = a.typingAt !== null && a.typingAt === h.typing && h.past.length > 0;
      const past = coalesce ? h.past : [...h.past, h.present].slice(-MAX_UNDO);
      return { past, present: a.body, future: [], typing: a.typingAt, rev: h.rev + 1 };
    }
    case 'undo': {
      const previous = h.past.at(-1);
      if (h.past.length === 0) return h;
      return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], typing: null, rev: h.rev + 1 };
    }
    case 'redo': {
      const [next, ...rest] = h.future;
      if (h.future.length === 0) return h;
      return { past: [...h.past, h.present], present: next, future: rest, typing: null, rev: h.rev + 1 };
    }
  }
}

export type SaveState = { state: 'saved'; at: number } | { state: 'saving' } | { state: 'failed'; message: string };

export interface DraftEditor {
  readonly draft: PlaybookDraft;
  readonly body: unknown;
  /** Replaces the body. `typingAt`: the path typed into, so one word is one undo step, not one per letter. */
  change(body: unknown, typingAt?: Path): void;
  undo(): void;
  redo(): void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly save: SaveState;
  /** Deletes the draft from the device once pending saves are written; nothing is saved after. */
  discard(): Promise<void>;
  /** The published version the draft started from, or null. */
  readonly base: PlaybookDraft['base'];
  /** Sets where the draft started from (after taking the published version, or publishing over it). */
  rebase(base: PlaybookDraft['base']): void;
}

/**
 * Editing one draft. Every change is written to the device at once (one `put` of the whole
 * draft, in order: a newer body is never overwritten by an older write), so a reload or a
 * killed tab loses nothing that was shown as saved.
 */
export function useDraftEditor(draft: PlaybookDraft, now: () => number = Date.now, db: MusterDb = appDb()): DraftEditor {
  const [history, dispatch] = useReducer(historyReducer, draft.body, (body) =>
    historyReducer({ past: [], present: undefined, future: [], typing: null, rev: 0 }, { type: 'load', body }),
  );
  const [save, setSave] = useState<SaveState>({ state: 'saved', at: draft.updatedAt });
  const base = useRef(draft.base);
  const [baseNow, setBaseNow] = useState(draft.base);
  const writing = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef(0);
  const gone = useRef(false);

  const write = useCallback(
    (body: unknown, rev: number) => {
      if (gone.current) return;
      latest.current = rev;
      setSave({ state: 'saving' });
      const at = now();
      const next: PlaybookDraft = { ...draft, title: titleOf(body), body, base: base.current, updatedAt: at };
      writing.current = writing.current
        .then(() => saveDraft(db, next))
        .then(
          () => {
            if (latest.current === rev) setSave({ state: 'saved', at });
          },
          (e: unknown) => setSave({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
        );
    },
    [db, draft, now],
  );

  useEffect(() => {
    if (history.rev > 0) write(history.present, history.rev);
  }, [history.rev, history.present, write]);

  return {
    draft,
    body: history.present,
    change: (body, typingAt) => dispatch({ type: 'change', body, typingAt: typingAt ? formatPath(typingAt) : null }),
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    save,
    base: baseNow,
    discard: () => {
      // After any write still on its way, so a late save cannot bring the draft back.
      gone.current = true;
      const done = writing.current.then(() => deleteDraft(db, draft.draftId));
      writing.current = done.catch(() => undefined);
      return done;
    },
    rebase: (next) => {
      base.current = next;
      setBaseNow(next);
      write(history.present, history.rev + 0.5);
    },
  };
}
