import type { FormNode } from '../../domain/playbook/form';
import { formatPath, type PathSegment } from '../../domain/playbook/json-path';
import { objectsIn, textIn } from '../../domain/playbook/readable';
import type { ReferenceKind } from '../../domain/playbook/reference-fields';
import { isRecord } from '../../domain/validation';

/**
 * Changing a draft playbook: pure, immutable edits at a JSON path. A draft may be wrong
 * anywhere while the safety officer writes it, so nothing here assumes the schema holds; every
 * edit makes a new value and leaves the old one whole (the undo history keeps it).
 */

export type Path = readonly PathSegment[];

export function valueAt(doc: unknown, path: Path): unknown {
  let value = doc;
  for (const seg of path) {
    if (Array.isArray(value) && typeof seg === 'number') value = value[seg];
    else if (isRecord(value) && typeof seg === 'string') value = value[seg];
    else return undefined;
  }
  return value;
}

/**
 * `doc` with `value` at `path`; `undefined` removes an object's field (an emptied optional
 * field leaves the file rather than staying as ""). Missing objects on the way are made.
 */
export function setAt(doc: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(doc) ? [...(doc as unknown[])] : [];
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const obj: Record<string, unknown> = isRecord(doc) ? { ...doc } : {};
  const next = setAt(obj[String(head)], rest, value);
  if (next === undefined) delete obj[String(head)];
  else obj[String(head)] = next;
  return obj;
}

export function listAt(doc: unknown, path: Path): unknown[] {
  const value = valueAt(doc, path);
  return Array.isArray(value) ? value : [];
}

/** The list at `path` with `item` added at the end. */
export function appendItem(doc: unknown, path: Path, item: unknown): unknown {
  return setAt(doc, path, [...listAt(doc, path), item]);
}

/** The list at `path` without its item `index`; an optional list left empty leaves the file. */
export function removeItem(doc: unknown, path: Path, index: number, optional: boolean): unknown {
  const list = listAt(doc, path).filter((_, i) => i !== index);
  return setAt(doc, path, list.length === 0 && optional ? undefined : list);
}

/** The list at `path` with item `index` moved by `by` places (−1 up, +1 down); out of range: unchanged. */
export function moveItem(doc: unknown, path: Path, index: number, by: -1 | 1): unknown {
  const list = [...listAt(doc, path)];
  const to = index + by;
  if (to < 0 || to >= list.length) return doc;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return setAt(doc, path, list);
}

/** Every id written anywhere in the draft, so a new item gets one of its own. */
export function idsIn(doc: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isRecord(value)) {
      if (typeof value.id === 'string') ids.add(value.id);
      Object.values(value).forEach(walk);
    }
  };
  walk(doc);
  return ids;
}

/** `floor-3`: the first of `prefix-1`, `prefix-2` … that the draft does not use yet. */
export function freshId(taken: ReadonlySet<string>, prefix: string): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** "field.SafetyRule" → "safety-rule"; "field.KeyAreas.areas" → "area". */
export function idPrefix(key: string): string {
  const last = key.split('.').pop() ?? 'item';
  const word = last.endsWith('s') && key.split('.').length > 2 ? last.slice(0, -1) : last;
  return word.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * A new list item for `node`: an object gets a fresh id and the first choice of each required
 * choice (a route is "primary" until said otherwise), and nothing else. Texts stay absent, so
 * the validator names each one still to write, at its field.
 */
export function newItem(node: FormNode, taken: ReadonlySet<string>): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const f of node.fields) {
        if (f.name === 'id' && f.node.kind === 'text') out.id = freshId(taken, idPrefix(node.key));
        else if (f.node.required && f.node.kind === 'choice') out[f.name] = f.node.values[0];
        else if (f.node.required && f.node.kind === 'list') out[f.name] = [];
      }
      return out;
    }
    case 'choice':
      return node.values[0];
    case 'boolean':
      return false;
    case 'number':
      return 0;
    case 'list':
      return [];
    default:
      return '';
  }
}

export interface ReferenceOption {
  readonly id: string;
  readonly name: string;
}

/** What a reference field may name, read from the draft as it is now: posts, stairways, assembly points, numbers. */
export function referenceOptions(doc: unknown, refers: ReferenceKind): ReferenceOption[] {
  if (refers === 'person') return personOptions(doc);
  const list = { stairway: 'stairways', assemblyPoint: 'assemblyPoints', emergencyNumber: 'emergencyNumbers' }[refers];
  return objectsIn(doc, list).flatMap(({ item }) => {
    const id = textIn(item, 'id');
    return id === undefined ? [] : [{ id, name: textIn(item, 'name') ?? textIn(item, 'label') ?? '' }];
  });
}

/** A DOM id for the field at `path`, so an issue can link to it. */
export function fieldDomId(path: Path | string): string {
  return `field:${typeof path === 'string' ? path : formatPath(path)}`;
}

/** The words a list item goes by in its collapsed line: its label, name, title or text, else nothing. */
export function itemCaption(item: unknown): string | undefined {
  for (const key of ['label', 'name', 'title', 'text', 'instruction', 'refuge', 'id']) {
    const text = textIn(item, key);
    if (text) return text;
  }
  return typeof item === 'string' && item ? item : undefined;
}

/**
 * The posts of the command structure as the draft has them now, in chart order (as
 * command-tree.ts walks a valid one): each group, its leader, deputies and members, its teams;
 * the stand-alone roles last. Read defensively: a half-written group still offers what it has.
 */
function personOptions(doc: unknown): ReferenceOption[] {
  const command = isRecord(doc) ? doc.command : undefined;
  const out: ReferenceOption[] = [];
  const add = (item: unknown, name: string | undefined): void => {
    const id = textIn(item, 'id');
    if (id !== undefined) out.push({ id, name: name ?? '' });
  };
  const group = (g: unknown): void => {
    const name = textIn(g, 'name');
    add(g, name);
    const post = (p: unknown): void => add(p, [name, textIn(p, 'title')].filter(Boolean).join(' · '));
    if (isRecord(g) && g.leader !== undefined) post(g.leader);
    for (const { item } of objectsIn(g, 'deputies')) post(item);
    for (const { item } of objectsIn(g, 'members')) post(item);
    for (const { item } of objectsIn(g, 'teams')) group(item);
  };
  if (isRecord(command)) {
    group(command.headquarters);
    for (const { item } of objectsIn(command, 'groups')) group(item);
    for (const { item } of objectsIn(command, 'roles')) add(item, textIn(item, 'title'));
  }
  return out;
}
