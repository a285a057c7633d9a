import Papa from 'papaparse';
import { ROSTER_MAX_PEOPLE, type RosterPerson } from './events/roster';
import { isPhoneNumber } from './phone';
import { FIELD_MAX, nameKey, phoneKey, ROSTER_FIELDS, samePerson, type RosterField } from './roster';

/**
 * Reading the staff list a branch already keeps (an Excel sheet saved as CSV) into its roster.
 * Parsing is papaparse's: quoted fields with commas and line breaks, a BOM, CRLF, are solved
 * problems there and not here. This file decides what the columns mean, what a good row is,
 * which roster person a row is, and names every row it cannot take by line and field.
 */

/**
 * The column headings each field goes by, as branches write them (compared without case,
 * spaces, "*" or a bracketed remark such as "（必填）"). A heading not here is ignored and named.
 */
export const COLUMN_NAMES: Readonly<Record<RosterField, readonly string[]>> = {
  name: ['姓名', '名字', '员工姓名', '人员姓名', '人员', 'name', 'fullname', 'staffname', 'person'],
  floor: ['楼层', '所在楼层', '办公楼层', '工作楼层', 'floor', 'level', 'storey'],
  team: ['部门', '班组', '小组', '组别', '科室', '所属部门', 'team', 'department', 'dept', 'group', 'unit'],
  phone: [
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
    '电话号码',
    '联系方式',
    'phone',
    'mobile',
    'tel',
    'telephone',
    'phonenumber',
    'mobilephone',
    'cell',
  ],
  assemblyPoint: ['集合点', '集合地点', '疏散集合点', '紧急集合点', 'assemblypoint', 'assembly', 'musterpoint', 'meetingpoint'],
};

/** The separators a branch's file may use: comma, tab (a sheet pasted from Excel), Chinese comma, semicolon. */
const DELIMITERS = [',', '\t', '，', ';'] as const;

/** A row the import cannot take, by its line in the file (the first line is 1) and, where one is at fault, its field. */
export type RowProblem =
  | { readonly line: number; readonly field: 'name'; readonly code: 'required' }
  | { readonly line: number; readonly field: RosterField; readonly code: 'tooLong'; readonly value: string; readonly max: number }
  | { readonly line: number; readonly field: 'phone'; readonly code: 'notPhone'; readonly value: string }
  /** A quote opened and never closed: the rest of the file cannot be read as rows. */
  | { readonly line: number; readonly code: 'unclosedQuote' };

/** A row that is taken, but worth a look before confirming. `of` is the earlier line it concerns. */
export type RowWarning =
  /** Same name and phone as an earlier line: one person, the later line is left out. */
  | { readonly line: number; readonly code: 'duplicate'; readonly of: number; readonly name: string }
  /** Same name as an earlier line with another phone: taken as two people. */
  | { readonly line: number; readonly code: 'sameNameOtherPhone'; readonly of: number; readonly name: string }
  /** Same name as someone on the roster with another phone: added as a new person. */
  | { readonly line: number; readonly code: 'sameNameOnRoster'; readonly name: string };

/** What is wrong with the file as a whole; nothing is imported. */
export type FileProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'noNameColumn'; readonly header: readonly string[] }
  | { readonly code: 'tooManyPeople'; readonly count: number; readonly max: number };

export interface ImportedRow {
  readonly line: number;
  readonly person: RosterPerson;
}

export interface RosterImportPlan {
  readonly fileProblem: FileProblem | null;
  /** The columns read, in the file's order, with the heading each was found under. */
  readonly columns: readonly { readonly field: RosterField; readonly header: string }[];
  /** Headings that name no field (or a field already read from an earlier column): not imported. */
  readonly ignoredColumns: readonly string[];
  readonly delimiter: string;
  /** Rows with data under the heading (blank lines are not counted). */
  readonly rowCount: number;
  readonly problems: readonly RowProblem[];
  readonly warnings: readonly RowWarning[];
  /** New people, with the ids made for them. */
  readonly add: readonly ImportedRow[];
  /** People on the roster whose details the file changes (same name and phone, another floor, team or assembly point). */
  readonly change: readonly (ImportedRow & { readonly before: RosterPerson })[];
  readonly unchanged: readonly ImportedRow[];
  /**
   * People on the roster the file does not list. Removing them is the caller's choice (the file
   * may list one floor only). Someone whose row in the file is bad is not here: a typo in a
   * phone number must not take a person off the roster.
   */
  readonly remove: readonly RosterPerson[];
}

