import { REFERENCE_FIELDS, type ReferenceKind } from './reference-fields';
import { playbookJsonSchema } from './schema';

/**
 * The playbook editor's form, read from the playbook's JSON Schema (version 2): every field the
 * schema has is a field of the form, so a field added to the schema appears in the editor
 * without anyone remembering to add it (and the editor's texts test says which label is
 * missing). Pure: the same schema always gives the same form, in the app offline and in tests.
 *
 * Text keys: a field of the named object D (a `$defs` entry) with name p is `field.D.p`; a field
 * of an unnamed object inside it is `field.D.p.c`. Item nouns ("Floor") are `item.D` (or
 * `item.D.p` for an unnamed object), enum values `enum.D.p.<value>`.
 */

export type FormNode =
  | {
      readonly kind: 'text';
      readonly key: string;
      readonly input: 'id' | 'phone' | 'line' | 'paragraph';
      readonly required: boolean;
      readonly maxLength?: number;
    }
  | { readonly kind: 'number'; readonly key: string; readonly integer: boolean; readonly min?: number; readonly max?: number; readonly required: boolean }
  | { readonly kind: 'boolean'; readonly key: string; readonly required: boolean }
  | { readonly kind: 'choice'; readonly key: string; readonly values: readonly string[]; readonly required: boolean }
  | { readonly kind: 'reference'; readonly key: string; readonly refers: ReferenceKind; readonly required: boolean }
  | {
      readonly kind: 'object';
      /** The prefix of its fields' keys: `field.StepTarget` (the kind of object). */
      readonly key: string;
      /** The key of the field it fills, for its label and hint: `field.Step.target`. */
      readonly label: string;
      readonly noun: string;
      readonly fields: readonly FormField[];
      readonly required: boolean;
    }
  | { readonly kind: 'list'; readonly key: string; readonly item: FormNode; readonly minItems: number; readonly required: boolean };

export interface FormField {
  readonly name: string;
  readonly node: FormNode;
}

/** Root fields the editor never shows: the file's own bookkeeping, set by the editor itself. */
const HIDDEN_ROOT_FIELDS = new Set(['$schema', 'schemaVersion']);

/** Single-line texts; every other text field is a paragraph the officer may write at length. */
const LINE_FIELDS = new Set([
  'label',
  'title',
  'name',
  'heldBy',
  'person',
  'version',
  'language',
  'exit',
  'to',
  'refuge',
  'hazard',
  'organisation',
  'location',
]);

interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly string[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
}

let cached: FormNode | undefined;

/** The whole playbook as a form: an object node whose fields are the file's root fields, in file order. */
export function playbookForm(): FormNode & { kind: 'object' } {
  cached ??= buildForm(playbookJsonSchema() as { $defs: Record<string, JsonSchema> });
  return cached as FormNode & { kind: 'object' };
}

function buildForm(schema: { $defs: Record<string, JsonSchema> }): FormNode {
  const defs = schema.$defs;
  const defName = (ref: string): string => ref.replace('#/$defs/', '');

  const objectNode = (def: JsonSchema, key: string, label: string, noun: string, required: boolean, root: boolean): FormNode => {
    const props = def.properties ?? {};
    const needed = new Set(def.required ?? []);
    const fields: FormField[] = [];
    for (const [name, prop] of Object.entries(props)) {
      if (root && HIDDEN_ROOT_FIELDS.has(name)) continue;
      fields.push({ name, node: node(prop, `${key}.${name}`, name, needed.has(name)) });
    }
    return { kind: 'object', key, label, noun, fields, required };
  };

  // `fieldKey` names the field's texts; an unnamed object's noun comes from it ("item.KeyAreas.areas").
  const node = (prop: JsonSchema, fieldKey: string, name: string, required: boolean): FormNode => {
    if (prop.$ref) {
      const d = defName(prop.$ref);
      const def = defs[d];
      if (!def) throw new Error(`The playbook schema names $defs/${d}, which it does not define`);
      return objectNode(def, `field.${d}`, fieldKey, `item.${d}`, required, false);
    }
    if (prop.type === 'array' && prop.items) {
      const item = node(prop.items, fieldKey, name, true);
      return { kind: 'list', key: fieldKey, item, minItems: prop.minItems ?? 0, required };
    }
    if (prop.type === 'object') return objectNode(prop, fieldKey, fieldKey, `item.${fieldKey.slice('field.'.length)}`, required, false);
    if (prop.enum) return { kind: 'choice', key: fieldKey, values: prop.enum, required };
    if (prop.type === 'boolean') return { kind: 'boolean', key: fieldKey, required };
    if (prop.type === 'number' || prop.type === 'integer')
      return {
        kind: 'number',
        key: fieldKey,
        integer: prop.type === 'integer',
        required,
        ...(prop.minimum !== undefined && { min: prop.minimum }),
        ...(prop.maximum !== undefined && { max: prop.maximum }),
      };
    const refers = (REFERENCE_FIELDS as Readonly<Record<string, ReferenceKind>>)[name];
    if (refers) return { kind: 'reference', key: fieldKey, refers, required };
    const input =
      name === 'id'
        ? 'id'
        : prop.maxLength !== undefined && prop.maxLength <= 40 && name !== 'version'
          ? 'phone'
          : LINE_FIELDS.has(name)
            ? 'line'
            : 'paragraph';
    return { kind: 'text', key: fieldKey, input, required, ...(prop.maxLength !== undefined && { maxLength: prop.maxLength }) };
  };

  const root = defs.Playbook;
  if (!root) throw new Error('The playbook schema has no $defs/Playbook');
  return objectNode(root, 'field.Playbook', 'field.Playbook', 'item.Playbook', true, true);
}

/** The field of `form` named `name`; undefined when it has none. */
export function formField(form: FormNode, name: string): FormNode | undefined {
  return form.kind === 'object' ? form.fields.find((f) => f.name === name)?.node : undefined;
}
