import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validatePlaybook, type PlaybookIssue } from '../domain/playbook/check';
import { playbookContentHash } from '../domain/playbook/content-hash';
import {
  CHANGE_NOTE_MAX,
  mayPublish,
  MAX_PLAYBOOK_BYTES,
  type PublishedList,
  type PublishedPlaybookInfo,
  type PublishedResponse,
  type PublishRefusal,
  type PublishRequest,
} from '../domain/playbook-publish';
import { compareSemver } from '../domain/semver';
import { languageOfTag, speaker } from '../domain/text';
import { isRecord } from '../domain/validation';
import { messages } from './messages';
import { closeIfBodyUnread, isJsonContentType } from './request-body';
import { parseStrictJson, StrictJsonError } from './strict-json';
import type { EventStore, StoredPlaybook } from './storage/types';
import type { DeviceEnv } from './sync-api';

interface PlaybooksApiOptions {
  storage: EventStore;
  /** Server wall clock (ms): the time a version is published. */
  now?: () => number;
}

/**
 * The organisation's published playbooks, mounted at /api/v1/playbooks behind the sync API's
 * token check and rate limit (sync-api.ts). Any device reads; an editor's device publishes.
 * The organisation is the token's, never the request's. A version, once stored, never changes:
 * there is no PUT, PATCH or DELETE, and the store refuses to change a row.
 */
export function createPlaybooksApi({ storage, now = Date.now }: PlaybooksApiOptions): Hono<DeviceEnv> {
  const api = new Hono<DeviceEnv>();

  api.get('/', async (c) => {
    const list: PublishedList = { playbooks: await storage.currentPlaybooks(c.get('device').orgId) };
    return c.json(list);
  });

  api.get('/:id/:language/:revision', async (c) => {
    const { id, language, revision: rawRevision } = c.req.param();
    const revision = positiveWhole(rawRevision);
    if (revision === undefined) return c.json({ error: 'The revision must be a whole number from 1' }, 400);
    const found = await storage.getPublishedPlaybook(c.get('device').orgId, id, language, revision);
    if (!found) return c.json({ error: `No published playbook ${id} in ${language} with revision ${revision}` }, 404);
    return jsonText(c, publishedJson(found), 200);
  });

  api.post(
    '/',
    async (c, next) => {
      // Asked before the body is read: what a member sends does not matter.
      const device = c.get('device');
      if (mayPublish(device.role)) return next();
      closeIfBodyUnread(c);
      return c.json(
        {
          code: 'not-editor',
          error:
            `This device may not publish playbooks: its token ${device.id} ("${device.label}") is ${device.role === 'head-office' ? "head office's, which reads the branches and writes nothing" : "a member's, not an editor's"}. ` +
            `Ask the administrator for an editor's token: npm run admin -- device add ${device.orgId} "<name>" --role editor ` +
            `(or to make this one an editor: npm run admin -- device role ${device.id} editor).`,
        } satisfies PublishRefusal,
        403,
      );
    },
    bodyLimit({
      maxSize: MAX_PLAYBOOK_BYTES,
      onError: (c) => {
        // The rest of the body is left unread, so this connection cannot carry another request.
        c.header('Connection', 'close');
        return c.json({ error: `The request body is over ${MAX_PLAYBOOK_BYTES} bytes; a playbook must be smaller to be published` }, 413);
      },
    }),
    async (c) => {
      if (!isJsonContentType(c.req.header('content-type'))) {
        return c.json({ error: 'Send the playbook as JSON (Content-Type: application/json)' }, 415);
      }
      const request = readPublishRequest(await c.req.text());
      if (!request.ok) return c.json({ error: request.error }, 400);
      const { playbook: input, baseRevision, note } = request.value;
      const language = languageOfTag(request.value.language ?? 'en');

      const checked = validatePlaybook(input, { language });
      if (!checked.ok) return refuseInvalid(c, checked.issues);
      const playbook = checked.playbook;

      const device = c.get('device');
      const current = await storage.currentPlaybook(device.orgId, playbook.id, playbook.language);
      const stale = staleness(c, current ?? null, baseRevision, playbook.id, playbook.language);
      if (stale) return stale;
      if (current && compareSemver(playbook.version, current.version) <= 0) {
        // Every device keeps the newer version of a playbook it holds twice, so a revision
        // whose version did not rise would lose to the one it replaces.
        const message = speaker(language, messages)('publish.version.notRaised', {
          version: playbook.version,
          current: current.version,
          revision: current.revision,
        });
        return refuseInvalid(c, [{ path: 'version', message, severity: 'error' }]);
      }

      // The migrated body is what is stored and hashed: every device gets schema version 2.
      // The version was compared with `current` above; the store writes only if `current` is
      // still the latest revision, so a publish in between makes this one stale, never wrong.
      const outcome = await storage.publishPlaybook(
        device.orgId,
        {
          id: playbook.id,
          language: playbook.language,
          version: playbook.version,
          kind: playbook.kind,
          title: playbook.title,
          hash: playbookContentHash(playbook),
          note,
          bodyJson: JSON.stringify(playbook),
          publishedBy: device.id,
        },
        baseRevision,
        new Date(now()).toISOString(),
      );
      if (outcome.status === 'stale') {
        // Someone else published between the check above and the write.
        return staleness(c, outcome.current, baseRevision, playbook.id, playbook.language) ?? c.json({ error: 'The publication was refused' }, 409);
      }
      const answer: PublishedResponse = { published: outcome.info };
      return c.json(answer, 201);
    },
  );

  return api;
}

