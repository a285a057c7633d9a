import { findDuplicateKeys } from '../domain/json-duplicates';

/**
 * JSON parsing for request bodies that refuses what JSON.parse lets through silently: a field
 * given twice in one object (JSON.parse keeps the last, so two readers of the same bytes could
 * disagree about what was sent). JSON.parse goes first, so the duplicate scan may assume
 * well-formed JSON and stay fast on a large push.
 */
export class StrictJsonError extends Error {
  override readonly name = 'StrictJsonError';
}

export function parseStrictJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StrictJsonError(`the body is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const [duplicate] = findDuplicateKeys(text, 1);
  if (duplicate) throw new StrictJsonError(`the field ${JSON.stringify(duplicate.key)} is given twice in one object`);
  return value;
}
