import type { PlaybookIssue } from '../../src/domain/playbook/validate';

/**
 * The broken playbook files in test/playbooks/broken/ and what the validator must say about
 * each: the errors, each with its line and column in the file and its place in the file's own
 * words. Each file is the valid sample playbook (test/fixtures/sample-playbook.ts) with one
 * mistake a safety officer might make, saved to disk. Their warnings are those of the sample
 * (`SAMPLE_FILE_WARNINGS`), at their own lines.
 */
export const BROKEN_FILES = {
  'bad-language.json': [
    { path: 'language', severity: 'error', line: 5, column: 3, message: 'expected a BCP 47 language tag such as "zh-CN" or "en", got the text "zh_CN"' },
  ],
  'duplicate-step-id.json': [
    {
      path: 'phases[1].steps[0].id',
      severity: 'error',
      place: 'phase "Respond", step "step.alarm.report" ("Fight the fire.")',
      line: 131,
      column: 11,
      message: 'duplicate id "step.alarm.report", already used at phases[0].steps[0].id; step ids must be unique in the whole playbook',
    },
  ],
  'duplicate-field.json': [
    {
      path: 'buildings[1].floors[0].routes',
      severity: 'error',
      place: 'building "Annex", floor "Floor 1"',
      line: 239,
      column: 11,
      message: 'field given twice, at line 230, column 11 and line 239, column 11; JSON keeps only the last, so remove one',
    },
    {
      path: 'buildings[1].floors[0].routes',
      severity: 'error',
      place: 'building "Annex", floor "Floor 1"',
      line: 239,
      column: 11,
      message: 'a floor needs at least one evacuation route, found none',
    },
  ],
  'empty.json': [{ path: '', severity: 'error', message: 'the file is empty; expected a playbook as a JSON object' }],
  'floor-without-route.json': [
    {
      path: 'buildings[1].floors[0].routes',
      severity: 'error',
      place: 'building "Annex", floor "Floor 1"',
      line: 230,
      column: 11,
      message: 'a floor needs at least one evacuation route, found none',
    },
  ],
  'gbk-encoded.json': [{ path: '', severity: 'error', message: 'the file is not UTF-8 text (byte 156 is 0xc3); save it as UTF-8' }],
  // A missing field is found at the object that lacks it: here the whole playbook, from line 1.
  'missing-id.json': [{ path: 'id', severity: 'error', line: 1, column: 1, message: 'missing; expected a text' }],
  'negative-target-minutes.json': [
    {
      path: 'phases[0].steps[0].targetMinutes',
      severity: 'error',
      place: 'phase "Raise the alarm", step "step.alarm.report" ("Report the fire.")',
      line: 114,
      column: 11,
      message: 'expected a number of at least 0, got -5',
    },
  ],
  'trailing-comma.json': [
    {
      path: '',
      severity: 'error',
      line: 301,
      column: 1,
      message: 'invalid JSON at line 301, column 1: expected another field after ",", found "}"; JSON allows no comma before "}"',
    },
  ],
  'unknown-assembly-point.json': [
    {
      path: 'buildings[0].floors[0].routes[0].assemblyPoint',
      severity: 'error',
      place: 'building "Main building", floor "Floor 1", route "primary" (primary)',
      line: 195,
      column: 15,
      message: 'unknown assembly point "front-square"; expected one of "car-park" from assemblyPoints',
    },
  ],
  'unknown-field.json': [
    {
      path: 'phases[0].steps[0].ownr',
      severity: 'error',
      place: 'phase "Raise the alarm", step "step.alarm.report" ("Report the fire.")',
      line: 115,
      column: 11,
      message: 'unknown field; did you mean "owner"?',
    },
  ],
  'unknown-owner.json': [
    {
      path: 'phases[1].steps[0].owner',
      severity: 'error',
      place: 'phase "Respond", step "step.respond.firefight" ("Fight the fire.")',
      line: 133,
      column: 11,
      message:
        'unknown role, group, team or position "ghost"; expected one of "hq", "hq.commander", "hq.deputy", "hq.members", "fire-team", "fire-team.leader", "fire-team.extinguisher", "discoverer", "on-duty-lead" from command',
    },
  ],
  'version-not-semver.json': [
    { path: 'version', severity: 'error', line: 4, column: 3, message: 'expected a semantic version such as "1.0.0", got the text "v1"' },
  ],
  'wrong-kind.json': [
    { path: 'kind', severity: 'error', line: 6, column: 3, message: 'expected one of "flood", "fire", "campaign", "other", got the text "earthquake"' },
  ],
  'wrong-types.json': [
    {
      path: 'phases[0].steps[0].critical',
      severity: 'error',
      place: 'phase "Raise the alarm", step "step.alarm.report" ("Report the fire.")',
      line: 113,
      column: 11,
      message: 'expected true or false, got the text "yes"',
    },
    {
      path: 'buildings[0].floors[0].level',
      severity: 'error',
      place: 'building "Main building", floor "Floor 1"',
      line: 187,
      column: 11,
      message: 'expected a number, got the text "1"',
    },
  ],
} satisfies Record<string, PlaybookIssue[]>;

