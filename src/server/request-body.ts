import { parseStrictJson, StrictJsonError } from './strict-json';

/**
 * What the JSON routes of /api/v1 share about request bodies: the one Content-Type they take,
 * and what to do with a body they refuse without reading.
 */
export function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** The part of a Hono context this needs, whatever the route's variables. */
interface AnswerInProgress {
  readonly req: { header(name: string): string | undefined };
  header(name: string, value: string): void;
}

/**
 * Marks the answer to close the connection when the request came with a body that will not be
 * read: a connection with unread bytes cannot carry the next request, so it must not be reused.
 */
export function closeIfBodyUnread(c: AnswerInProgress): void {
  if (c.req.header('content-length') !== undefined || c.req.header('transfer-encoding') !== undefined) c.header('Connection', 'close');
}

/** What a small JSON route answers: its parsed body, or the refusal to send as it is. */
export type StrictBody = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly refusal: Response };

/**
 * Reads a small JSON route's body strictly (strict-json.ts: no key twice, nothing after the
 * value): 415 when it is not JSON (`what` says what to send, "the report hash"), 400 naming what
 * the parser refused. The route checks the body's fields itself.
 */
export async function readStrictBody(
  c: AnswerInProgress & { readonly req: { text(): Promise<string> }; json(body: unknown, status: 400 | 415): Response },
  what: string,
): Promise<StrictBody> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    closeIfBodyUnread(c);
    return { ok: false, refusal: c.json({ error: `Send ${what} as JSON (Content-Type: application/json)` }, 415) };
  }
  try {
    return { ok: true, body: parseStrictJson(await c.req.text()) };
  } catch (error) {
    if (error instanceof StrictJsonError) return { ok: false, refusal: c.json({ error: `The body is refused: ${error.message}` }, 400) };
    throw error;
  }
}
