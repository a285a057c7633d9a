/**
 * The server's storage port. Routes talk to this interface only, so the SQLite adapter
 * (one file, zero set-up) and a later PostgreSQL adapter are interchangeable.
 * Push and pull arrive with the sync issue; today the port only has to open, report and close.
 */
export interface EventStore {
  /** Which adapter is behind the port ("sqlite", later "postgres"); shown by /api/health. */
  readonly kind: string;
  /** Flushes and releases the database. Call once, after the HTTP server has stopped. */
  close(): void;
}
