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