function refuseInvalid(c: Context, issues: readonly PlaybookIssue[]): Response {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const refusal: PublishRefusal = { code: 'invalid', error: `The playbook has ${count}; nothing was published`, issues };
  return c.json(refusal, 422);
}

/**
 * The answer when the draft did not start from the current revision; undefined when it did.
 * 409 with the current version, so the editor can show what changed; 400 when the request
 * names a base revision although nothing of that id and language is published.
 */
function staleness(c: Context, current: StoredPlaybook | null, baseRevision: number | null, id: string, language: string): Response | undefined {
  if ((current?.revision ?? null) === baseRevision) return undefined;
  if (!current) {
    return c.json(
      {
        error: `baseRevision ${baseRevision} names no published version: nothing of ${id} in ${language} is published here; send baseRevision null to publish it for the first time`,
      },
      400,
    );
  }
  const error =
    baseRevision === null
      ? `${id} in ${language} is already published (revision ${current.revision}); start from that version`
      : `Revision ${current.revision} of ${id} in ${language} was published after revision ${baseRevision}, which this draft started from`;
  return jsonText(c, `{"code":"stale","error":${JSON.stringify(error)},"current":${publishedJson(current)}}`, 409);
}

/** A stored version as `PublishedPlaybook` JSON, its body spliced in as the very text stored. */
function publishedJson(stored: StoredPlaybook): string {
  const { bodyJson, ...info } = stored;
  const head: PublishedPlaybookInfo = info;
  return `${JSON.stringify(head).slice(0, -1)},"playbook":${bodyJson}}`;
}

function jsonText(c: Context, text: string, status: 200 | 409): Response {
  return c.body(text, status, { 'Content-Type': 'application/json; charset=UTF-8' });
}

function isBaseRevision(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1);
}

function positiveWhole(raw: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : undefined;
}

const REQUEST_FIELDS = ['playbook', 'baseRevision', 'note', 'language'];
/** Longer than any BCP 47 tag a person writes; the text only picks 'zh-CN' or 'en'. */
const LANGUAGE_TAG_MAX = 35;

type Read = { ok: true; value: PublishRequest } | { ok: false; error: string };

/** A `PublishRequest` from the body's text, or what is wrong with it, naming the field. */
function readPublishRequest(text: string): Read {
  const refuse = (error: string): Read => ({ ok: false, error });
  let body: unknown;
  try {
    body = parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) return refuse(`The body is refused: ${error.message}`);
    throw error;
  }
  if (!isRecord(body)) return refuse('The body must be a JSON object: { "playbook": …, "baseRevision": …, "note": "…" }');
  const extra = Object.keys(body).find((k) => !REQUEST_FIELDS.includes(k));
  if (extra !== undefined) return refuse(`Unknown field ${JSON.stringify(extra)}; the body has only ${REQUEST_FIELDS.join(', ')}`);
  const { playbook, baseRevision, note, language } = body;
  if (playbook === undefined || playbook === null) return refuse('playbook is missing: send the playbook as JSON');
  if (!isBaseRevision(baseRevision)) {
    return refuse('baseRevision must be null (a playbook never published) or the revision the draft started from, a whole number from 1');
  }
  if (typeof note !== 'string' || note.trim() === '') return refuse('note must say what changed, e.g. "Basement route now via stair B"');
  const trimmed = note.trim();
  if (trimmed.length > CHANGE_NOTE_MAX) return refuse(`note must be at most ${CHANGE_NOTE_MAX} characters; it has ${trimmed.length}`);
  if (language !== undefined && (typeof language !== 'string' || language === '' || language.length > LANGUAGE_TAG_MAX)) {
    return refuse(`language, when given, must be a language tag such as "zh-CN" or "en"`);
  }
  return { ok: true, value: { playbook, baseRevision, note: trimmed, ...(language === undefined ? {} : { language }) } };
}
