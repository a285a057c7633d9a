import { bilingual, defineMessages, speaker, type Language, type MessageArgs as ArgsOf, type Speak } from '../text';
import { EN, type Found, type JsonKind, type PlacePart, type PlaceThing, zh, ZH } from './message-words';
import type { ReferenceKind } from './reference-fields';

/**
 * Every message the playbook validator can give, keyed by a code, with its English and its
 * Simplified Chinese text side by side. `bilingual(en, zh)` takes the two together and gives them
 * one parameter type, so a missing translation or a translation that needs other data fails
 * the type check. The import screen shows these to a safety officer; the CLI prints them.
 * Values quoted from the file (ids, field names, paths, numbers) appear alike in both.
 */

interface Range {
  readonly minimum: number | bigint;
}
interface Limit {
  readonly maximum: number | bigint;
}
interface Duplicate {
  readonly id: string;
  readonly earlier: string;
}
interface Reference {
  readonly kind: ReferenceKind;
  readonly value: string;
}
interface Twin {
  /** Language tag of the version compared with. */
  readonly other: string;
}
interface Place {
  readonly line: number;
  readonly column: number;
}

export const messages = defineMessages({
  // The shape, as zod finds it (issues.ts).
  'value.missing': bilingual<{ expected: string }>(
    (p) => `missing; expected ${EN.type(p.expected)}`,
    (p) => zh`缺少该字段；应为${ZH.type(p.expected)}`,
  ),
  'value.wrongType': bilingual<{ expected: string; input: unknown }>(
    (p) => `expected ${EN.type(p.expected)}, ${EN.got(p.input)}`,
    (p) => zh`应为${ZH.type(p.expected)}，${ZH.got(p.input)}`,
  ),
  'value.notOneOf': bilingual<{ values: readonly unknown[]; input: unknown }>(
    (p) => `expected one of ${EN.list(p.values.map((v) => JSON.stringify(v)))}, ${EN.got(p.input)}`,
    (p) => zh`应为${ZH.list(p.values.map((v) => JSON.stringify(v)))}之一，${ZH.got(p.input)}`,
  ),
  'text.empty': bilingual(
    () => 'expected a text, got an empty text',
    () => '应为文本，实际为空文本',
  ),
  'text.tooShort': bilingual<Range>(
    (p) => `expected at least ${p.minimum} characters`,
    (p) => zh`应至少有${String(p.minimum)}个字符`,
  ),
  'text.tooLong': bilingual<Limit & { length: number | undefined }>(
    (p) => `expected at most ${p.maximum} characters, got ${p.length ?? '?'}`,
    (p) => zh`应最多有${String(p.maximum)}个字符，实际有${p.length ?? '?'}个`,
  ),
  'list.tooShort': bilingual<Range & { count: number }>(
    (p) => `expected at least ${EN.items(Number(p.minimum))}, got ${p.count}`,
    (p) => zh`应至少有${ZH.items(Number(p.minimum))}，实际有${ZH.items(p.count)}`,
  ),
  'list.tooLong': bilingual<Limit & { count: number | undefined }>(
    (p) => `expected at most ${p.maximum} items, got ${p.count ?? '?'}`,
    (p) => zh`应最多有${String(p.maximum)}项，实际有${p.count ?? '?'}项`,
  ),
  'number.tooSmall': bilingual<Range & { input: unknown }>(
    (p) => `expected a number of at least ${p.minimum}, got ${String(p.input)}`,
    (p) => zh`应为不小于${String(p.minimum)}的数值，实际为${String(p.input)}`,
  ),
  'number.tooLarge': bilingual<Limit & { input: unknown }>(
    (p) => `expected a number of at most ${p.maximum}, got ${String(p.input)}`,
    (p) => zh`应为不大于${String(p.maximum)}的数值，实际为${String(p.input)}`,
  ),
  /** A text that breaks a `rule.*` format; `rule` is that rule's text in the same language. */
  'format.mismatch': bilingual<{ rule: string; input: unknown }>(
    (p) => `${p.rule}, ${EN.got(p.input)}`,
    (p) => zh`${p.rule}，${ZH.got(p.input)}`,
  ),
  'field.unknown.guess': bilingual<{ guess: string }>(
    (p) => `unknown field; did you mean "${p.guess}"?`,
    (p) => zh`未知字段；是否想写 "${p.guess}"？`,
  ),
  'field.unknown.list': bilingual<{ known: readonly string[] }>(
    (p) => `unknown field; expected only ${EN.list(p.known)}`,
    (p) => zh`未知字段；此处只允许以下字段：${ZH.list(p.known)}`,
  ),

  // Rules written into the schema: the schema holds the code (`rule(...)`), issues.ts the text.
  'rule.id': bilingual(
    () => 'expected an id of lowercase letters and digits joined by "-" or "." such as "fire-team.extinguisher"',
    () => '应为由小写字母和数字组成、以 "-" 或 "." 连接的 id，例如 "fire-team.extinguisher"',
  ),
  'rule.idLength': bilingual(
    () => 'expected an id of at most 80 characters',
    () => 'id 最多只能有 80 个字符',
  ),
  'rule.semver': bilingual(
    () => 'expected a semantic version such as "1.0.0"',
    () => '应为语义化版本号，例如 "1.0.0"',
  ),
  'rule.language': bilingual(
    () => 'expected a BCP 47 language tag such as "zh-CN" or "en"',
    () => '应为 BCP 47 语言标签，例如 "zh-CN" 或 "en"',
  ),
  'rule.phone': bilingual(
    () => 'expected a phone number such as "119" or "(0316) 1234-5678": digits with spaces, "-", ".", "/" or brackets between them, and perhaps a leading "+"',
    () => '应为电话号码，例如 "119" 或 "(0316) 1234-5678"：数字之间可有空格、"-"、"."、"/" 或括号，开头可有 "+"',
  ),
  'rule.wellFormed': bilingual(
    () => 'the text holds a broken character (a lone UTF-16 surrogate, often half of an emoji); retype or delete that character',
    () => '文本中有损坏的字符（孤立的 UTF-16 代理项，常是被截断的表情符号）；请重新输入或删除该字符',
  ),
  'rule.playbookPhases': bilingual(
    () => 'a playbook needs at least one phase, found none',
    () => '预案至少要有一个阶段，此处一个也没有',
  ),
  'rule.phaseSteps': bilingual(
    () => 'a phase needs at least one step, found none',
    () => '每个阶段至少要有一个步骤，此处一个也没有',
  ),
  'rule.keyAreas': bilingual(
    () => 'list at least one key area, found none',
    () => '请至少列出一个重点防火部位，此处一个也没有',
  ),
  'rule.monthDay': bilingual(
    () => 'expected a month and day as "MM-DD", e.g. "06-01"',
    () => '应为 "MM-DD"（月-日）格式，例如 "06-01"',
  ),
  'rule.roundItems': bilingual(
    () => 'a round needs at least one check item, found none',
    () => '每项检查至少要有一个检查项目，此处一个也没有',
  ),
  'rule.roundDue': bilingual(
    () => 'a round needs exactly one of "every" (how often) or "beforeSeason" (before a season)',
    () => '每项检查必须且只能有 "every"（频次）或 "beforeSeason"（季节前）之一',
  ),
  'rule.campaignUnits': bilingual(
    () => 'a campaign needs at least one unit, found none',
    () => '专项排查至少要有一个单位，此处一个也没有',
  ),
  'rule.campaignCategories': bilingual(
    () => 'a campaign needs at least one loan category, found none',
    () => '专项排查至少要有一个贷款排查类别，此处一个也没有',
  ),
  'rule.campaignDimensions': bilingual(
    () => 'a campaign needs at least one risk dimension, found none',
    () => '专项排查至少要有一个风险维度，此处一个也没有',
  ),
  'rule.campaignTables': bilingual(
    () => 'a campaign needs at least one summary table, found none',
    () => '专项排查至少要有一张汇总表，此处一张也没有',
  ),
  'rule.buildingFloors': bilingual(
    () => 'a building needs at least one floor, found none',
    () => '每栋建筑至少要有一个楼层，此处一个也没有',
  ),
  'rule.floorRoutes': bilingual(
    () => 'a floor needs at least one evacuation route, found none',
    () => '每个楼层至少要有一条疏散路线，此处一条也没有',
  ),

  // Ids and references (references.ts).
  'id.duplicate.command': bilingual<Duplicate>(
    (p) => `duplicate id "${p.id}", already used at ${p.earlier}; roles, groups, teams and positions share one set of ids`,
    (p) => zh`id "${p.id}" 重复，已在${p.earlier}用过；角色、小组、分队和岗位共用同一套 id`,
  ),
  'id.duplicate.step': bilingual<Duplicate>(
    (p) => `duplicate id "${p.id}", already used at ${p.earlier}; step ids must be unique in the whole playbook`,
    (p) => zh`id "${p.id}" 重复，已在${p.earlier}用过；步骤 id 在整个预案中不能重复`,
  ),
  'id.duplicate.list': bilingual<Duplicate>(
    (p) => `duplicate id "${p.id}", already used at ${p.earlier}; ids must be unique in this list`,
    (p) => zh`id "${p.id}" 重复，已在${p.earlier}用过；同一列表中的 id 不能重复`,
  ),
  'reference.unknown.noneListed': bilingual<Reference & { list: string }>(
    (p) => `unknown ${EN.reference(p.kind)} "${p.value}"; "${p.list}" lists none`,
    (p) => zh`未知的${ZH.reference(p.kind)} "${p.value}"；"${p.list}" 中一个也没有列出`,
  ),
  'reference.unknown.guess': bilingual<Reference & { guess: string }>(
    (p) => `unknown ${EN.reference(p.kind)} "${p.value}"; did you mean "${p.guess}"?`,
    (p) => zh`未知的${ZH.reference(p.kind)} "${p.value}"；是否想写 "${p.guess}"？`,
  ),
  'reference.unknown.list': bilingual<Reference & { known: readonly string[]; list: string }>(
    (p) => `unknown ${EN.reference(p.kind)} "${p.value}"; expected one of ${EN.some(p.known)} from ${p.list}`,
    (p) => zh`未知的${ZH.reference(p.kind)} "${p.value}"；应为${p.list}中的${ZH.some(p.known)}之一`,
  ),
  'floor.duplicateLabel': bilingual<{ label: string; earlier: string }>(
    (p) => `duplicate floor label "${p.label}", already used at ${p.earlier}; staff pick their floor by it`,
    (p) => zh`楼层标签 "${p.label}" 重复，已在${p.earlier}用过；员工要靠它选出自己所在的楼层`,
  ),
  'floor.primary.none': bilingual(
    () => 'expected exactly one route of kind "primary", found none',
    () => '应有且只有一条 kind 为 "primary" 的路线，此处一条也没有',
  ),
  'floor.primary.many': bilingual<{ routes: readonly string[] }>(
    (p) => `expected exactly one route of kind "primary", found ${p.routes.length} (${EN.list(p.routes)})`,
    (p) => zh`应有且只有一条 kind 为 "primary" 的路线，此处有${p.routes.length}条（${ZH.list(p.routes)}）`,
  ),
  'route.stairwayAndNearest': bilingual(
    () => 'expected either "stairway" or "nearest", got both',
    () => '"stairway" 和 "nearest" 只能填一个，此处两个都填了',
  ),
  'route.legsAndStay': bilingual(
    () => 'expected either "legs" (a way out) or "stay" (a place to wait), got both',
    () => '"legs"（疏散路线）和 "stay"（原地等待的地点）只能填一个，此处两个都填了',
  ),
  'route.noLegsNorStay': bilingual(
    () => 'missing the way: expected "legs" (the way out, stretch by stretch) or "stay" (a refuge to wait in and whom to call)',
    () => '缺少去向：应填写 "legs"（逐段写出的疏散路线）或 "stay"（等待的避难处和要呼叫的人）',
  ),
  'route.stayNotStepFree': bilingual(
    () => 'a route that says to stay and wait must be of kind "step-free"; staff who can use the stairs must get out',
    () => '原地等待的路线，kind 必须为 "step-free"；能走楼梯的员工必须撤离',
  ),
  'leg.stairwayAndNearest': bilingual(
    () => 'expected either "stairway" or "nearest", got both',
    () => '"stairway" 和 "nearest" 只能填一个，此处两个都填了',
  ),
  'leg.stairsWithoutStairway': bilingual(
    () => 'a stretch of kind "stairs" needs "stairway" (a stairway id) or "nearest": "stairs"',
    () => 'kind 为 "stairs" 的路段需要填写 "stairway"（楼梯的 id）或 "nearest": "stairs"',
  ),
  'call.noneNamed': bilingual(
    () => 'expected "role" (a post in command) or "emergencyNumber" (an entry of emergencyNumbers): whom to call',
    () => '应填写 "role"（指挥体系中的岗位）或 "emergencyNumber"（emergencyNumbers 中的一项）：要呼叫谁',
  ),
  'call.both': bilingual(
    () => 'expected either "role" or "emergencyNumber", got both; list two calls instead',
    () => '"role" 和 "emergencyNumber" 只能填一个，此处两个都填了；请分成两条呼叫',
  ),
  'schemaVersion.unknown': bilingual<{ input: unknown }>(
    (p) => `expected schema version 2 (or 1, or none, for older files), got ${JSON.stringify(p.input)}`,
    (p) => zh`应为模式版本 2（旧文件可为 1 或不写），实际为${JSON.stringify(p.input)}`,
  ),
  'route.noWayOut': bilingual(
    () => 'missing the way out: expected "stairway" (a stairway id) or "nearest" ("stairs" or "exit")',
    () => '缺少疏散去向：应填写 "stairway"（楼梯的 id）或 "nearest"（"stairs" 或 "exit"）',
  ),

  // Warnings (warnings.ts): the file imports, but staff may be misled or left without words.
  'floor.orderTied': bilingual<{ field: string; value: number; other: string; at: string }>(
    (p) =>
      `"${p.field}" ${p.value} is also that of floor "${p.other}" at ${p.at}; the app cannot tell which of the two is higher and lists them as the file does`,
    (p) => zh`"${p.field}" 为${p.value}，与${p.at}的楼层 "${p.other}" 相同；应用无法判断两层中哪一层更高，只能按文件中的先后列出`,
  ),
  'floor.noWayOutAlways': bilingual(
    () => 'no way out of this floor holds at all times: every route waits in a refuge ("stay") or has a condition ("when"); add one with "legs" and no "when"',
    () => '此楼层没有任何时候都能用的疏散路线：每条路线要么是原地等待（"stay"），要么带有适用条件（"when"）；请添加一条有 "legs" 且不带 "when" 的路线',
  ),
  'floor.noStepFree': bilingual<{ floors: readonly string[] }>(
    (p) =>
      `no step-free route, though ${p.floors.length === 1 ? 'floor' : 'floors'} ${EN.some(p.floors)} of this building ${p.floors.length === 1 ? 'has' : 'have'} one: someone who cannot use stairs is told nothing on this floor`,
    (p) => zh`此处没有无需楼梯的路线，而本建筑的楼层${ZH.some(p.floors)}有：不能走楼梯的人在这一层得不到任何指引`,
  ),
  'field.notShown': bilingual<{ field: string; count: number }>(
    (p) => `no screen of the app shows this "${p.field}", so nobody will read it (${p.count} ${p.count === 1 ? 'place' : 'places'} like it in this file)`,
    (p) => zh`应用中没有任何界面显示这里的 "${p.field}"，没有人会读到它（本文件中这样的地方共${p.count}处）`,
  ),

  // Where an issue is, in words (places.ts), and one issue said for many places (repeated.ts).
  place: bilingual<{ parts: readonly PlacePart[] }>(
    (p) => EN.places(p.parts),
    (p) => ZH.places(p.parts),
  ),
  'issue.repeated': bilingual<{ message: string; thing: PlaceThing; count: number; labels: readonly string[] }>(
    (p) => `${p.message} (${EN.counted(p.thing, p.count)}: ${EN.some(p.labels, 8)})`,
    (p) => `${p.message}（${ZH.counted(p.thing, p.count)}：${ZH.some(p.labels, 8)}）`,
  ),

  // Twins: two language versions of one playbook (twins.ts).
  'twin.sameLanguage': bilingual<{ language: string }>(
    (p) => `expected a language other than "${p.language}": twins are two languages of one playbook`,
    (p) => zh`语言不应为 "${p.language}"：对照的两个文件应是同一预案的两种语言版本`,
  ),
  'twin.missingField': bilingual<Twin & { at: string }>(
    (p) => `missing, but the ${p.other} version has ${p.at}`,
    (p) => zh`缺少该字段，而${p.other}版本有${p.at}`,
  ),
  'twin.extraField': bilingual<Twin>(
    (p) => `not in the ${p.other} version; twins have the same fields`,
    (p) => zh`${p.other}版本中没有该字段；两种语言版本的字段必须相同`,
  ),
  'twin.kind': bilingual<Twin & { expected: JsonKind; got: JsonKind }>(
    (p) => `expected ${EN.jsonKind(p.expected)} as in the ${p.other} version, got ${EN.jsonKind(p.got)}`,
    (p) => zh`应与${p.other}版本一样为${ZH.jsonKind(p.expected)}，实际为${ZH.jsonKind(p.got)}`,
  ),
  'twin.text': bilingual<Twin & { expected: string; got: unknown }>(
    (p) => `expected "${p.expected}" as in the ${p.other} version, got ${JSON.stringify(p.got)}`,
    (p) => zh`应与${p.other}版本一样为 "${p.expected}"，实际为${JSON.stringify(p.got)}`,
  ),
  'twin.value': bilingual<Twin & { expected: unknown; got: unknown }>(
    (p) => `expected ${JSON.stringify(p.expected)} as in the ${p.other} version, got ${JSON.stringify(p.got)}`,
    (p) => zh`应与${p.other}版本一样为${JSON.stringify(p.expected)}，实际为${JSON.stringify(p.got)}`,
  ),
  'twin.itemCount': bilingual<Twin & { expected: number; got: number }>(
    (p) => `expected ${EN.items(p.expected)} as in the ${p.other} version, got ${p.got}`,
    (p) => zh`应与${p.other}版本一样有${ZH.items(p.expected)}，实际有${ZH.items(p.got)}`,
  ),
  'twin.missingId': bilingual<Twin & { id: string; at: string }>(
    (p) => `missing id "${p.id}", which the ${p.other} version has at ${p.at}`,
    (p) => zh`缺少 id "${p.id}"；${p.other}版本在${p.at}有这个 id`,
  ),
  'twin.extraId': bilingual<Twin & { id: string }>(
    (p) => `id "${p.id}" is not in the ${p.other} version`,
    (p) => zh`${p.other}版本中没有 id "${p.id}"`,
  ),
  'twin.order': bilingual<Twin & { ids: readonly string[] }>(
    (p) => `expected the order ${EN.list(p.ids.map((id) => `"${id}"`))} as in the ${p.other} version`,
    (p) => zh`顺序应与${p.other}版本一致：${ZH.list(p.ids.map((id) => `"${id}"`))}`,
  ),

  // The file itself (file.ts, json-text.ts, and the CLI's reading of it).
  'file.notFound': bilingual(
    () => 'file not found',
    () => '找不到该文件',
  ),
  'file.notAFile': bilingual(
    () => 'not a file',
    () => '这不是一个文件',
  ),
  'file.tooLarge': bilingual<{ size: number; max: number }>(
    (p) => `the file has ${p.size} bytes; a playbook file may have at most ${p.max} bytes (5 MB)`,
    (p) => zh`文件有${p.size}字节；预案文件最多只能有${p.max}字节（5 MB）`,
  ),
  'file.notUtf8': bilingual<{ offset: number; byte: number } | undefined>(
    (p) => `the file is not UTF-8 text${p ? ` (byte ${p.offset} is 0x${hex(p.byte)})` : ''}; save it as UTF-8`,
    // The offset counts from 0, so "第 156 个字节" would be one off: say "at offset".
    (p) => `文件不是 UTF-8 文本${p ? zh`（偏移${p.offset}处的字节是${`0x${hex(p.byte)}`}）` : ''}；请以 UTF-8 编码另存`,
  ),
  'file.empty': bilingual(
    () => 'the file is empty; expected a playbook as a JSON object',
    () => '文件是空的；应为一个以 JSON 对象写成的预案',
  ),
  'file.duplicateField': bilingual<{ first: Place; again: Place }>(
    (p) =>
      `field given twice, at line ${p.first.line}, column ${p.first.column} and line ${p.again.line}, column ${p.again.column}; JSON keeps only the last, so remove one`,
    (p) => zh`同一字段写了两次，分别在第${p.first.line}行第${p.first.column}列和第${p.again.line}行第${p.again.column}列；JSON 只保留后一个，请删掉其中一个`,
  ),
  'json.invalidAt': bilingual<Place & { reason: string }>(
    (p) => `invalid JSON at line ${p.line}, column ${p.column}: ${p.reason}`,
    (p) => zh`JSON 格式错误，位于第${p.line}行第${p.column}列：${p.reason}`,
  ),
  // Only when the scanner and JSON.parse disagree; `detail` is the JS engine's own text.
  'json.invalid': bilingual<{ detail: string }>(
    (p) => `invalid JSON: ${p.detail}`,
    (p) => zh`JSON 格式错误（解析器提示："${p.detail}"）`,
  ),

  // Why the JSON scanner stopped (json-text.ts); shown after "invalid JSON at line …:".
  'json.trailing': bilingual<{ found: Found }>(
    (p) => `expected the end of the file after the JSON value, found ${EN.found(p.found)}`,
    (p) => zh`JSON 值之后应是文件结尾，却遇到${ZH.found(p.found)}`,
  ),
  'json.tooDeep': bilingual<{ max: number }>(
    (p) => `nested deeper than ${p.max} levels`,
    (p) => zh`嵌套超过了${p.max}层`,
  ),
  'json.singleQuote': bilingual(
    () => 'expected a value, found a single quote; JSON texts use double quotes',
    () => '此处应为一个值，却遇到单引号；JSON 中的文本要用双引号',
  ),
  'json.value': bilingual<{ found: Found }>(
    (p) => `expected a value (object, list, text in double quotes, number, true, false or null), found ${EN.found(p.found)}`,
    (p) => zh`此处应为一个值（对象、列表、双引号中的文本、数字、true、false 或 null），却遇到${ZH.found(p.found)}`,
  ),
  'json.fieldName': bilingual<{ found: Found }>(
    (p) => `expected a field name in double quotes, found ${EN.found(p.found)}`,
    (p) => zh`此处应为双引号中的字段名，却遇到${ZH.found(p.found)}`,
  ),
  'json.colon': bilingual<{ found: Found }>(
    (p) => `expected ":" after the field name, found ${EN.found(p.found)}`,
    (p) => zh`字段名之后应为 ":"，却遇到${ZH.found(p.found)}`,
  ),
  'json.afterField': bilingual<{ found: Found }>(
    (p) => `expected "," or "}" after a field's value, found ${EN.found(p.found)}`,
    (p) => zh`字段值之后应为 "," 或 "}"，却遇到${ZH.found(p.found)}`,
  ),
  'json.fieldAfterComma': bilingual(
    () => 'expected another field after ",", found "}"; JSON allows no comma before "}"',
    () => '"," 之后应还有一个字段，却遇到 "}"；JSON 不允许在 "}" 前加逗号',
  ),
  'json.afterItem': bilingual<{ found: Found }>(
    (p) => `expected "," or "]" after a list item, found ${EN.found(p.found)}`,
    (p) => zh`列表项之后应为 "," 或 "]"，却遇到${ZH.found(p.found)}`,
  ),
  'json.itemAfterComma': bilingual(
    () => 'expected another item after ",", found "]"; JSON allows no comma before "]"',
    () => '"," 之后应还有一项，却遇到 "]"；JSON 不允许在 "]" 前加逗号',
  ),
  'json.unterminatedText': bilingual(
    () => 'the file ends inside a text; a closing double quote is missing',
    () => '文件在一段文本的中间结束了；缺少结尾的双引号',
  ),
  'json.controlInText': bilingual<{ found: Found }>(
    (p) => `${EN.found(p.found)} is not allowed inside a text; write a line break as \\n`,
    (p) => zh`文本中不能出现${ZH.found(p.found)}；换行请写成 \\n`,
  ),
  'json.unicodeEscape': bilingual(
    () => 'expected four hex digits after \\u',
    () => '\\u 之后应为四位十六进制数字',
  ),
  'json.unknownEscape': bilingual<{ escape: string }>(
    (p) => `unknown escape \\${p.escape}; expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`,
    (p) => `未知的转义序列 \\${p.escape}；应为 \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX 之一`,
  ),
  'json.number': bilingual<{ found: Found }>(
    (p) => `expected a number, found ${EN.found(p.found)}`,
    (p) => zh`此处应为数字，却遇到${ZH.found(p.found)}`,
  ),
  'json.numberContinues': bilingual<{ found: Found }>(
    (p) => `expected a number, found ${EN.found(p.found)} inside it`,
    (p) => zh`此处应为数字，其中却出现了${ZH.found(p.found)}`,
  ),
});

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

