import { createContext, useContext, useId, type ReactNode } from 'react';
import type { FormNode } from '../../domain/playbook/form';
import type { PlaybookIssue } from '../../domain/playbook/check';
import { formatPath } from '../../domain/playbook/json-path';
import { render, type Language, type Speak } from '../../domain/text';
import { appendItem, fieldDomId, idsIn, itemCaption, moveItem, newItem, referenceOptions, removeItem, valueAt, type Path } from './draft-ops';
import { fieldMessages } from './field-messages';
import type { messages } from './messages';

/**
 * The editor's fields, drawn from the playbook's form (src/domain/playbook/form.ts): a text, a
 * number, a choice, a reference to something else in the playbook, an object of fields, or a
 * list that can be added to, reordered and removed from (with undo). Every field has its label,
 * hint and example, and shows the validator's messages about it right below it.
 */

export interface EditorContextValue {
  readonly doc: unknown;
  readonly language: Language;
  readonly t: Speak<typeof messages>;
  /** Sets the value at `path`; `typing` for keystrokes, which undo takes back a field at a time. */
  set(path: Path, value: unknown, typing?: boolean): void;
  /** Replaces the whole draft (list edits), announcing `note` with an undo button when given. */
  replace(doc: unknown, note?: string): void;
  issuesAt(path: string): readonly PlaybookIssue[];
  /** How many errors are at `path` or inside it. */
  errorsUnder(path: string): number;
  isOpen(path: string): boolean;
  toggle(path: string, open?: boolean): void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('An editor field is drawn outside the editor');
  return ctx;
}

type FieldDictionary = Readonly<Record<string, { readonly 'zh-CN': string; readonly en: string } | undefined>>;

/** A field's label, hint or example; the key itself when the text is missing (the texts test keeps none missing). */
export function fieldText(language: Language, key: string): string {
  const entry = (fieldMessages as FieldDictionary)[key];
  return entry ? render(entry[language]) : key;
}

function optionalText(language: Language, key: string): string | undefined {
  const entry = (fieldMessages as FieldDictionary)[key];
  return entry ? render(entry[language]) : undefined;
}

/** The issues about one field, each marked as an error or a warning in words, not only colour. */
function FieldIssues({ issues, id }: { issues: readonly PlaybookIssue[]; id: string }) {
  const { t } = useEditor();
  if (issues.length === 0) return null;
  return (
    <ul className="ed-issues" id={id}>
      {issues.map((issue, i) => (
        <li key={i} className={issue.severity === 'error' ? 'ed-issue error' : 'ed-issue warning'}>
          <strong>{issue.severity === 'error' ? t('editor.issue.error') : t('editor.issue.warning')}:</strong> {issue.message}
        </li>
      ))}
    </ul>
  );
}

function FieldHead({ node, inputId, hintId }: { node: FormNode; inputId: string; hintId: string }) {
  const { language, t } = useEditor();
  const example = optionalText(language, `${node.key}.example`);
  return (
    <>
      <label htmlFor={inputId} className="ed-label">
        {fieldText(language, `${node.key}.label`)}
        {node.required ? null : <span className="ed-optional"> {t('editor.optional')}</span>}
      </label>
      <p className="ed-hint" id={hintId}>
        {fieldText(language, `${node.key}.hint`)}
        {example ? <span className="ed-example"> {t('editor.example', { example })}</span> : null}
      </p>
    </>
  );
}

/** One field of the draft at `path`, whatever its kind. `label` overrides the heading of a list item. */
export function Field({ node, path }: { node: FormNode; path: Path }) {
  switch (node.kind) {
    case 'object':
      return <ObjectField node={node} path={path} />;
    case 'list':
      return <ListField node={node} path={path} />;
    default:
      return <ScalarField node={node} path={path} />;
  }
}

function ScalarField({ node, path, itemLabel }: { node: Exclude<FormNode, { kind: 'object' | 'list' }>; path: Path; itemLabel?: string }) {
  const ctx = useEditor();
  const base = useId();
  const key = formatPath(path);
  const inputId = fieldDomId(path);
  const hintId = `${base}-hint`;
  const issuesId = `${base}-issues`;
  const issues = ctx.issuesAt(key);
  const describedBy = issues.length ? `${hintId} ${issuesId}` : hintId;
  const input = (
    <ScalarInput
      node={node}
      path={path}
      id={inputId}
      describedBy={itemLabel ? issuesId : describedBy}
      invalid={issues.some((i) => i.severity === 'error')}
      label={itemLabel}
    />
  );
  if (itemLabel !== undefined)
    return (
      <div className="ed-scalar-item">
        {input}
        <FieldIssues issues={issues} id={issuesId} />
      </div>
    );
  return (
    <div className={issues.length ? 'ed-field has-issues' : 'ed-field'}>
      <FieldHead node={node} inputId={inputId} hintId={hintId} />
      {input}
      <FieldIssues issues={issues} id={issuesId} />
    </div>
  );
}

