/**
 * JSON with object keys sorted and no spaces: the same value always gives the same text,
 * whichever device wrote it and in whatever key order it was stored. The report's hash chain
 * hashes this text, and the server compares a retried event with the stored one through it,
 * so its output must never change: a change would break every chain already printed.
 * Fields holding `undefined` are left out and list items holding it become `null`, as in
 * JSON.stringify.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}