export type MessageCode = keyof typeof messages;
/** The arguments `say(C, …)` takes after the code: none, or the params. */
export type MessageArgs<C extends MessageCode> = ArgsOf<(typeof messages)[C]['en']>;

/** Renders one message in one language: `say('file.empty')`, `say('json.tooDeep', { max: 512 })`. */
export type Say = Speak<typeof messages>;

/** The messages in `language`. Pure: the same code and data always give the same text. */
export function speak(language: Language = 'en'): Say {
  return speaker(language, messages);
}

/** Options every validator entry point takes. */
export interface PlaybookCheckOptions {
  /** The language of the issue messages; 'en' when left out. Paths are the same in every language. */
  readonly language?: Language;
}

type RuleName = MessageCode extends infer C ? (C extends `rule.${infer R}` ? R : never) : never;
type RuleCode = `rule.${RuleName}`;

/**
 * The message a schema rule (a format, a minimum) gives zod: a code, which issues.ts renders
 * in the caller's language. A schema-level message outranks the per-parse error map in zod, so
 * the schema cannot hold English text without that text reaching Chinese readers.
 */
export function rule(name: RuleName): RuleCode {
  return `rule.${name}`;
}

export function isRuleCode(message: string): message is RuleCode {
  return message.startsWith('rule.') && Object.hasOwn(messages, message);
}