function ScalarInput({
  node,
  path,
  id,
  describedBy,
  invalid,
  label,
}: {
  node: Exclude<FormNode, { kind: 'object' | 'list' }>;
  path: Path;
  id: string;
  describedBy: string;
  invalid: boolean;
  label?: string | undefined;
}) {
  const ctx = useEditor();
  const value = valueAt(ctx.doc, path);
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined, ...(label !== undefined && { 'aria-label': label }) };
  switch (node.kind) {
    case 'text': {
      const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
      const onChange = (v: string) => ctx.set(path, v === '' ? undefined : v, true);
      if (node.input === 'paragraph')
        return <textarea {...common} rows={3} value={text} maxLength={node.maxLength} onChange={(e) => onChange(e.target.value)} />;
      return (
        <input
          {...common}
          type={node.input === 'phone' ? 'tel' : 'text'}
          {...(node.input === 'id' && { autoCapitalize: 'none', spellCheck: false, autoCorrect: 'off' })}
          value={text}
          maxLength={node.maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    }
    case 'number':
      return (
        <input
          {...common}
          type="number"
          inputMode={node.integer ? 'numeric' : 'decimal'}
          step={node.integer ? 1 : 'any'}
          min={node.min}
          max={node.max}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(e) => ctx.set(path, e.target.value === '' || !Number.isFinite(e.target.valueAsNumber) ? undefined : e.target.valueAsNumber, true)}
        />
      );
    case 'boolean':
      return (
        <span className="ed-check">
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => ctx.set(path, e.target.checked ? true : undefined)} />
          <span aria-hidden="true">{ctx.t('editor.yes')}</span>
        </span>
      );
    case 'choice':
      return (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => ctx.set(path, e.target.value === '' ? undefined : e.target.value)}>
          {node.required && typeof value === 'string' ? null : <option value="">{ctx.t('editor.none')}</option>}
          {typeof value === 'string' && !node.values.includes(value) ? <option value={value}>{value}</option> : null}
          {node.values.map((v) => (
            <option key={v} value={v}>
              {fieldText(ctx.language, `${node.key.replace(/^field\./, 'enum.')}.${v}`)}
            </option>
          ))}
        </select>
      );
    case 'reference': {
      const options = referenceOptions(ctx.doc, node.refers);
      const current = typeof value === 'string' ? value : '';
      const known = options.some((o) => o.id === current);
      return (
        <select {...common} value={current} onChange={(e) => ctx.set(path, e.target.value === '' ? undefined : e.target.value)}>
          <option value="">{ctx.t('editor.none')}</option>
          {current && !known ? <option value={current}>{ctx.t('editor.unknownRef', { id: current })}</option> : null}
          {options.map((o, i) => (
            <option key={`${o.id}-${i}`} value={o.id}>
              {o.name ? `${o.name} (${o.id})` : o.id}
            </option>
          ))}
        </select>
      );
    }
  }
}

function ObjectField({ node, path, inList = false }: { node: FormNode & { kind: 'object' }; path: Path; inList?: boolean }) {
  const ctx = useEditor();
  const base = useId();
  const key = formatPath(path);
  const value = valueAt(ctx.doc, path);
  const labelKey = node.label;
  const legend = fieldText(ctx.language, `${labelKey}.label`);
  const issues = ctx.issuesAt(key);
  if (value === undefined && !node.required && !inList) {
    return (
      <div className="ed-field">
        <p className="ed-hint">{fieldText(ctx.language, `${labelKey}.hint`)}</p>
        <button type="button" className="button ed-add" id={fieldDomId(path)} onClick={() => ctx.set(path, newItem(node, idsIn(ctx.doc)))}>
          {ctx.t('editor.addField', { label: legend })}
        </button>
        <FieldIssues issues={issues} id={`${base}-issues`} />
      </div>
    );
  }
  const fields = node.fields.map((f) => <Field key={f.name} node={f.node} path={[...path, f.name]} />);
  if (inList)
    return (
      <div className="ed-object-body">
        <FieldIssues issues={issues} id={`${base}-issues`} />
        {fields}
      </div>
    );
  return (
    <fieldset className="ed-object" id={fieldDomId(path)} tabIndex={-1}>
      <legend>{legend}</legend>
      <p className="ed-hint">{fieldText(ctx.language, `${labelKey}.hint`)}</p>
      <FieldIssues issues={issues} id={`${base}-issues`} />
      {fields}
      {node.required ? null : (
        <button
          type="button"
          className="button ed-remove-field"
          onClick={() => ctx.replace(removeField(ctx.doc, path), ctx.t('editor.removed', { noun: legend, n: '' }))}
        >
          {ctx.t('editor.removeField', { label: legend })}
        </button>
      )}
    </fieldset>
  );
}

function removeField(doc: unknown, path: Path): unknown {
  const parent = path.slice(0, -1);
  const name = path.at(-1);
  const owner = valueAt(doc, parent);
  if (typeof name !== 'string' || owner === null || typeof owner !== 'object') return doc;
  const copy = { ...(owner as Record<string, unknown>) };
  delete copy[name];
  return parent.length === 0 ? copy : setWhole(doc, parent, copy);
}