/** A heading as compared: NFKC (full-width letters), lower case, no spaces, "*", "_", "-" or bracketed remark. */
export function normalizeHeading(heading: string): string {
  return heading
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s*_\-:：.]/g, '');
}

function fieldOfHeading(heading: string): RosterField | null {
  const h = normalizeHeading(heading);
  if (!h) return null;
  return ROSTER_FIELDS.find((f) => COLUMN_NAMES[f].includes(h)) ?? null;
}

const identity = (p: { name: string; phone?: string | undefined }) => `${nameKey(p.name)}\u0000${phoneKey(p.phone)}`;

/** The separator of the heading line: the one that splits it into the most known headings (then the most columns). */
function guessDelimiter(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const parts = first.split(d);
    const score = parts.filter((p) => fieldOfHeading(p.replace(/^"|"$/g, '')) !== null).length * 1000 + parts.length;
    if (parts.length > 1 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Reads the rows of `text` with their first line numbers. */
function readRows(text: string, delimiter: string): { line: number; cells: string[]; unclosedQuote: boolean }[] {
  const rows: { line: number; cells: string[]; unclosedQuote: boolean }[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      rows.push({ line, cells: result.data, unclosedQuote: result.errors.some((e) => e.code === 'MissingQuotes') });
      for (let i = start; i < end && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
      start = end;
    },
  });
  return rows;
}

/** Checks one cell; returns the value to keep (undefined when empty) or the problem. */
function checkCell(field: RosterField, raw: string, line: number): { value: string | undefined } | { problem: RowProblem } {
  // A leading apostrophe is how Excel marks a number kept as text ('13800138000); it is not part of the value.
  const value = field === 'phone' ? raw.trim().replace(/^'/, '').trim() : raw.trim();
  if (value === '') return field === 'name' ? { problem: { line, field: 'name', code: 'required' } } : { value: undefined };
  if (field === 'phone' && !isPhoneNumber(value)) {
    return {
      problem:
        value.length > FIELD_MAX.phone ? { line, field, code: 'tooLong', value, max: FIELD_MAX.phone } : { line, field: 'phone', code: 'notPhone', value },
    };
  }
  if ([...value].length > FIELD_MAX[field]) return { problem: { line, field, code: 'tooLong', value, max: FIELD_MAX[field] } };
  return { value };
}

const emptyPlan = (fileProblem: FileProblem | null, delimiter: string): RosterImportPlan => ({
  fileProblem,
  columns: [],
  ignoredColumns: [],
  delimiter,
  rowCount: 0,
  problems: [],
  warnings: [],
  add: [],
  change: [],
  unchanged: [],
  remove: [],
});

/**
 * What importing `text` (a CSV or tab-separated staff list with a heading line) into a roster
 * holding `existing` would do: the people to add, change and (if the caller chooses) remove,
 * every bad row by line and field, and the rows worth a second look. Writes nothing.
 *
 * A row is the roster person with the same name and phone (matched loosely: case, spaces, +86),
 * whose id it keeps, so importing the same file again changes nothing; any other row is a new
 * person with an id from `newId` (ids and time come in: the domain has no randomness). Pure:
 * the same file and roster give the same plan on any device, offline.
 */
export function planRosterImport(text: string, existing: readonly RosterPerson[], newId: () => string): RosterImportPlan {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(source);
  const rows = readRows(source, delimiter).filter((r) => r.cells.some((c) => c.trim() !== '') || r.unclosedQuote);
  const [head, ...body] = rows;
  if (!head) return emptyPlan({ code: 'empty' }, delimiter);

  const columns: { field: RosterField; header: string; index: number }[] = [];
  const ignoredColumns: string[] = [];
  head.cells.forEach((header, index) => {
    const field = fieldOfHeading(header);
    if (field && !columns.some((c) => c.field === field)) columns.push({ field, header: header.trim(), index });
    else if (header.trim()) ignoredColumns.push(header.trim());
  });
  if (!columns.some((c) => c.field === 'name'))
    return { ...emptyPlan({ code: 'noNameColumn', header: head.cells.map((c) => c.trim()) }, delimiter), ignoredColumns };

  const problems: RowProblem[] = [];
  const warnings: RowWarning[] = [];
  const good: ImportedRow[] = [];
  const badNames = new Set<string>();
  const seenIdentity = new Map<string, number>();
  const seenName = new Map<string, { line: number; phone: string }>();
  for (const row of body) {
    if (row.unclosedQuote) {
      problems.push({ line: row.line, code: 'unclosedQuote' });
      continue;
    }
    const values: Partial<Record<RosterField, string>> = {};
    const rowProblems: RowProblem[] = [];
    for (const { field, index } of columns) {
      const checked = checkCell(field, row.cells[index] ?? '', row.line);
      if ('problem' in checked) rowProblems.push(checked.problem);
      else if (checked.value !== undefined) values[field] = checked.value;
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      if (values.name) badNames.add(nameKey(values.name));
      continue;
    }
    const name = values.name ?? '';
    const id = identity({ name, phone: values.phone });
    const earlier = seenIdentity.get(id);
    if (earlier !== undefined) {
      warnings.push({ line: row.line, code: 'duplicate', of: earlier, name });
      continue;
    }
    const sameName = seenName.get(nameKey(name));
    if (sameName) warnings.push({ line: row.line, code: 'sameNameOtherPhone', of: sameName.line, name });
    seenIdentity.set(id, row.line);
    if (!sameName) seenName.set(nameKey(name), { line: row.line, phone: phoneKey(values.phone) });
    good.push({ line: row.line, person: { personId: '', name, ...values } });
  }
  if (good.length > ROSTER_MAX_PEOPLE) return { ...emptyPlan({ code: 'tooManyPeople', count: good.length, max: ROSTER_MAX_PEOPLE }, delimiter), problems };

  const onRoster = new Map<string, RosterPerson>();
  for (const p of existing) if (!onRoster.has(identity(p))) onRoster.set(identity(p), p);
  const rosterNames = new Set(existing.map((p) => nameKey(p.name)));
  const usedIds = new Set(existing.map((p) => p.personId));
  const matched = new Set<string>();
  const add: ImportedRow[] = [];
  const change: (ImportedRow & { before: RosterPerson })[] = [];
  const unchanged: ImportedRow[] = [];
  for (const row of good) {
    const before = onRoster.get(identity(row.person));
    if (before) {
      matched.add(before.personId);
      // The roster's own spelling of the phone is kept when only its spacing differs.
      const person = { ...row.person, personId: before.personId, ...(before.phone ? { phone: before.phone } : {}) };
      if (samePerson(before, person)) unchanged.push({ line: row.line, person });
      else change.push({ line: row.line, person, before });
      continue;
    }
    if (rosterNames.has(nameKey(row.person.name))) warnings.push({ line: row.line, code: 'sameNameOnRoster', name: row.person.name });
    let personId = newId();
    while (usedIds.has(personId)) personId = newId();
    usedIds.add(personId);
    add.push({ line: row.line, person: { ...row.person, personId } });
  }
  const remove = existing.filter((p) => !matched.has(p.personId) && !badNames.has(nameKey(p.name)));
  warnings.sort((a, b) => a.line - b.line);
  return {
    fileProblem: null,
    columns: columns.map(({ field, header }) => ({ field, header })),
    ignoredColumns,
    delimiter,
    rowCount: body.length,
    problems,
    warnings,
    add,
    change,
    unchanged,
    remove,
  };
}
