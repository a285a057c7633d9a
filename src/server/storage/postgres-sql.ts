import type { Pool, PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** What a statement runs on: the pool (one statement, its own transaction) or a client inside one. */
export interface Queryable {
  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}

/** A statement with a fixed text, run with its values. */
export type Statement<V extends readonly unknown[], R extends QueryResultRow> = (db: Queryable, ...values: V) => Promise<QueryResult<R>>;

/**
 * A named statement: PostgreSQL parses and plans it once per connection, the first time that
 * connection runs it, and afterwards only the values travel. The name must be unique in the
 * adapter (pg refuses one name with two texts).
 */
export function prepared<V extends readonly unknown[], R extends QueryResultRow = QueryResultRow>(name: string, text: string): Statement<V, R> {
  return (db, ...values) => db.query<R>({ name, text, values: [...values] });
}

/**
 * Runs `work` on one pooled connection between BEGIN and COMMIT (ROLLBACK when it throws). A
 * connection whose ROLLBACK failed is closed, not handed back: it may still be inside the
 * failed transaction, and the next user of the pool would find its statements refused.
 * READ COMMITTED, PostgreSQL's default: every statement sees what committed before it began,
 * which the adapter relies on after taking a lock (the statement after the lock sees the rows
 * that the transaction it waited for wrote).
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A BIGINT as pg hands it out (text, so nothing is lost past 2^53) made a number; seqs and byte counts stay far below. */
export function bigintNumber(value: string | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** Now, in the ISO form the adapter stores (`2025-07-01T02:00:00.000Z`), from the database's clock. */
export const ISO_NOW = `to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** PostgreSQL's code for a unique index refusing a row. */
export const UNIQUE_VIOLATION = '23505';

export function pgErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