function setWhole(doc: unknown, path: Path, value: unknown): unknown {
  // One level at a time, like setAt, without dropping an emptied object.
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(doc) && typeof head === 'number') return doc.map((v: unknown, i) => (i === head ? setWhole(v, rest, value) : v));
  const obj = (doc !== null && typeof doc === 'object' ? doc : {}) as Record<string, unknown>;
  return { ...obj, [String(head)]: setWhole(obj[String(head)], rest, value) };
}

function ListField({ node, path }: { node: FormNode & { kind: 'list' }; path: Path }) {
  const ctx = useEditor();
  const base = useId();
  const key = formatPath(path);
  const raw = valueAt(ctx.doc, path);
  const items: readonly unknown[] = Array.isArray(raw) ? raw : [];
  const label = fieldText(ctx.language, `${node.key}.label`);
  const item = node.item;
  const noun = item.kind === 'object' ? fieldText(ctx.language, item.noun) : label;
  const issues = ctx.issuesAt(key);
  const add = () => {
    const next = appendItem(ctx.doc, path, newItem(item, idsIn(ctx.doc)));
    if (item.kind === 'object') ctx.toggle(formatPath([...path, items.length]), true);
    ctx.replace(next);
  };
  return (
    <fieldset className="ed-list" id={fieldDomId(path)} tabIndex={-1}>
      <legend>
        {label} <span className="ed-count">({items.length})</span>
        {node.required ? null : <span className="ed-optional"> {ctx.t('editor.optional')}</span>}
      </legend>
      <p className="ed-hint">
        {fieldText(ctx.language, `${node.key}.hint`)}
        {item.kind !== 'object' && optionalText(ctx.language, `${node.key}.example`) ? (
          <span className="ed-example"> {ctx.t('editor.example', { example: fieldText(ctx.language, `${node.key}.example`) })}</span>
        ) : null}
      </p>
      <FieldIssues issues={issues} id={`${base}-issues`} />
      {items.length === 0 ? <p className="ed-empty">{ctx.t('editor.emptyList')}</p> : null}
      <ol className="ed-items">
        {items.map((value, i) => (
          <ListItem key={i} node={node} path={path} index={i} count={items.length} noun={noun} value={value} />
        ))}
      </ol>
      <button type="button" className="button ed-add" onClick={add}>
        {ctx.t('editor.add', { noun })}
      </button>
    </fieldset>
  );
}

function ListItem({
  node,
  path,
  index,
  count,
  noun,
  value,
}: {
  node: FormNode & { kind: 'list' };
  path: Path;
  index: number;
  count: number;
  noun: string;
  value: unknown;
}) {
  const ctx = useEditor();
  const itemPath = [...path, index];
  const key = formatPath(itemPath);
  const n = index + 1;
  const item = node.item;
  const optional = !node.required && node.minItems === 0;
  const controls: ReactNode = (
    <span className="ed-item-controls">
      <button
        type="button"
        className="button ed-small"
        disabled={index === 0}
        aria-label={ctx.t('editor.moveUpLabel', { noun, n })}
        onClick={() => ctx.replace(moveItem(ctx.doc, path, index, -1))}
      >
        ↑ {ctx.t('editor.moveUp')}
      </button>
      <button
        type="button"
        className="button ed-small"
        disabled={index === count - 1}
        aria-label={ctx.t('editor.moveDownLabel', { noun, n })}
        onClick={() => ctx.replace(moveItem(ctx.doc, path, index, 1))}
      >
        ↓ {ctx.t('editor.moveDown')}
      </button>
      <button
        type="button"
        className="button ed-small ed-danger"
        aria-label={ctx.t('editor.removeLabel', { noun, n })}
        onClick={() => ctx.replace(removeItem(ctx.doc, path, index, optional), ctx.t('editor.removed', { noun, n }))}
      >
        {ctx.t('editor.remove')}
      </button>
    </span>
  );
  if (item.kind !== 'object' && item.kind !== 'list') {
    return (
      <li className="ed-item scalar">
        <ScalarField node={item} path={itemPath} itemLabel={ctx.t('editor.itemHeading', { noun, n })} />
        {controls}
      </li>
    );
  }
  const open = ctx.isOpen(key);
  const errors = ctx.errorsUnder(key);
  const caption = itemCaption(value);
  return (
    <li className={open ? 'ed-item open' : 'ed-item'}>
      <div className="ed-item-head">
        <button type="button" className="ed-item-toggle" aria-expanded={open} id={fieldDomId(itemPath)} onClick={() => ctx.toggle(key)}>
          <span className="ed-item-noun">{ctx.t('editor.itemHeading', { noun, n })}</span>
          {caption ? <span className="ed-item-caption">{caption}</span> : null}
          {errors > 0 ? <span className="ed-item-errors">{ctx.t('editor.itemHasErrors', { count: errors })}</span> : null}
        </button>
        {controls}
      </div>
      {open ? item.kind === 'object' ? <ObjectField node={item} path={itemPath} inList /> : <ListField node={item} path={itemPath} /> : null}
    </li>
  );
}
