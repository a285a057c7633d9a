import { describe, expect, it } from 'vitest';
import { playbookJsonSchema, renderPlaybookJsonSchema } from './schema';

// The committed copy is compared with this output in test/playbooks/schema-file.test.ts and by
// `tsx scripts/gen-schema.ts --check`; here, what the generated schema must always be.

function everyObjectSchema(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => everyObjectSchema(n, out));
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record.type === 'object') out.push(record);
    Object.values(record).forEach((v) => everyObjectSchema(v, out));
  }
  return out;
}

describe('the playbook JSON Schema', () => {
  it('is indented by two spaces and ends in a newline', () => {
    const text = renderPlaybookJsonSchema();
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"/);
  });

  it('describes the file at its root and names the parts a safety officer edits', () => {
    const schema = playbookJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('Muster playbook');
    // Version 2, or a version 1 file that is still read.
    expect(schema.anyOf).toEqual([{ $ref: '#/$defs/Playbook' }, { $ref: '#/$defs/PlaybookV1' }]);
    const defs = schema.$defs as Record<string, { required?: string[] }>;
    expect(defs.Playbook?.required).toEqual([
      'id',
      'version',
      'language',
      'kind',
      'title',
      'summary',
      'organisation',
      'command',
      'emergencyNumbers',
      'schemaVersion',
      'phases',
      'aftermath',
    ]);
    expect(defs.PlaybookV1?.required).not.toContain('schemaVersion');
    expect(Object.keys(schema.$defs as object)).toEqual(
      expect.arrayContaining([
        'Command',
        'Group',
        'Team',
        'Position',
        'Role',
        'Phase',
        'Step',
        'Building',
        'Floor',
        'Route',
        'Leg',
        'Stay',
        'SafetyRule',
        'PlaybookV1',
        'RouteV1',
        'AssemblyPoint',
        'Stairway',
        'AftermathItem',
      ]),
    );
  });

  it('refuses unknown fields everywhere, so a misspelt field is caught in the editor too', () => {
    const objects = everyObjectSchema(playbookJsonSchema());
    expect(objects.length).toBeGreaterThan(15);
    for (const o of objects) expect(o.additionalProperties).toBe(false);
  });
});