/** What every broken file that can be read is warned about, as the sample is: nothing, since every field it has is shown. */
export const SAMPLE_FILE_WARNINGS = [] satisfies PlaybookIssue[];

/**
 * What a Chinese-speaking safety officer reads for the same files: one message per issue above,
 * at the same path. Keyed like BROKEN_FILES, so a fixture without its Chinese fails the type check.
 */
export const BROKEN_FILES_ZH: Record<keyof typeof BROKEN_FILES, string[]> = {
  'bad-language.json': ['应为 BCP 47 语言标签，例如 "zh-CN" 或 "en"，实际为文本 "zh_CN"'],
  'duplicate-step-id.json': ['id "step.alarm.report" 重复，已在 phases[0].steps[0].id 用过；步骤 id 在整个预案中不能重复'],
  'duplicate-field.json': [
    '同一字段写了两次，分别在第 230 行第 11 列和第 239 行第 11 列；JSON 只保留后一个，请删掉其中一个',
    '每个楼层至少要有一条疏散路线，此处一条也没有',
  ],
  'empty.json': ['文件是空的；应为一个以 JSON 对象写成的预案'],
  'floor-without-route.json': ['每个楼层至少要有一条疏散路线，此处一条也没有'],
  'gbk-encoded.json': ['文件不是 UTF-8 文本（偏移 156 处的字节是 0xc3）；请以 UTF-8 编码另存'],
  'missing-id.json': ['缺少该字段；应为文本'],
  'negative-target-minutes.json': ['应为不小于 0 的数值，实际为 -5'],
  'trailing-comma.json': ['JSON 格式错误，位于第 301 行第 1 列："," 之后应还有一个字段，却遇到 "}"；JSON 不允许在 "}" 前加逗号'],
  'unknown-assembly-point.json': ['未知的集合地点 "front-square"；应为 assemblyPoints 中的 "car-park" 之一'],
  'unknown-field.json': ['未知字段；是否想写 "owner"？'],
  'unknown-owner.json': [
    '未知的角色、小组、分队或岗位 "ghost"；应为 command 中的 "hq"、"hq.commander"、"hq.deputy"、"hq.members"、"fire-team"、"fire-team.leader"、"fire-team.extinguisher"、"discoverer"、"on-duty-lead" 之一',
  ],
  'version-not-semver.json': ['应为语义化版本号，例如 "1.0.0"，实际为文本 "v1"'],
  'wrong-kind.json': ['应为 "flood"、"fire"、"campaign"、"other" 之一，实际为文本 "earthquake"'],
  'wrong-types.json': ['应为 true 或 false，实际为文本 "yes"', '应为数字，实际为文本 "1"'],
};
