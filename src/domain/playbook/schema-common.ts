import { z } from './schema-zod';
import { PHONE_MAX_LENGTH, PHONE_PATTERN } from '../phone';
import { isWellFormedText } from '../validation';
import { rule } from './messages';

export { REFERENCE_FIELDS, type ReferenceKind } from './reference-fields';

/**
 * Building blocks shared by every part of the playbook schema. The schema is written once, in
 * zod; `scenarios/playbook.schema.json` is generated from it (scripts/gen-schema.ts), so the
 * descriptions here are what an editor shows when a safety officer hovers over a field.
 */

interface PlaybookSchemaMeta {
  /** Name under `$defs` in the generated JSON Schema. */
  id?: string;
  title?: string;
  description?: string;
}

/**
 * A private registry rather than zod's global one: nothing outside this module can add to or
 * collide with the playbook's names and descriptions.
 */
export const playbookRegistry = z.registry<PlaybookSchemaMeta>();

/** A copy of `schema` that carries `description` (a copy, so each field keeps its own text). */
export function described<T extends z.ZodType>(schema: T, description: string): T {
  const copy = schema.clone();
  playbookRegistry.add(copy, { description });
  return copy;
}

/** `schema` registered under `$defs/<id>` so the JSON Schema stays readable. */
export function named<T extends z.ZodType>(schema: T, id: string, description: string): T {
  playbookRegistry.add(schema, { id, description });
  return schema;
}

export const ID_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, optional pre-release and build parts. */
export const SEMVER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/**
 * BCP 47 language tag as the app uses them: language, optional script, optional region,
 * optional variants ("zh-CN", "zh-Hans-CN", "en", "en-GB", "es-419").
 */
export const LANGUAGE_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*$/;

const MAX_TEXT = 2000;

// Messages in the schema are codes (see messages.ts): the validator renders them in the reader's language.
export const Id = z.string().max(80, rule('idLength')).regex(ID_PATTERN, rule('id'));

/**
 * A text a person reads: never empty, and well-formed Unicode (a lone surrogate would be stored
 * as something else than what was published, and hashed differently on each side).
 */
export const Text = z.string().min(1).max(MAX_TEXT).refine(isWellFormedText, rule('wellFormed'));

export const Phone = z.string().max(PHONE_MAX_LENGTH).regex(PHONE_PATTERN, rule('phone'));

/**
 * Fields that hold a fixed choice or a number rather than words: equal in every language
 * version of a playbook.
 */
export const STRUCTURAL_TEXT_FIELDS = ['id', 'kind', 'direction', 'nearest', 'category', 'per', 'version', 'severity', 'from'] as const;

export const PersonRef = described(Id, 'id of a role, group, team or position in `command`');

/** A numbered line of a plan: a principle, a rule, a task, a requirement. */
export const Item = named(
  z.strictObject({
    id: Id,
    title: described(Text, 'short heading, when the plan gives one').optional(),
    text: Text,
    owner: described(PersonRef, 'who is responsible, by id').optional(),
    source: described(Text, 'where in the source plan this comes from, e.g. "四、2、a"').optional(),
  }),
  'Item',
  'One line of the plan: a principle, a rule, a task or a requirement.',
);
export type Item = z.output<typeof Item>;

export const ItemList = z.array(Item);
