import { describe, expect, it } from 'vitest';
import { checkRosterPersonAt } from './events/roster';
import type { RosterPerson } from './events/roster';
import { planRosterImport } from './roster-csv';

/** Ids as the device would make them, but predictable. */
function ids(prefix = 'p-new'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const BRANCH_CSV = [
  '\uFEFF姓名,楼层,部门,手机,集合点',
  '王伟,3F,信贷部,13800138000,北广场',
  '李娜,1F,营业部,138 0013 8001,北广场',
  '"赵, 敏",负一层,保卫部,,南门',
].join('\r\n');

describe('importing the staff list a branch already has', () => {
  it('reads a Chinese heading, a BOM, CRLF and a quoted comma, and adds everyone with a new id', () => {
    const plan = planRosterImport(BRANCH_CSV, [], ids());
    expect(plan.fileProblem).toBeNull();
    expect(plan.problems).toEqual([]);
    expect(plan.columns.map((c) => c.field)).toEqual(['name', 'floor', 'team', 'phone', 'assemblyPoint']);
    expect(plan.add.map((r) => [r.line, r.person])).toEqual([
      [2, { personId: 'p-new1', name: '王伟', floor: '3F', team: '信贷部', phone: '13800138000', assemblyPoint: '北广场' }],
      [3, { personId: 'p-new2', name: '李娜', floor: '1F', team: '营业部', phone: '138 0013 8001', assemblyPoint: '北广场' }],
      [4, { personId: 'p-new3', name: '赵, 敏', floor: '负一层', team: '保卫部', assemblyPoint: '南门' }],
    ]);
    // Every person it makes is one the roster event accepts.
    for (const { person } of plan.add) expect(checkRosterPersonAt({ ...person }, 'p')).toEqual([]);
  });

  it('reads English headings in any case and spacing, a tab-separated sheet pasted from Excel, and a Chinese comma', () => {
    const english = planRosterImport('Name , FLOOR,Team,Phone Number,Assembly Point\nWang Wei,3F,Credit,13800138000,North plaza', [], ids());
    expect(english.add[0]?.person).toMatchObject({ name: 'Wang Wei', floor: '3F', team: 'Credit', phone: '13800138000', assemblyPoint: 'North plaza' });
    const tabs = planRosterImport('姓名\t楼层\t班组\t电话\n王伟\t3F\t一班\t13800138000', [], ids());
    expect(tabs.delimiter).toBe('\t');
    expect(tabs.add[0]?.person).toMatchObject({ name: '王伟', team: '一班' });
    const zhComma = planRosterImport('姓名，楼层\n王伟，3F', [], ids());
    expect(zhComma.add[0]?.person).toMatchObject({ name: '王伟', floor: '3F' });
  });

  it('names every bad row by line and field, and takes the good rows', () => {
    const csv = [
      '姓名,楼层,电话',
      '王伟,3F,13800138000',
      ',2F,13800138002', // line 3: no name
      '李娜,1F,abc', // line 4: not a phone
      '',
      `${'长'.repeat(121)},1F,`, // line 6: name too long
      '赵敏,这是一个非常非常非常非常非常非常非常非常非常非常长的楼层名字写法超过四十个字符了吧,', // line 7: floor too long
      '"钱, 多,1F', // line 8: a quote never closed swallows the rest
    ].join('\n');
    const plan = planRosterImport(csv, [], ids());
    expect(plan.problems).toEqual([
      { line: 3, field: 'name', code: 'required' },
      { line: 4, field: 'phone', code: 'notPhone', value: 'abc' },
      { line: 6, field: 'name', code: 'tooLong', value: '长'.repeat(121), max: 120 },
      { line: 7, field: 'floor', code: 'tooLong', value: expect.any(String) as string, max: 40 },
      { line: 8, code: 'unclosedQuote' },
    ]);
    expect(plan.add.map((r) => r.person.name)).toEqual(['王伟']);
  });

  it('counts the line of a row after a quoted line break as the file shows it', () => {
    const plan = planRosterImport('姓名,楼层,部门\n"王伟",3F,"信贷部\n二组"\n李娜,1F,x\n周,2F,\n,,', [], ids());
    expect(plan.add.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(plan.add[0]?.person.team).toBe('信贷部\n二组');
  });

  it('takes a phone Excel kept as text and refuses one Excel turned into a number', () => {
    const plan = planRosterImport("姓名,电话\n王伟,'13800138000\n李娜,1.38001E+10", [], ids());
    expect(plan.add[0]?.person.phone).toBe('13800138000');
    expect(plan.problems).toEqual([{ line: 3, field: 'phone', code: 'notPhone', value: '1.38001E+10' }]);
  });

  it('refuses a file without a name column, or an empty one, saying what it found', () => {
    expect(planRosterImport('工号,楼层\n001,3F', [], ids()).fileProblem).toEqual({ code: 'noNameColumn', header: ['工号', '楼层'] });
    expect(planRosterImport('\uFEFF\r\n\r\n', [], ids()).fileProblem).toEqual({ code: 'empty' });
  });

  it('ignores and names columns it does not know', () => {
    const plan = planRosterImport('工号,姓名,备注\n001,王伟,新员工', [], ids());
    expect(plan.ignoredColumns).toEqual(['工号', '备注']);
    expect(plan.add[0]?.person).toEqual({ personId: 'p-new1', name: '王伟' });
  });

  it('flags the same person twice in the file, and two people of one name with different phones', () => {
    const csv = ['姓名,电话', '王伟,13800138000', '李娜,13800138001', '王伟,138-0013-8000', '李娜,13900000000'].join('\n');
    const plan = planRosterImport(csv, [], ids());
    expect(plan.warnings).toEqual([
      { line: 4, code: 'duplicate', of: 2, name: '王伟' },
      { line: 5, code: 'sameNameOtherPhone', of: 3, name: '李娜' },
    ]);
    expect(plan.add.map((r) => [r.line, r.person.name])).toEqual([
      [2, '王伟'],
      [3, '李娜'],
      [5, '李娜'],
    ]);
  });
});

describe('importing into a roster that already holds people', () => {
  const roster: RosterPerson[] = [
    { personId: 'p-wang', name: '王伟', floor: '3F', team: '信贷部', phone: '13800138000', assemblyPoint: '北广场' },
    { personId: 'p-li', name: '李娜', floor: '1F', team: '营业部', phone: '138 0013 8001', assemblyPoint: '北广场' },
    { personId: 'p-old', name: '孙退休', floor: '2F' },
    { personId: 'p-zhao', name: '赵, 敏', floor: '负一层', team: '保卫部', assemblyPoint: '南门' },
  ];

  it('keeps each person’s id, so importing the same file again changes nothing', () => {
    const plan = planRosterImport(BRANCH_CSV, roster, ids());
    expect(plan.add).toEqual([]);
    expect(plan.change).toEqual([]);
    expect(plan.unchanged.map((r) => r.person.personId)).toEqual(['p-wang', 'p-li', 'p-zhao']);
    expect(plan.remove.map((p) => p.personId)).toEqual(['p-old']);
  });

  it('a new floor is a change of the same person; a new name is a new person; a same name with another phone is flagged', () => {
    const csv = ['姓名,楼层,部门,手机,集合点', '王伟,5F,信贷部,+86 138 0013 8000,北广场', '周新,2F,,13700000000,', '李娜,1F,营业部,13999999999,北广场'].join(
      '\n',
    );
    const plan = planRosterImport(csv, roster, ids());
    expect(plan.change.map((c) => [c.person.personId, c.before.floor, c.person.floor, c.person.phone])).toEqual([['p-wang', '3F', '5F', '13800138000']]);
    expect(plan.add.map((r) => [r.person.personId, r.person.name])).toEqual([
      ['p-new1', '周新'],
      ['p-new2', '李娜'],
    ]);
    expect(plan.warnings).toEqual([{ line: 4, code: 'sameNameOnRoster', name: '李娜' }]);
  });

  it('never offers to remove someone whose row in the file is bad', () => {
    const plan = planRosterImport('姓名,手机\n王伟,13800138000\n李娜,abc', roster, ids());
    expect(plan.problems).toEqual([{ line: 3, field: 'phone', code: 'notPhone', value: 'abc' }]);
    expect(plan.remove.map((p) => p.personId)).toEqual(['p-old', 'p-zhao']);
  });

  it('never gives a new person an id the roster already uses', () => {
    const reused = ['p-wang', 'p-li', 'p-fresh'];
    const plan = planRosterImport('姓名\n新人', roster, () => reused.shift() ?? 'p-x');
    expect(plan.add[0]?.person.personId).toBe('p-fresh');
  });
});
