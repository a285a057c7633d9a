/**
 * The playbook schema version this app writes and reads natively. Apart from the schema (zod)
 * so the code that only reads a stored playbook (the library list, the migration) does not
 * carry the validator into the first load.
 */
export const SCHEMA_VERSION = 2;
