import { defineMessages } from '../../domain/text';

/**
 * The words of the playbook editor's form, which is drawn from the playbook JSON Schema
 * (`playbookJsonSchema()`, schema version 2): for each field of each `$defs` object, its label,
 * a hint for the safety officer who fills it in (someone who knows the building, not JSON), and
 * an example for fields typed in by hand. Keys follow the schema:
 *
 *   field.<Def>.<field>.label | .hint | .example   (inline objects: field.<Def>.<field>.<child>…)
 *   item.<Def>, item.<Def>.<field>                 the noun for one of them: "Add a floor"
 *   enum.<Def>.<field>.<value>                     each fixed choice
 *
 * field-messages.test.ts walks the schema and fails on a missing or stale key. Ids are called
 * "codes" here: the officer types them, incidents and QR posters record them. Vocabulary follows
 * the validator's (message-words.ts): 小组 group, 分队 team, 岗位 post, 角色 role, 路段 leg.
 */
export const fieldMessages = defineMessages({
  // Playbook: the plan as a whole.
  'item.Playbook': { 'zh-CN': '预案', en: 'Playbook' },
  'field.Playbook.id.label': { 'zh-CN': '预案代码', en: 'Playbook code' },
  'field.Playbook.id.hint': {
    'zh-CN':
      '预案的简短代码，只能用小写英文字母、数字、点和连字符。同一预案的中文版和英文版用同一个代码；事件记录和各楼层张贴的二维码都靠它找到本预案，发布后不要再改。',
    en: 'A short code for the plan: lower-case letters, digits, dots and hyphens only. The Chinese and English versions of one plan share it; incident records and the QR posters on each floor find the plan by it, so do not change it once published.',
  },
  'field.Playbook.id.example': { 'zh-CN': 'fire-evacuation（灭火和应急疏散预案）', en: 'fire-evacuation' },
  'field.Playbook.version.label': { 'zh-CN': '版本号', en: 'Version' },
  'field.Playbook.version.hint': {
    'zh-CN': '用点隔开的三个数字，如 1.0.0。每次修改内容后都要调高，否则已装有旧版本的设备不会换成新版本。',
    en: 'Three numbers separated by dots, such as 1.0.0. Raise it every time you change the content, or devices that already hold the plan will keep the old version.',
  },
  'field.Playbook.version.example': { 'zh-CN': '1.2.0', en: '1.2.0' },
  'field.Playbook.language.label': { 'zh-CN': '语言', en: 'Language' },
  'field.Playbook.language.hint': {
    'zh-CN': '本版本所有文字使用的语言：简体中文填 zh-CN，英文填 en。中文版和英文版各是一份，应用按员工选择的语言显示对应的一份。',
    en: 'The language every text in this version is written in: zh-CN for Simplified Chinese, en for English. Each language is a separate version, and the app shows staff the one in their language.',
  },
  'field.Playbook.language.example': { 'zh-CN': 'zh-CN（简体中文）', en: 'en (English)' },
  'field.Playbook.kind.label': { 'zh-CN': '预案类别', en: 'Kind of emergency' },
  'field.Playbook.kind.hint': {
    'zh-CN': '这是防汛预案、消防预案还是其他预案。员工启动事件时先选险情类别，再从这一类的预案中挑选。',
    en: 'Whether this is a flood plan, a fire plan or another kind. To start an incident, staff first pick the kind of emergency, then a plan of that kind.',
  },
  'enum.Playbook.kind.flood': { 'zh-CN': '防汛', en: 'Flood' },
  'enum.Playbook.kind.fire': { 'zh-CN': '消防', en: 'Fire' },
  'enum.Playbook.kind.campaign': { 'zh-CN': '专项自查', en: 'Self-inspection' },
  'enum.Playbook.kind.other': { 'zh-CN': '其他险情', en: 'Other' },
  'field.Playbook.hazard.label': { 'zh-CN': '险情', en: 'Hazard' },
  'field.Playbook.hazard.hint': {
    'zh-CN': '用几个字写出本预案应对的险情，显示在预案开头。',
    en: 'The hazard this plan deals with, in a few words; shown at the top of the plan.',
  },
  'field.Playbook.hazard.example': { 'zh-CN': '汛期暴雨、洪水', en: 'Heavy rain and river flooding' },
  'field.Playbook.title.label': { 'zh-CN': '预案名称', en: 'Title' },
  'field.Playbook.title.hint': {
    'zh-CN': '预案的正式名称。员工在预案列表中按名称找到它。',
    en: 'The full name of the plan. Staff find the plan by this name in the list of playbooks.',
  },
  'field.Playbook.title.example': { 'zh-CN': '灭火和应急疏散预案', en: 'Fire and evacuation plan' },
  'field.Playbook.summary.label': { 'zh-CN': '内容简介', en: 'Summary' },
  'field.Playbook.summary.hint': {
    'zh-CN': '用一两句话说明本预案包括哪些内容、适用于哪里。它显示在预案列表中，帮助员工选对预案。',
    en: 'One or two sentences on what the plan covers and where it applies. It is shown in the list of playbooks so staff pick the right one.',
  },
  'field.Playbook.summary.example': {
    'zh-CN': '本行发生火灾时的应急组织、处置程序和各楼层的疏散路线。',
    en: 'Who does what in a fire at the branch, the response steps and the way out from each floor.',
  },
  'field.Playbook.organisation.label': { 'zh-CN': '所属单位', en: 'Organisation' },
  'field.Playbook.organisation.hint': {
    'zh-CN': '本预案所属的分行或支行，写全称。',
    en: 'The branch or sub-branch this plan belongs to, by its full name.',
  },
  'field.Playbook.organisation.example': { 'zh-CN': '滨河支行', en: 'Riverside Sub-branch' },
  'field.Playbook.dutyPhone.label': { 'zh-CN': '本单位值班电话', en: 'Duty phone number' },
  'field.Playbook.dutyPhone.hint': {
    'zh-CN': '发现险情时首先拨打的本单位值班电话。原预案没写号码时可以先空着，但投入使用前一定要补上。',
    en: 'The branch’s duty phone, the first number to ring when something happens. Leave it empty if the plan gives none, but fill it in before the plan is put to use.',
  },
  'field.Playbook.dutyPhone.example': { 'zh-CN': '0316 555 0100', en: '0316 555 0100' },
  'field.Playbook.purpose.label': { 'zh-CN': '编制目的', en: 'Purpose' },
  'field.Playbook.purpose.hint': {
    'zh-CN': '原预案“编制目的”一节的内容：为什么要制定这份预案。',
    en: 'What the plan’s ‘Purpose’ section says: why the plan exists.',
  },
  'field.Playbook.purpose.example': {
    'zh-CN': '在发生火灾时统一指挥、迅速扑救，最大限度地减少人员伤亡和财产损失。',
    en: 'To fight a fire under one command and without delay, keeping injuries and losses as low as possible.',
  },
  'field.Playbook.scope.label': { 'zh-CN': '适用范围', en: 'Scope' },
  'field.Playbook.scope.hint': {
    'zh-CN': '本预案适用于哪些单位、哪些情形，每条写一句。',
    en: 'Which offices and which situations the plan applies to, one sentence each.',
  },
  'field.Playbook.scope.example': {
    'zh-CN': '本预案适用于本行发生消防事故时的应对处置。',
    en: 'This plan applies to any fire at the branch.',
  },
  'field.Playbook.legalBasis.label': { 'zh-CN': '编制依据', en: 'Legal basis' },
  'field.Playbook.legalBasis.hint': {
    'zh-CN': '本预案依据的法律、法规和上级制度，每项写一条，书名照原文写。',
    en: 'The laws, regulations and head-office rules the plan is based on, one per line, named as the plan names them.',
  },
  'field.Playbook.legalBasis.example': { 'zh-CN': '《中华人民共和国消防法》', en: 'Fire Protection Law of the People’s Republic of China' },
  'field.Playbook.principles.label': { 'zh-CN': '工作原则', en: 'Principles' },
  'field.Playbook.principles.hint': {
    'zh-CN': '整个处置过程都要坚持的原则，如“以人为本”“预防为主”，每条一项。',
    en: 'The principles that hold throughout the response, such as ‘people first’ or ‘prevention first’, one per entry.',
  },
  'field.Playbook.planDevelopment.label': { 'zh-CN': '预案编制', en: 'How the plan is written' },
  'field.Playbook.planDevelopment.hint': {
    'zh-CN': '原预案关于如何编制、演练和修订本预案的规定。原预案没有这部分时不填。',
    en: 'What the plan says about how it is written, rehearsed and revised. Leave it out if the plan says nothing about this.',
  },
  'field.Playbook.command.label': { 'zh-CN': '指挥体系', en: 'Command structure' },
  'field.Playbook.command.hint': {
    'zh-CN': '应急指挥部、各小组及其岗位和职责。步骤的负责人、要呼叫的人都从这里选，所以请先填好这一部分。',
    en: 'The headquarters, the groups, their posts and duties. Step owners and people to call are chosen from here, so fill this part in first.',
  },
  'field.Playbook.emergencyNumbers.label': { 'zh-CN': '应急联系电话', en: 'Emergency numbers' },
  'field.Playbook.emergencyNumbers.hint': {
    'zh-CN': '事发时要拨打的电话，如 119 火警、110 报警、120 急救、总行值班室。原预案没写号码的也先列出名称，投入使用前补上号码。',
    en: 'Numbers to ring in an emergency: 119 fire, 110 police, 120 ambulance, the head-office duty room. List one even if the plan gives no number yet, and add the number before the plan is put to use.',
  },
  'field.Playbook.phases.label': { 'zh-CN': '处置阶段', en: 'Response phases' },
  'field.Playbook.phases.hint': {
    'zh-CN': '按先后把处置过程分成几个阶段，如报警、接警、处置、应急结束，每个阶段列出要做的步骤。事件中员工按阶段逐项勾选。',
    en: 'The response in stages, in order, such as raising the alarm, calling out the teams, responding and standing down, each with its steps. During an incident staff tick the steps off stage by stage.',
  },
  'field.Playbook.measurements.label': { 'zh-CN': '现场测量', en: 'Readings' },
  'field.Playbook.measurements.hint': {
    'zh-CN': '处置过程中要定时记录的读数，如某处的水位，每项有单位，可设上涨预警。',
    en: 'Readings to record during the response, such as the water level at one spot, each with its unit and an optional rise warning.',
  },

  'field.Playbook.rulesForEveryone.label': { 'zh-CN': '全员须知', en: 'Rules for all staff' },
  'field.Playbook.rulesForEveryone.hint': {
    'zh-CN': '每位员工都必须遵守的规定，如“切勿乘坐电梯”。它们显示在每个楼层疏散路线的前面。',
    en: 'Rules every member of staff must follow, such as ‘never use the lifts’. They are shown above the routes on every floor’s page.',
  },
  'field.Playbook.shelterInPlace.label': { 'zh-CN': '无法撤离时的避险', en: 'When you cannot get out' },
  'field.Playbook.shelterInPlace.hint': {
    'zh-CN': '暂时无法下楼或出楼的人如何保护自己，如“用湿毛巾捂住口鼻”，每条一项。',
    en: 'How someone who cannot get down or out for now keeps safe, such as ‘cover your nose and mouth with a wet towel’, one per entry.',
  },
  'field.Playbook.stairways.label': { 'zh-CN': '楼梯和出口', en: 'Stairways and exits' },
  'field.Playbook.stairways.hint': {
    'zh-CN': '本单位所有的楼梯、消防通道和出口，每处只列一次，两栋楼共用的楼梯也只列一次。疏散路线从这里选择要走的楼梯。',
    en: 'Every staircase, fire escape and exit of the site, each listed once, even one shared by two buildings. Routes choose their stairs from this list.',
  },
  'field.Playbook.assemblyPoints.label': { 'zh-CN': '疏散集合地点', en: 'Assembly points' },
  'field.Playbook.assemblyPoints.hint': {
    'zh-CN': '人员撤出大楼后集合、清点人数的地方。疏散路线从这里选择集合地点。',
    en: 'Where people gather and are counted once they are out of the building. Routes choose their assembly point from this list.',
  },
  'field.Playbook.buildings.label': { 'zh-CN': '建筑与疏散路线', en: 'Buildings and routes' },
  'field.Playbook.buildings.hint': {
    'zh-CN': '各栋楼、每栋楼的楼层以及每层的疏散路线。员工扫描本层张贴的二维码，看到的就是这里写的路线。',
    en: 'Each building, its floors and each floor’s evacuation routes. This is what staff see when they scan the QR poster on their floor.',
  },
  'field.Playbook.preparation.label': { 'zh-CN': '平时预防准备', en: 'Preparation' },
  'field.Playbook.preparation.hint': {
    'zh-CN': '险情发生前要做的工作：部署、学习、检修、重点部位管理，以及定期检查和演练。',
    en: 'Work done before anything happens: planning, training, repairs, key areas, and regular inspections and drills.',
  },
  'field.Playbook.requirements.label': { 'zh-CN': '处置纪律要求', en: 'Rules during the response' },
  'field.Playbook.requirements.hint': {
    'zh-CN': '应急处置期间人人都要遵守的要求，如服从统一指挥、坚守岗位、认真做好值班日记，每条一项。',
    en: 'What everyone must keep to while the response lasts, such as following orders, staying at their post and keeping the duty log, one per entry.',
  },
  'field.Playbook.aftermath.label': { 'zh-CN': '善后事项', en: 'Aftermath' },
  'field.Playbook.aftermath.hint': {
    'zh-CN': '应急结束后必须完成的事，如统计损失、补充物资、上报情况、修订预案。事件中每一项都单独跟踪，直到完成。',
    en: 'What must be done once the emergency is over: counting losses, restocking, reporting, revising the plan. The incident tracks each one until it is done.',
  },
  'field.Playbook.campaign.label': { 'zh-CN': '专项排查', en: 'The campaign' },
  'field.Playbook.campaign.hint': {
    'zh-CN': '仅用于“专项排查”类预案：牵头部门、排查时间、数据截止日、逐笔排查的类别、风险维度和上报的汇总表。',
    en: 'Only for a playbook of kind campaign: who leads it, its window, the date the data are taken as of, what is checked and the tables handed in.',
  },
  'field.Playbook.notes.label': { 'zh-CN': '整理说明', en: 'Notes on this version' },
  'field.Playbook.notes.hint': {
    'zh-CN': '把纸质预案整理成本预案时作出的取舍和有待核对的地方，每条一项，供以后修改的人参考。',
    en: 'Choices made when turning the paper plan into this one, and points still to check, one per line, for whoever edits it next.',
  },
  'field.Playbook.notes.example': {
    'zh-CN': '原预案未规定集合地点，请安全员补充。',
    en: 'The paper plan names no assembly point; the safety officer is to add one.',
  },

  // Item: one numbered line of the plan (a principle, a rule, a task, a requirement).
  'item.Item': { 'zh-CN': '条目', en: 'Entry' },
  'field.Item.id.label': { 'zh-CN': '条目代码', en: 'Entry code' },
  'field.Item.id.hint': {
    'zh-CN': '这一条的简短代码，只能用小写英文字母、数字、点和连字符，同一列表中不能重复。',
    en: 'A short code for this entry: lower-case letters, digits, dots and hyphens only, not used twice in the same list.',
  },
  'field.Item.id.example': { 'zh-CN': 'rule.no-elevator（不得乘电梯）', en: 'rule.no-elevator' },
  'field.Item.title.label': { 'zh-CN': '小标题', en: 'Heading' },
  'field.Item.title.hint': {
    'zh-CN': '原预案为这一条写了小标题时才填，如“以人为本”。',
    en: 'A short heading, only if the plan gives this entry one, such as ‘People first’.',
  },
  'field.Item.title.example': { 'zh-CN': '以人为本', en: 'People first' },
  'field.Item.text.label': { 'zh-CN': '内容', en: 'Text' },
  'field.Item.text.hint': {
    'zh-CN': '这一条的全文，照原预案写。员工读到的就是这段话。',
    en: 'The full wording of this entry, as the plan gives it. This is what staff read.',
  },
  'field.Item.text.example': { 'zh-CN': '切不可使用电梯。', en: 'Never use the lifts.' },
  'field.Item.owner.label': { 'zh-CN': '负责方', en: 'Responsible' },
  'field.Item.owner.hint': {
    'zh-CN': '负责落实这一条的小组、岗位或角色。原预案没有指明时不选。',
    en: 'The group, post or role that sees this entry through. Leave it empty if the plan names nobody.',
  },
  'field.Item.owner.example': { 'zh-CN': '安全保卫部门', en: 'Security department' },
  'field.Item.source.label': { 'zh-CN': '原文出处', en: 'Source' },
  'field.Item.source.hint': {
    'zh-CN': '这一条出自原预案的哪一节，方便日后对照原文。只供编写人员查看，员工看不到。',
    en: 'Where in the paper plan this comes from, so it can be checked later. Only for editors; staff never see it.',
  },
  'field.Item.source.example': { 'zh-CN': '四、2、a', en: 'IV.2(a)' },

  // PlanDevelopment: how the plan itself is written and kept up to date.
  'item.PlanDevelopment': { 'zh-CN': '预案编制', en: 'How the plan is written' },
  'field.PlanDevelopment.content.label': { 'zh-CN': '基本内容', en: 'What a plan contains' },
  'field.PlanDevelopment.content.hint': {
    'zh-CN': '原预案规定一份预案应包括哪些内容。',
    en: 'What the plan says a plan must contain.',
  },
  'field.PlanDevelopment.content.example': {
    'zh-CN': '应急组织机构、单位基本情况、灭火和应急疏散行动方案、灭火和应急疏散计划图。',
    en: 'The emergency organisation, the site, the firefighting and evacuation plan, and evacuation maps.',
  },
  'field.PlanDevelopment.steps.label': { 'zh-CN': '编制步骤', en: 'Stages of writing the plan' },
  'field.PlanDevelopment.steps.hint': {
    'zh-CN': '编写、演练、修订预案的步骤，按先后顺序每步一项。',
    en: 'How the plan is written, rehearsed and revised, one stage per entry, in order.',
  },

  // Command: who commands and who does what.
  'item.Command': { 'zh-CN': '指挥体系', en: 'Command structure' },
  'field.Command.description.label': { 'zh-CN': '组织说明', en: 'Introduction' },
  'field.Command.description.hint': {
    'zh-CN': '原预案介绍应急组织的那段话，如由哪些组组成、遵循什么原则。',
    en: 'How the plan introduces its emergency organisation: which groups it has and the principles behind it.',
  },
  'field.Command.description.example': {
    'zh-CN': '我行消防应急组织由应急指挥部、义务消防队、疏散引导组等组成。',
    en: 'The branch’s fire response is organised as a headquarters, a volunteer fire team, an evacuation team and other groups.',
  },
  'field.Command.headquarters.label': { 'zh-CN': '指挥部', en: 'Headquarters' },
  'field.Command.headquarters.hint': {
    'zh-CN': '统一指挥的领导机构，如应急指挥部或防汛领导小组，写明总指挥（组长）、副职和成员。',
    en: 'The body in overall command, such as the emergency headquarters or the flood leadership group, with its commander, deputies and members.',
  },
  'field.Command.groups.label': { 'zh-CN': '工作小组', en: 'Groups' },
  'field.Command.groups.hint': {
    'zh-CN': '指挥部下设的各个小组，如义务消防队、疏散引导组、后勤保障组，按原预案的顺序列出。',
    en: 'The groups under the headquarters, such as the volunteer fire team, the evacuation team and logistics, in the plan’s order.',
  },
  'field.Command.roles.label': { 'zh-CN': '组外角色', en: 'Roles outside the groups' },
  'field.Command.roles.hint': {
    'zh-CN': '不属于任何小组、但步骤会交给他们做的人，如发现人、值班领导、全行员工。',
    en: 'People in no group whom steps still name, such as whoever discovers the fire, the on-duty leader or all staff.',
  },
  'field.Command.interimCommand.label': { 'zh-CN': '临时指挥', en: 'Interim command' },
  'field.Command.interimCommand.hint': {
    'zh-CN': '夜间或休息日等领导不在场时，由谁临时指挥、指挥到什么时候。',
    en: 'Who takes command while the leaders are away, such as at night or on rest days, and until when.',
  },

  // Group: the headquarters or a group, with its posts, duties and sub-teams.
  'item.Group': { 'zh-CN': '小组', en: 'Group' },
  'field.Group.id.label': { 'zh-CN': '小组代码', en: 'Group code' },
  'field.Group.id.hint': {
    'zh-CN': '小组的简短代码，只能用小写英文字母、数字、点和连字符。小组、分队、岗位和角色共用一套代码，互相不能重复。',
    en: 'A short code for the group: lower-case letters, digits, dots and hyphens only. Groups, teams, posts and roles share one set of codes, so none may repeat.',
  },
  'field.Group.id.example': { 'zh-CN': 'evacuation（疏散引导组）', en: 'evacuation' },
  'field.Group.name.label': { 'zh-CN': '小组名称', en: 'Group name' },
  'field.Group.name.hint': {
    'zh-CN': '原预案中的小组名称。事件中员工靠它认出由哪个组负责。',
    en: 'The group’s name as the plan gives it. During an incident staff see by it which group is in charge.',
  },
  'field.Group.name.example': { 'zh-CN': '疏散引导组', en: 'Evacuation team' },
  'field.Group.leader.label': { 'zh-CN': '组长', en: 'Leader' },
  'field.Group.leader.hint': {
    'zh-CN': '带领本组的岗位，如组长、队长或总指挥，并写明由什么职务担任。原预案没有组长时不填。',
    en: 'The post that leads the group, such as leader, captain or commander, and the job title that fills it. Leave it out if the plan names no leader.',
  },
  'field.Group.deputies.label': { 'zh-CN': '副组长', en: 'Deputies' },
  'field.Group.deputies.hint': {
    'zh-CN': '副组长、副队长或副总指挥，每个岗位一项。',
    en: 'The deputy leaders, one post per entry.',
  },
  'field.Group.members.label': { 'zh-CN': '成员', en: 'Members' },
  'field.Group.members.hint': {
    'zh-CN': '本组成员。几个人可以按职务合成一项，如“各部门主要负责人”。',
    en: 'The members. One entry may stand for several people by job title, such as ‘heads of all departments’.',
  },
  'field.Group.duties.label': { 'zh-CN': '小组职责', en: 'Group duties' },
  'field.Group.duties.hint': {
    'zh-CN': '原预案写的本组职责，每句或每个分句一项。',
    en: 'The group’s duties as the plan states them, one sentence or clause per line.',
  },
  'field.Group.duties.example': { 'zh-CN': '引导人员疏散自救，确保人员安全快速疏散', en: 'Guide people out and help them get themselves to safety' },
  'field.Group.phone.label': { 'zh-CN': '小组电话', en: 'Group phone' },
  'field.Group.phone.hint': {
    'zh-CN': '找这个小组时拨打的电话；没有就不填。',
    en: 'The number that reaches this group, if it has one.',
  },
  'field.Group.phone.example': { 'zh-CN': '0316 555 0110', en: '0316 555 0110' },
  'field.Group.location.label': { 'zh-CN': '所在地点', en: 'Based at' },
  'field.Group.location.hint': {
    'zh-CN': '小组设在哪里，事发时到这里找人。',
    en: 'Where the group is based, so people know where to find it when something happens.',
  },
  'field.Group.location.example': { 'zh-CN': '分行安全保卫部', en: 'Branch security department' },
  'field.Group.staffing.label': { 'zh-CN': '人员配备', en: 'Staffing' },
  'field.Group.staffing.hint': {
    'zh-CN': '原预案对本组人员配备的要求。',
    en: 'What the plan says about how the group is staffed.',
  },
  'field.Group.staffing.example': { 'zh-CN': '要加强分行营业室的疏散引导力量配备', en: 'Put more evacuation guides in the branch’s banking hall' },
  'field.Group.teams.label': { 'zh-CN': '下设分队', en: 'Sub-teams' },
  'field.Group.teams.hint': {
    'zh-CN': '本组下设的分队，按原预案的顺序列出，如义务消防队下设的灭火器灭火小组、水枪灭火小组。',
    en: 'The teams under this group, in the plan’s order, such as the volunteer fire team’s extinguisher team and hose team.',
  },

  // Position: a post in a group and the job title that fills it.
  'item.Position': { 'zh-CN': '岗位', en: 'Post' },
  'field.Position.id.label': { 'zh-CN': '岗位代码', en: 'Post code' },
  'field.Position.id.hint': {
    'zh-CN': '岗位的简短代码，只能用小写英文字母、数字、点和连字符，与小组、分队、角色的代码都不能重复。事件中按它记录由谁担任这个岗位。',
    en: 'A short code for the post: lower-case letters, digits, dots and hyphens only, different from every group, team and role code. Incidents record who holds the post by it.',
  },
  'field.Position.id.example': { 'zh-CN': 'hq.commander（总指挥）', en: 'hq.commander' },
  'field.Position.title.label': { 'zh-CN': '岗位名称', en: 'Post title' },
  'field.Position.title.hint': {
    'zh-CN': '这个岗位在组内的称呼，如组长、副队长、成员。',
    en: 'What the post is called in the group, such as leader, deputy captain or member.',
  },
  'field.Position.title.example': { 'zh-CN': '副组长', en: 'Deputy leader' },
  'field.Position.heldBy.label': { 'zh-CN': '由谁担任', en: 'Held by' },
  'field.Position.heldBy.hint': {
    'zh-CN': '由什么职务的人担任。原预案空着就不填，由本行在使用前确定。',
    en: 'The job title of whoever fills the post. Leave it empty if the plan does; the branch decides before the plan is used.',
  },
  'field.Position.heldBy.example': { 'zh-CN': '安全保卫部经理', en: 'Head of the security department' },
  'field.Position.person.label': { 'zh-CN': '姓名', en: 'Name' },
  'field.Position.person.hint': {
    'zh-CN': '担任这个岗位的人的姓名，由本行自行填写；事件中也可以临时指定。',
    en: 'The name of the person in the post, filled in by the branch; the post can also be assigned during an incident.',
  },
  'field.Position.person.example': { 'zh-CN': '张伟', en: 'Zhang Wei' },
  'field.Position.phone.label': { 'zh-CN': '电话', en: 'Phone' },
  'field.Position.phone.hint': {
    'zh-CN': '担任这个岗位的人的电话，事发时可直接拨打。',
    en: 'The phone of the person in the post, to ring directly when something happens.',
  },
  'field.Position.phone.example': { 'zh-CN': '0316 555 0101', en: '0316 555 0101' },
  'field.Position.duties.label': { 'zh-CN': '岗位职责', en: 'Duties of the post' },
  'field.Position.duties.hint': {
    'zh-CN': '原预案写的这个岗位的职责，每句或每个分句一项。',
    en: 'The post’s duties as the plan states them, one sentence or clause per line.',
  },
  'field.Position.duties.example': { 'zh-CN': '负责事故的决策和全面指挥', en: 'Make the decisions and lead the whole response' },

  // Team: a sub-team of a group.
  'item.Team': { 'zh-CN': '分队', en: 'Team' },
  'field.Team.id.label': { 'zh-CN': '分队代码', en: 'Team code' },
  'field.Team.id.hint': {
    'zh-CN': '分队的简短代码，只能用小写英文字母、数字、点和连字符，与小组、岗位、角色的代码都不能重复。常在前面加上所属小组的代码。',
    en: 'A short code for the team: lower-case letters, digits, dots and hyphens only, different from every group, post and role code. It usually starts with its group’s code.',
  },
  'field.Team.id.example': { 'zh-CN': 'fire-team.hose（水枪灭火小组）', en: 'fire-team.hose' },
  'field.Team.name.label': { 'zh-CN': '分队名称', en: 'Team name' },
  'field.Team.name.hint': {
    'zh-CN': '原预案中的名称。事件中员工靠它认出由哪个分队负责。',
    en: 'The team’s name as the plan gives it. During an incident staff see by it which team is in charge.',
  },
  'field.Team.name.example': { 'zh-CN': '水枪灭火小组', en: 'Hose team' },
  'field.Team.leader.label': { 'zh-CN': '负责人', en: 'Team leader' },
  'field.Team.leader.hint': {
    'zh-CN': '带领本分队的岗位及担任的职务。原预案没写时不填。',
    en: 'The post that leads the team and the job title that fills it. Leave it out if the plan names none.',
  },
  'field.Team.deputies.label': { 'zh-CN': '副职', en: 'Deputy leaders' },
  'field.Team.deputies.hint': {
    'zh-CN': '本分队的副职岗位，每个岗位一项。',
    en: 'The team’s deputy posts, one per entry.',
  },
  'field.Team.members.label': { 'zh-CN': '队员', en: 'Team members' },
  'field.Team.members.hint': {
    'zh-CN': '本分队的队员。几个人可以按职务合成一项。',
    en: 'The team’s members. One entry may stand for several people by job title.',
  },
  'field.Team.duties.label': { 'zh-CN': '分队职责', en: 'Team duties' },
  'field.Team.duties.hint': {
    'zh-CN': '原预案写的本分队职责，每句或每个分句一项。',
    en: 'The team’s duties as the plan states them, one sentence or clause per line.',
  },
  'field.Team.duties.example': { 'zh-CN': '使用灭火器扑救初起火灾', en: 'Put out a fire in its first minutes with extinguishers' },
  'field.Team.phone.label': { 'zh-CN': '分队电话', en: 'Team phone' },
  'field.Team.phone.hint': {
    'zh-CN': '找这个分队时拨打的电话；没有就不填。',
    en: 'The number that reaches this team, if it has one.',
  },
  'field.Team.phone.example': { 'zh-CN': '0316 555 0120', en: '0316 555 0120' },
  'field.Team.location.label': { 'zh-CN': '集结地点', en: 'Where the team gathers' },
  'field.Team.location.hint': {
    'zh-CN': '分队设在或集结在哪里，事发时到这里找人。',
    en: 'Where the team is based or gathers, so people know where to find it.',
  },
  'field.Team.location.example': { 'zh-CN': '一楼消防控制室', en: 'Fire control room, ground floor' },
  'field.Team.staffing.label': { 'zh-CN': '分队人员配备', en: 'Team staffing' },
  'field.Team.staffing.hint': {
    'zh-CN': '原预案对本分队人员配备的要求。',
    en: 'What the plan says about how the team is staffed.',
  },
  'field.Team.staffing.example': { 'zh-CN': '每班至少配备两名经过培训的义务消防队员', en: 'At least two trained volunteer firefighters on every shift' },

  // Role: someone outside the groups whom steps name, e.g. whoever discovers the fire.
  'item.Role': { 'zh-CN': '角色', en: 'Role' },
  'field.Role.id.label': { 'zh-CN': '角色代码', en: 'Role code' },
  'field.Role.id.hint': {
    'zh-CN': '角色的简短代码，只能用小写英文字母、数字、点和连字符，与小组、分队、岗位的代码都不能重复。事件中按它记录由谁担任。',
    en: 'A short code for the role: lower-case letters, digits, dots and hyphens only, different from every group, team and post code. Incidents record who takes the role by it.',
  },
  'field.Role.id.example': { 'zh-CN': 'duty-leader（值班领导）', en: 'duty-leader' },
  'field.Role.title.label': { 'zh-CN': '角色名称', en: 'Role title' },
  'field.Role.title.hint': {
    'zh-CN': '员工一看就懂的称呼，如“发现人”“值班领导”“全行员工”。',
    en: 'A name staff understand at once, such as ‘whoever discovers the fire’, ‘on-duty leader’ or ‘all staff’.',
  },
  'field.Role.title.example': { 'zh-CN': '值班领导', en: 'On-duty leader' },
  'field.Role.person.label': { 'zh-CN': '担任人姓名', en: 'Person’s name' },
  'field.Role.person.hint': {
    'zh-CN': '固定由某人担任时填写姓名，由本行自行填写；事件中也可以临时指定。',
    en: 'The name of the person, if one person always takes this role, filled in by the branch; it can also be assigned during an incident.',
  },
  'field.Role.person.example': { 'zh-CN': '李娜', en: 'Li Na' },
  'field.Role.phone.label': { 'zh-CN': '联系电话', en: 'Contact phone' },
  'field.Role.phone.hint': {
    'zh-CN': '找这个角色时拨打的电话，如值班室电话。',
    en: 'The number that reaches this role, such as the duty room’s.',
  },
  'field.Role.phone.example': { 'zh-CN': '0316 555 0100', en: '0316 555 0100' },
  'field.Role.duties.label': { 'zh-CN': '角色职责', en: 'Duties of the role' },
  'field.Role.duties.hint': {
    'zh-CN': '原预案写的这个角色的职责，每句或每个分句一项。',
    en: 'The role’s duties as the plan states them, one sentence or clause per line.',
  },
  'field.Role.duties.example': { 'zh-CN': '发生消防事故时组织协调', en: 'Coordinate the response when a fire breaks out' },

  // InterimCommand: who commands until the leader arrives.
  'item.InterimCommand': { 'zh-CN': '临时指挥安排', en: 'Interim command' },
  'field.InterimCommand.when.label': { 'zh-CN': '适用情形', en: 'When it applies' },
  'field.InterimCommand.when.hint': {
    'zh-CN': '什么情况下由他人临时指挥，照原预案写。',
    en: 'When someone else takes command for a while, as the plan puts it.',
  },
  'field.InterimCommand.when.example': { 'zh-CN': '险情发生在夜间或休息日时', en: 'When the emergency happens at night or on a rest day' },
  'field.InterimCommand.role.label': { 'zh-CN': '临时指挥人', en: 'Who takes command' },
  'field.InterimCommand.role.hint': {
    'zh-CN': '领导赶到之前临时负责指挥的岗位或角色。',
    en: 'The post or role in command until the leaders arrive.',
  },
  'field.InterimCommand.role.example': { 'zh-CN': '带班人员', en: 'Shift leader' },
  'field.InterimCommand.until.label': { 'zh-CN': '交回指挥的时机', en: 'Until' },
  'field.InterimCommand.until.hint': {
    'zh-CN': '到什么时候把指挥交回。交接会记录在事件中。',
    en: 'When command passes back. The handover is recorded in the incident.',
  },
  'field.InterimCommand.until.example': { 'zh-CN': '组长到达现场接替指挥', en: 'The group leader arrives and takes over' },
  'field.InterimCommand.duties.label': { 'zh-CN': '临时指挥职责', en: 'Duties meanwhile' },
  'field.InterimCommand.duties.hint': {
    'zh-CN': '临时指挥期间要做的事，每项一条。',
    en: 'What the person in command does meanwhile, one per line.',
  },
  'field.InterimCommand.duties.example': { 'zh-CN': '及时通知防汛小组其他成员赶赴现场', en: 'Call the other members of the flood group to the scene' },

  // EmergencyNumber: a number to call.
  'item.EmergencyNumber': { 'zh-CN': '应急电话', en: 'Emergency number' },
  'field.EmergencyNumber.id.label': { 'zh-CN': '电话代码', en: 'Number code' },
  'field.EmergencyNumber.id.hint': {
    'zh-CN': '这个电话的简短代码，只能用小写英文字母、数字、点和连字符，在列表中不能重复。',
    en: 'A short code for this number: lower-case letters, digits, dots and hyphens only, not used twice in the list.',
  },
  'field.EmergencyNumber.id.example': { 'zh-CN': 'fire-119（火警）', en: 'fire-119' },
  'field.EmergencyNumber.label.label': { 'zh-CN': '名称', en: 'Name' },
  'field.EmergencyNumber.label.hint': {
    'zh-CN': '这个电话打给谁，员工按名称找到要拨的号码。',
    en: 'Whom this number reaches; staff find the number to ring by this name.',
  },
  'field.EmergencyNumber.label.example': { 'zh-CN': '总行值班室', en: 'Head-office duty room' },
  'field.EmergencyNumber.number.label': { 'zh-CN': '号码', en: 'Number' },
  'field.EmergencyNumber.number.hint': {
    'zh-CN': '要拨打的号码，座机请带区号。原预案空着时可以先不填，但投入使用前务必补上，否则员工只会看到“未填写号码”。',
    en: 'The number to ring, with the area code for a landline. You may leave it empty if the plan does, but fill it in before the plan is put to use, or staff see only ‘number not set’.',
  },
  'field.EmergencyNumber.number.example': { 'zh-CN': '119', en: '119' },
  'field.EmergencyNumber.notes.label': { 'zh-CN': '备注', en: 'Notes' },
  'field.EmergencyNumber.notes.hint': {
    'zh-CN': '拨打时需要知道的事，如接听时间或夜间改拨的号码。',
    en: 'What to know before ringing, such as the hours it is answered or the number to use at night instead.',
  },
  'field.EmergencyNumber.notes.example': { 'zh-CN': '夜间请改拨总行值班室。', en: 'At night, ring the head-office duty room instead.' },

  // Phase: a stage of the response, with its steps in order.
  'item.Phase': { 'zh-CN': '阶段', en: 'Phase' },
  'field.Phase.id.label': { 'zh-CN': '阶段代码', en: 'Phase code' },
  'field.Phase.id.hint': {
    'zh-CN': '阶段的简短代码，只能用小写英文字母、数字、点和连字符，各阶段之间不能重复，中英文版要一致。',
    en: 'A short code for the phase: lower-case letters, digits, dots and hyphens only, different for each phase and the same in the Chinese and English versions.',
  },
  'field.Phase.id.example': { 'zh-CN': 'phase.alarm（报警）', en: 'phase.alarm' },
  'field.Phase.title.label': { 'zh-CN': '阶段名称', en: 'Phase title' },
  'field.Phase.title.hint': {
    'zh-CN': '几个字的阶段名称，显示在事件的步骤清单上。',
    en: 'A name of a few words, shown on the incident’s checklist.',
  },
  'field.Phase.title.example': { 'zh-CN': '接警', en: 'Alarm received' },
  'field.Phase.summary.label': { 'zh-CN': '阶段说明', en: 'About this phase' },
  'field.Phase.summary.hint': {
    'zh-CN': '这一阶段要达到什么目的，一两句话；可以不填。',
    en: 'What this phase is meant to achieve, in a sentence or two; optional.',
  },
  'field.Phase.summary.example': {
    'zh-CN': '接警后立即通知指挥部和各小组，启动应急预案。',
    en: 'Once the alarm comes in, alert the headquarters and all groups and start the plan.',
  },
  'field.Phase.steps.label': { 'zh-CN': '本阶段步骤', en: 'Steps in this phase' },
  'field.Phase.steps.hint': {
    'zh-CN': '这一阶段要做的事，按先后顺序每步一项，至少一步。',
    en: 'What is done in this phase, one step per entry, in order; at least one.',
  },

  // Step: one thing to do during the response.
  'item.Step': { 'zh-CN': '步骤', en: 'Step' },
  'field.Step.id.label': { 'zh-CN': '步骤代码', en: 'Step code' },
  'field.Step.id.hint': {
    'zh-CN': '步骤的简短代码，只能用小写英文字母、数字、点和连字符，在整个预案中不能重复，中英文版要一致。事件按它记录这一步做了没有，预案用过后不要再改。',
    en: 'A short code for the step: lower-case letters, digits, dots and hyphens only, unique in the whole playbook and the same in both language versions. Incidents record progress against it, so do not change it once the plan is in use.',
  },
  'field.Step.id.example': { 'zh-CN': 'step.alarm.report（报告火情）', en: 'step.alarm.report' },
  'field.Step.text.label': { 'zh-CN': '要做的事', en: 'What to do' },
  'field.Step.text.hint': {
    'zh-CN': '用一句话写清要做什么。员工在事件清单上看到并勾选的就是这句话。',
    en: 'One sentence saying what to do. This is the line staff see and tick off on the incident’s checklist.',
  },
  'field.Step.text.example': { 'zh-CN': '发现火情后，立即向行领导汇报。', en: 'Report the fire to the branch leaders at once.' },
  'field.Step.owner.label': { 'zh-CN': '负责方', en: 'Owner' },
  'field.Step.owner.hint': {
    'zh-CN': '负责这一步的小组、分队、岗位或角色。事件中这一步列在它的名下。',
    en: 'The group, team, post or role responsible for this step. In an incident the step is listed under it.',
  },
  'field.Step.owner.example': { 'zh-CN': '发现人', en: 'Whoever discovers the fire' },
  'field.Step.support.label': { 'zh-CN': '协助方', en: 'Supported by' },
  'field.Step.support.hint': {
    'zh-CN': '和负责方一起完成这一步的其他小组、岗位或角色，可以选多个。',
    en: 'Other groups, posts or roles who share this step with the owner; choose as many as needed.',
  },
  'field.Step.support.example': { 'zh-CN': '安全保卫部门', en: 'Security department' },
  'field.Step.when.label': { 'zh-CN': '适用条件', en: 'Only when' },
  'field.Step.when.hint': {
    'zh-CN': '只在某些情况下才做的步骤才填，如“夜间或休息日”，其他时候员工可以跳过。每次都要做的步骤不填。',
    en: 'Only for a step that applies in some situations, such as ‘at night or on rest days’; at other times staff may skip it. Leave it empty for a step that is always done.',
  },
  'field.Step.when.example': { 'zh-CN': '夜间或休息日', en: 'At night or on rest days' },
  'field.Step.mayBeDoneBy.label': { 'zh-CN': '限定执行人', en: 'Who may do it' },
  'field.Step.mayBeDoneBy.hint': {
    'zh-CN': '只有特定的人才能做这一步时填写，如“仅限电工”。员工在清单上会看到这条提醒。',
    en: 'Only if the step must be done by certain people, such as ‘the electrician only’. Staff see this warning on the checklist.',
  },
  'field.Step.critical.label': { 'zh-CN': '关键步骤', en: 'Critical step' },
  'field.Step.critical.hint': {
    'zh-CN': '关键步骤不能随意跳过：跳过时必须写明原因，并由第二个人确认。报警、疏散这类步骤应设为关键步骤。',
    en: 'A critical step cannot be skipped lightly: skipping it needs a reason and a second person to confirm. Mark steps such as raising the alarm or evacuating as critical.',
  },
  'field.Step.target.label': { 'zh-CN': '完成时限', en: 'Time limit' },
  'field.Step.target.hint': {
    'zh-CN': '原预案规定这一步要在多长时间内完成时填写。事件中超过时限会醒目提示。',
    en: 'Only if the plan sets a time for this step. The incident shows clearly when the time has run out.',
  },
  'field.Step.doneBy.label': { 'zh-CN': '由结束流程完成', en: 'Done by the ending' },
  'field.Step.doneBy.hint': {
    'zh-CN': '这一步就是确认现场处置结束或批准终止本身时选择。结束前不会要求先完成它。',
    en: 'Choose this when the step is itself confirming the on-site end or approving it. The end screen then does not ask for it first.',
  },
  'enum.Step.doneBy.end-confirmed': { 'zh-CN': '确认现场处置结束', en: 'Confirming the on-site end' },
  'enum.Step.doneBy.closure-approved': { 'zh-CN': '批准终止', en: 'Approving the end' },
  'field.Step.items.label': { 'zh-CN': '逐项勾选的子项', en: 'Sub-items to tick' },
  'field.Step.items.hint': {
    'zh-CN': '一步中要逐一落实的具体事项，如后勤保障的通信联络、车辆调配、供电控制，员工逐项勾选。',
    en: 'The separate things within one step, such as communications, vehicles and power for logistics; staff tick each one off.',
  },
  'field.Step.source.label': { 'zh-CN': '步骤出处', en: 'Source of the step' },
  'field.Step.source.hint': {
    'zh-CN': '这一步出自原预案的哪一节，方便日后对照原文。只供编写人员查看，员工看不到。',
    en: 'Where in the paper plan this step comes from, so it can be checked later. Only for editors; staff never see it.',
  },
  'field.Step.source.example': { 'zh-CN': '四、1(1)', en: 'IV.1(1)' },
  'field.Step.notes.label': { 'zh-CN': '补充说明', en: 'Further notes' },
  'field.Step.notes.hint': {
    'zh-CN': '员工做这一步时还需要知道的事。',
    en: 'Anything else staff need to know while doing this step.',
  },
  'field.Step.notes.example': {
    'zh-CN': '金库门几秒钟内关不上就不要管它，立即离开。',
    en: 'If the vault door will not close within seconds, leave it and get out.',
  },

  // MayBeDoneBy: a restriction on who may carry out a step.
  'item.MayBeDoneBy': { 'zh-CN': '执行人限定', en: 'Who may do the step' },
  'field.MayBeDoneBy.text.label': { 'zh-CN': '限定说明', en: 'Who may do it, in words' },
  'field.MayBeDoneBy.text.hint': {
    'zh-CN': '用员工看得懂的话写明谁可以做这一步。',
    en: 'Who may do this step, in words staff understand.',
  },
  'field.MayBeDoneBy.text.example': { 'zh-CN': '仅限电工', en: 'The electrician only' },
  'field.MayBeDoneBy.role.label': { 'zh-CN': '对应岗位', en: 'Matching post' },
  'field.MayBeDoneBy.role.hint': {
    'zh-CN': '这个人在指挥体系中有对应的岗位或角色时选出；没有就不选。',
    en: 'The post or role in the command structure that this means, if there is one.',
  },
  'field.MayBeDoneBy.role.example': { 'zh-CN': '电工', en: 'Electrician' },

  // StepTarget: a time limit the plan sets for a step.
  'item.StepTarget': { 'zh-CN': '时限', en: 'Time limit' },
  'field.StepTarget.minutes.label': { 'zh-CN': '分钟数', en: 'Minutes' },
  'field.StepTarget.minutes.hint': {
    'zh-CN': '原预案允许的时间，以分钟计。',
    en: 'The time the plan allows, in minutes.',
  },
  'field.StepTarget.minutes.example': { 'zh-CN': '10', en: '10' },
  'field.StepTarget.from.label': { 'zh-CN': '起算时间', en: 'Counted from' },
  'field.StepTarget.from.hint': {
    'zh-CN': '时限是从事件开始时算起，还是从员工开始做这一步时算起。',
    en: 'Whether the time runs from the start of the incident or from when someone starts this step.',
  },
  'enum.StepTarget.from.incident': { 'zh-CN': '从事件开始时算起', en: 'From the start of the incident' },
  'enum.StepTarget.from.step': { 'zh-CN': '从开始这一步时算起', en: 'From when this step is started' },

  // StepItem: a sub-item of a step, ticked off in order.
  'item.StepItem': { 'zh-CN': '子项', en: 'Sub-item' },
  'field.StepItem.id.label': { 'zh-CN': '子项代码', en: 'Sub-item code' },
  'field.StepItem.id.hint': {
    'zh-CN': '子项的简短代码，只能用小写英文字母、数字、点和连字符，在同一步骤内不能重复。事件按它记录是否已勾选。',
    en: 'A short code for the sub-item: lower-case letters, digits, dots and hyphens only, not used twice in the same step. Incidents record by it whether it was ticked.',
  },
  'field.StepItem.id.example': { 'zh-CN': 'power（供电控制）', en: 'power' },
  'field.StepItem.text.label': { 'zh-CN': '子项内容', en: 'Sub-item text' },
  'field.StepItem.text.hint': {
    'zh-CN': '要勾选的一件具体的事，几个字即可。',
    en: 'One thing to tick off, in a few words.',
  },
  'field.StepItem.text.example': { 'zh-CN': '供电控制', en: 'Control the power supply' },

  // Measurement: a reading recorded during the response (the water level at a named place).
  'item.Measurement': { 'zh-CN': '测量项', en: 'Measurement' },
  'field.Measurement.id.label': { 'zh-CN': '测量项代码', en: 'Measurement code' },
  'field.Measurement.id.hint': {
    'zh-CN': '测量项的简短代码，只能用小写英文字母、数字、点和连字符，在列表中不能重复。每次读数都记在这个代码下。',
    en: 'A short code for the measurement: lower-case letters, digits, dots and hyphens only, not used twice. Every reading is recorded under it.',
  },
  'field.Measurement.id.example': { 'zh-CN': 'water.b1（负一层水位）', en: 'water.b1' },
  'field.Measurement.label.label': { 'zh-CN': '测量什么', en: 'What is measured' },
  'field.Measurement.label.hint': { 'zh-CN': '值班人员在事件页面上看到的名称。', en: 'The name the on-duty officer sees on the incident.' },
  'field.Measurement.label.example': { 'zh-CN': '车库入口积水深度', en: 'Water depth at the garage entrance' },
  'field.Measurement.unit.label': { 'zh-CN': '单位', en: 'Unit' },
  'field.Measurement.unit.hint': { 'zh-CN': '每次读数都用这个单位填写。', en: 'Every reading is entered in this unit.' },
  'field.Measurement.unit.example': { 'zh-CN': '厘米', en: 'cm' },
  'field.Measurement.place.label': { 'zh-CN': '测量地点', en: 'Where it is read' },
  'field.Measurement.place.hint': { 'zh-CN': '在哪里读数，让每个人都在同一处测量。', en: 'Where the reading is taken, so everyone measures at the same spot.' },
  'field.Measurement.place.example': { 'zh-CN': '负一层车库坡道口', en: 'The basement car-park ramp' },
  'field.Measurement.riseWarning.label': { 'zh-CN': '上涨报警阈值', en: 'Warn when rising' },
  'field.Measurement.riseWarning.hint': {
    'zh-CN': '读数在规定分钟内上涨达到这个幅度时，事件页面显示警示。',
    en: 'The incident shows a warning when the reading rises this much within the given minutes.',
  },
  'field.Measurement.source.label': { 'zh-CN': '出处', en: 'Source' },
  'field.Measurement.source.hint': { 'zh-CN': '原预案中规定这项测量的章节。', en: 'The section of the source plan that asks for this reading.' },
  'field.Measurement.source.example': { 'zh-CN': '三、防汛应急工作安排', en: 'Part 3, flood work arrangements' },
  'item.MeasurementRise': { 'zh-CN': '上涨报警阈值', en: 'Warn when rising' },
  'field.MeasurementRise.amount.label': { 'zh-CN': '上涨幅度', en: 'Rise of' },
  'field.MeasurementRise.amount.hint': { 'zh-CN': '以测量项的单位计的上涨幅度。', en: 'How much, in the measurement’s unit.' },
  'field.MeasurementRise.amount.example': { 'zh-CN': '10', en: '10' },
  'field.MeasurementRise.minutes.label': { 'zh-CN': '时间（分钟）', en: 'Within (minutes)' },
  'field.MeasurementRise.minutes.hint': { 'zh-CN': '在多少分钟之内。', en: 'Within how many minutes.' },
  'field.MeasurementRise.minutes.example': { 'zh-CN': '30', en: '30' },

  // Stairway: a named staircase, fire escape or exit that routes use.
  'item.Stairway': { 'zh-CN': '楼梯', en: 'Stairway' },
  'field.Stairway.id.label': { 'zh-CN': '楼梯代码', en: 'Stairway code' },
  'field.Stairway.id.hint': {
    'zh-CN': '楼梯的简短代码，只能用小写英文字母、数字、点和连字符，在列表中不能重复。',
    en: 'A short code for the stairway: lower-case letters, digits, dots and hyphens only, not used twice in the list.',
  },
  'field.Stairway.id.example': { 'zh-CN': 'central-staircase（中央楼梯）', en: 'central-staircase' },
  'field.Stairway.name.label': { 'zh-CN': '楼梯名称', en: 'Stairway name' },
  'field.Stairway.name.hint': {
    'zh-CN': '员工平时怎么叫这部楼梯就怎么写，疏散路线上显示的就是这个名称。',
    en: 'What staff call this stairway day to day; routes show it by this name.',
  },
  'field.Stairway.name.example': { 'zh-CN': '东消防通道楼梯', en: 'East fire stairs' },
  'field.Stairway.kind.label': { 'zh-CN': '类型', en: 'Type' },
  'field.Stairway.kind.hint': {
    'zh-CN': '普通楼梯、消防通道，还是直通室外的出口。',
    en: 'An ordinary staircase, a fire escape, or an exit straight to the outside.',
  },
  'enum.Stairway.kind.stairs': { 'zh-CN': '楼梯', en: 'Staircase' },
  'enum.Stairway.kind.fire-escape': { 'zh-CN': '消防通道', en: 'Fire escape' },
  'enum.Stairway.kind.exit': { 'zh-CN': '安全出口', en: 'Exit' },
  'field.Stairway.description.label': { 'zh-CN': '位置说明', en: 'Where it is' },
  'field.Stairway.description.hint': {
    'zh-CN': '这部楼梯在哪里、怎么找到，让不熟悉大楼的人也能找到。',
    en: 'Where the stairway is and how to find it, so someone new to the building can.',
  },
  'field.Stairway.description.example': { 'zh-CN': '营业厅东侧，绿色安全出口指示灯下', en: 'East side of the banking hall, under the green exit sign' },

  // AssemblyPoint: where people gather after leaving the building and are counted.
  'item.AssemblyPoint': { 'zh-CN': '集合地点', en: 'Assembly point' },
  'field.AssemblyPoint.id.label': { 'zh-CN': '集合地点代码', en: 'Assembly point code' },
  'field.AssemblyPoint.id.hint': {
    'zh-CN': '集合地点的简短代码，只能用小写英文字母、数字、点和连字符，在列表中不能重复。',
    en: 'A short code for the assembly point: lower-case letters, digits, dots and hyphens only, not used twice in the list.',
  },
  'field.AssemblyPoint.id.example': { 'zh-CN': 'plaza（图书馆广场）', en: 'plaza' },
  'field.AssemblyPoint.name.label': { 'zh-CN': '集合地点名称', en: 'Assembly point name' },
  'field.AssemblyPoint.name.hint': {
    'zh-CN': '大家都知道的叫法，疏散路线上显示的就是这个名称。',
    en: 'The name everyone knows it by; routes show it by this name.',
  },
  'field.AssemblyPoint.name.example': { 'zh-CN': '图书馆广场', en: 'Library square' },
  'field.AssemblyPoint.location.label': { 'zh-CN': '具体位置', en: 'How to find it' },
  'field.AssemblyPoint.location.hint': {
    'zh-CN': '写清楚它在哪里、怎么走到，让从没去过的人也能找到。',
    en: 'Where it is and how to get there, so someone who has never been there finds it.',
  },
  'field.AssemblyPoint.location.example': { 'zh-CN': '滨河路对面，公交车站旁', en: 'Across Riverside Road, next to the bus stop' },

  // Building: a building and its floors.
  'item.Building': { 'zh-CN': '建筑', en: 'Building' },
  'field.Building.id.label': { 'zh-CN': '建筑代码', en: 'Building code' },
  'field.Building.id.hint': {
    'zh-CN': '这栋楼的简短代码，只能用小写英文字母、数字、点和连字符，在列表中不能重复。各楼层二维码里含有这个代码，张贴后再改，二维码就打不开了。',
    en: 'A short code for the building: lower-case letters, digits, dots and hyphens only, not used twice in the list. The QR posters carry it, so changing it once they are up breaks them.',
  },
  'field.Building.id.example': { 'zh-CN': 'west-main（西主楼）', en: 'west-main' },
  'field.Building.name.label': { 'zh-CN': '建筑名称', en: 'Building name' },
  'field.Building.name.hint': {
    'zh-CN': '员工平时对这栋楼的叫法。查找疏散路线时，员工先按名称选楼。',
    en: 'What staff call the building day to day. To find their route, staff first pick the building by this name.',
  },
  'field.Building.name.example': { 'zh-CN': '西主楼', en: 'West main building' },
  'field.Building.description.label': { 'zh-CN': '建筑说明', en: 'About the building' },
  'field.Building.description.hint': {
    'zh-CN': '简要说明这栋楼，如共有几层、各层做什么用。',
    en: 'A short description, such as how many floors it has and what they are used for.',
  },
  'field.Building.description.example': { 'zh-CN': '机关办公楼西主楼，1至12楼', en: 'Head-office west tower, floors 1 to 12' },
  'field.Building.rules.label': { 'zh-CN': '全楼安全规定', en: 'Building safety rules' },
  'field.Building.rules.hint': {
    'zh-CN': '整栋楼人人都要遵守的规定，显示在每层疏散路线的前面。',
    en: 'Rules for everyone in the building, shown above the routes on each of its floors.',
  },
  'field.Building.floors.label': { 'zh-CN': '楼层', en: 'Floors' },
  'field.Building.floors.hint': {
    'zh-CN': '这栋楼的所有楼层，包括地下室和夹层，每层至少写一条疏散路线。',
    en: 'Every floor of the building, basements and mezzanines included, each with at least one route.',
  },

  // SafetyRule: a rule on a building, floor or route, shown before the routes.
  'item.SafetyRule': { 'zh-CN': '安全规定', en: 'Safety rule' },
  'field.SafetyRule.id.label': { 'zh-CN': '规定代码', en: 'Rule code' },
  'field.SafetyRule.id.hint': {
    'zh-CN': '这条规定的简短代码，只能用小写英文字母、数字、点和连字符，在同一列表中不能重复。',
    en: 'A short code for the rule: lower-case letters, digits, dots and hyphens only, not used twice in the same list.',
  },
  'field.SafetyRule.id.example': { 'zh-CN': 'no-car-lift（禁乘汽车电梯）', en: 'no-car-lift' },
  'field.SafetyRule.severity.label': { 'zh-CN': '严重程度', en: 'Severity' },
  'field.SafetyRule.severity.hint': {
    'zh-CN': '违反这条规定后果有多严重，决定它显示得多醒目：“危险”可能致命，“警告”可能受伤或被困，“注意”是需要小心的事。',
    en: 'How bad it is to break the rule, which decides how boldly it is shown: ‘danger’ can kill, ‘warning’ can injure or trap, ‘caution’ means take care.',
  },
  'enum.SafetyRule.severity.danger': { 'zh-CN': '危险', en: 'Danger' },
  'enum.SafetyRule.severity.warning': { 'zh-CN': '警告', en: 'Warning' },
  'enum.SafetyRule.severity.caution': { 'zh-CN': '注意', en: 'Caution' },
  'field.SafetyRule.text.label': { 'zh-CN': '规定内容', en: 'Rule' },
  'field.SafetyRule.text.hint': {
    'zh-CN': '员工看到的那句话，要简短、明确。',
    en: 'The sentence staff read; keep it short and plain.',
  },
  'field.SafetyRule.text.example': { 'zh-CN': '无论水位高低，绝不能乘坐汽车电梯。', en: 'Never take the car lift, whatever the water level.' },
  'field.SafetyRule.source.label': { 'zh-CN': '规定出处', en: 'Source of the rule' },
  'field.SafetyRule.source.hint': {
    'zh-CN': '这条规定出自原预案的哪一节。只供编写人员查看，员工看不到。',
    en: 'Where in the paper plan this rule comes from. Only for editors; staff never see it.',
  },
  'field.SafetyRule.source.example': { 'zh-CN': '四、2', en: 'IV.2' },

  // Floor: a floor and its evacuation routes.
  'item.Floor': { 'zh-CN': '楼层', en: 'Floor' },
  'field.Floor.id.label': { 'zh-CN': '楼层代码', en: 'Floor code' },
  'field.Floor.id.hint': {
    'zh-CN': '楼层的简短代码，只能用小写英文字母、数字、点和连字符，在同一栋楼内不能重复。本层二维码里含有这个代码，张贴后再改，二维码就打不开了。',
    en: 'A short code for the floor: lower-case letters, digits, dots and hyphens only, not used twice in one building. The floor’s QR poster carries it, so changing it once the poster is up breaks it.',
  },
  'field.Floor.id.example': { 'zh-CN': 'floor-b1（地下一层）', en: 'floor-b1' },
  'field.Floor.label.label': { 'zh-CN': '楼层名称', en: 'Floor label' },
  'field.Floor.label.hint': {
    'zh-CN': '照楼内标牌的写法填写。员工按它选出自己所在的楼层，同一栋楼内不能重复。',
    en: 'As the signs in the building write it. Staff pick their floor by this label, so no two floors of a building may share one.',
  },
  'field.Floor.label.example': { 'zh-CN': 'B1 地下一层', en: 'B1 (basement)' },
  'field.Floor.order.label': { 'zh-CN': '排列顺序', en: 'Order' },
  'field.Floor.order.hint': {
    'zh-CN': '从下往上数的位置，用来给楼层排序：B2 填 -2，B1 填 -1，1 楼填 1，2 楼填 2，夹在 1 楼和 2 楼之间的夹层 2M 填 1.5。同一栋楼的各层不要重复。',
    en: 'A number counted from the bottom up that puts the floors in order: B2 is -2, B1 is -1, 1F is 1, 2F is 2, and the mezzanine 2M between them is 1.5. Give each floor of a building its own number.',
  },
  'field.Floor.order.example': { 'zh-CN': '-2', en: '-2' },
  'field.Floor.level.label': { 'zh-CN': '楼层号', en: 'Storey number' },
  'field.Floor.level.hint': {
    'zh-CN': '楼内实际的层号，地下为负数，首层填 1；夹层可以不填。应用据此认出首层：首层从门直接出楼，不需要另设无需楼梯的路线。',
    en: 'The storey as the building numbers it: negative below ground, 1 for the ground floor; leave it empty for a mezzanine. The app uses it to find the ground floor, which is left by its doors and needs no step-free route.',
  },
  'field.Floor.level.example': { 'zh-CN': '-1', en: '-1' },
  'field.Floor.rules.label': { 'zh-CN': '本层须遵守的规定', en: 'Floor safety rules' },
  'field.Floor.rules.hint': {
    'zh-CN': '本层人人都要遵守的规定，如“绝不能乘坐汽车电梯”，显示在本层路线的前面。',
    en: 'Rules for everyone on this floor, such as ‘never take the car lift’, shown above the floor’s routes.',
  },
  'field.Floor.routes.label': { 'zh-CN': '本层疏散路线', en: 'Routes from this floor' },
  'field.Floor.routes.hint': {
    'zh-CN': '离开本层的路线。每层有且只有一条主路线；还可以加备用路线，以及供不能走楼梯的人使用的路线。',
    en: 'The ways off this floor. Each floor has exactly one primary route, and may add alternates and a route for someone who cannot use stairs.',
  },
  'field.Floor.notes.label': { 'zh-CN': '本层说明', en: 'About this floor' },
  'field.Floor.notes.hint': {
    'zh-CN': '本层员工还需要知道的情况，显示在本层页面上。',
    en: 'Anything else people on this floor should know, shown on the floor’s page.',
  },
  'field.Floor.notes.example': { 'zh-CN': '营业厅上方的夹层：档案室和员工休息室。', en: 'The mezzanine above the banking hall: archives and the staff room.' },

  // Route: one way out from a floor, or one place to wait in it.
  'item.Route': { 'zh-CN': '路线', en: 'Route' },
  'field.Route.id.label': { 'zh-CN': '路线代码', en: 'Route code' },
  'field.Route.id.hint': {
    'zh-CN': '路线的简短代码，只能用小写英文字母、数字、点和连字符，在同一楼层内不能重复。',
    en: 'A short code for the route: lower-case letters, digits, dots and hyphens only, not used twice on one floor.',
  },
  'field.Route.id.example': { 'zh-CN': 'alternate（备用路线）', en: 'alternate' },
  'field.Route.kind.label': { 'zh-CN': '路线类别', en: 'Type of route' },
  'field.Route.kind.hint': {
    'zh-CN': '主路线最先显示，每层必须有且只有一条；备用路线在主路线走不通时使用；无需楼梯的路线供坐轮椅或行动不便的人使用。',
    en: 'The primary route is shown first, and every floor has exactly one; an alternate is for when the primary is blocked; a step-free route is for someone who cannot use stairs.',
  },
  'enum.Route.kind.primary': { 'zh-CN': '主路线', en: 'Primary route' },
  'enum.Route.kind.alternate': { 'zh-CN': '备用路线', en: 'Alternate route' },
  'enum.Route.kind.step-free': { 'zh-CN': '无需楼梯的路线', en: 'Step-free route' },
  'field.Route.instruction.label': { 'zh-CN': '一句话路线', en: 'The route in one sentence' },
  'field.Route.instruction.hint': {
    'zh-CN': '员工最先看到的一句话，说清往哪里走。',
    en: 'The first sentence staff read, saying which way to go.',
  },
  'field.Route.instruction.example': { 'zh-CN': '从中央楼梯向下疏散', en: 'Go down by the central staircase' },
  'field.Route.when.label': { 'zh-CN': '使用条件', en: 'Use when' },
  'field.Route.when.hint': {
    'zh-CN': '只在某些情况下才走这条路线时填写；任何时候都能走的路线不填。每层至少要有一条不带条件的出楼路线。',
    en: 'Only for a route that is used in some situations; leave it empty for one that always works. Every floor needs at least one way out with no condition.',
  },
  'field.Route.when.example': { 'zh-CN': '坡道被水淹时', en: 'When the ramp is flooded' },
  'field.Route.legs.label': { 'zh-CN': '逐段路线', en: 'Way out, leg by leg' },
  'field.Route.legs.hint': {
    'zh-CN':
      '一条路线要么是出楼路线，要么是原地等待，二者只选其一。出楼路线在这里按顺序逐段写出（如先上楼梯到一楼，再从南门出楼），并填写出口和集合地点；原地等待的路线不填这里，改填“原地等待”。',
    en: 'A route is either a way out or a place to stay and wait, never both. For a way out, list its legs here in order (up the stairs to 1F, then out by the south door) and give the exit and assembly point; for staying put, leave this empty and fill in ‘Stay and wait’ instead.',
  },
  'field.Route.exit.label': { 'zh-CN': '出楼的门', en: 'Exit door' },
  'field.Route.exit.hint': {
    'zh-CN': '这条路线最后从哪个门离开大楼。只用于出楼路线。',
    en: 'The door by which this route leaves the building. Only for a way out.',
  },
  'field.Route.exit.example': { 'zh-CN': '南门', en: 'South door' },
  'field.Route.assemblyPoint.label': { 'zh-CN': '去哪里集合', en: 'Where to assemble' },
  'field.Route.assemblyPoint.hint': {
    'zh-CN': '出楼后到哪个集合地点集合、清点人数。只用于出楼路线。',
    en: 'The assembly point to go to once out, where people are counted. Only for a way out.',
  },
  'field.Route.assemblyPoint.example': { 'zh-CN': '图书馆广场', en: 'Library square' },
  'field.Route.stay.label': { 'zh-CN': '原地等待', en: 'Stay and wait' },
  'field.Route.stay.hint': {
    'zh-CN':
      '一条路线要么是出楼路线，要么是原地等待，二者只选其一。原地等待供无法走楼梯的人使用：写明在哪里等、等候时做什么、打给谁；选了这一项，就不填逐段路线、出口和集合地点，路线类别选“无需楼梯的路线”。',
    en: 'A route is either a way out or a place to stay and wait, never both. Staying put is for someone who cannot use the stairs: say where to wait, what to do meanwhile and whom to call. If you fill this in, leave the legs, exit and assembly point empty and choose the step-free type.',
  },
  'field.Route.rules.label': { 'zh-CN': '本路线安全规定', en: 'Route safety rules' },
  'field.Route.rules.hint': {
    'zh-CN': '走这条路线时要遵守的规定，如“坡道上有积水时切勿涉水”。',
    en: 'Rules for anyone taking this route, such as ‘never wade through water on the ramp’.',
  },
  'field.Route.notes.label': { 'zh-CN': '路线备注', en: 'Route notes' },
  'field.Route.notes.hint': {
    'zh-CN': '走这条路线时还需要知道的事。',
    en: 'Anything else to know when taking this route.',
  },
  'field.Route.notes.example': { 'zh-CN': '东营业室楼梯无法通行时改走此路线。', en: 'Take this way if the east banking-hall stairs are blocked.' },
  'field.Route.source.label': { 'zh-CN': '路线出处', en: 'Source of the route' },
  'field.Route.source.hint': {
    'zh-CN': '这条路线出自原预案的哪一条。只供编写人员查看，员工看不到。',
    en: 'Which rule of the paper plan this route comes from. Only for editors; staff never see it.',
  },
  'field.Route.source.example': { 'zh-CN': '四、2、b', en: 'IV.2(b)' },

  // Leg: one stretch of a way out.
  'item.Leg': { 'zh-CN': '路段', en: 'Leg of the route' },
  'field.Leg.kind.label': { 'zh-CN': '路段类型', en: 'Type of leg' },
  'field.Leg.kind.hint': {
    'zh-CN': '这一段经过的是楼梯、走廊、门还是坡道。',
    en: 'Whether this leg goes by stairs, along a corridor, through a door or over a ramp.',
  },
  'enum.Leg.kind.stairs': { 'zh-CN': '楼梯', en: 'Stairs' },
  'enum.Leg.kind.corridor': { 'zh-CN': '走廊', en: 'Corridor' },
  'enum.Leg.kind.door': { 'zh-CN': '门', en: 'Door' },
  'enum.Leg.kind.ramp': { 'zh-CN': '坡道', en: 'Ramp' },
  'field.Leg.stairway.label': { 'zh-CN': '走哪部楼梯', en: 'Which stairway' },
  'field.Leg.stairway.hint': {
    'zh-CN': '走楼梯的路段，选出走哪一部楼梯。不指定具体楼梯时改选“就近”，两者只选其一。',
    en: 'For stairs, the stairway to take. If no particular one is meant, choose ‘nearest’ instead; never both.',
  },
  'field.Leg.stairway.example': { 'zh-CN': '北楼梯', en: 'North stairs' },
  'field.Leg.nearest.label': { 'zh-CN': '就近', en: 'Nearest' },
  'field.Leg.nearest.hint': {
    'zh-CN': '原预案只说“就近”时使用：走最近的楼梯或从最近的出口出去。与“走哪部楼梯”只选其一。',
    en: 'For when the plan just says ‘the nearest’: the nearest stairs or the nearest exit. Use this or a named stairway, not both.',
  },
  'enum.Leg.nearest.stairs': { 'zh-CN': '最近的楼梯', en: 'Nearest stairs' },
  'enum.Leg.nearest.exit': { 'zh-CN': '最近的出口', en: 'Nearest exit' },
  'field.Leg.direction.label': { 'zh-CN': '方向', en: 'Direction' },
  'field.Leg.direction.hint': {
    'zh-CN': '这一段往哪个方向走：向下、向上、出楼，或沿通道走。',
    en: 'Which way this leg goes: down, up, out of the building, or along.',
  },
  'enum.Leg.direction.down': { 'zh-CN': '向下', en: 'Down' },
  'enum.Leg.direction.up': { 'zh-CN': '向上', en: 'Up' },
  'enum.Leg.direction.out': { 'zh-CN': '出楼', en: 'Out' },
  'enum.Leg.direction.along': { 'zh-CN': '沿通道', en: 'Along' },
  'field.Leg.to.label': { 'zh-CN': '走到', en: 'To' },
  'field.Leg.to.hint': {
    'zh-CN': '这一段走到哪里为止，如“一楼”或“南门”。',
    en: 'Where this leg ends, such as ‘1F’ or ‘the south door’.',
  },
  'field.Leg.to.example': { 'zh-CN': '一楼', en: '1F' },
  'field.Leg.text.label': { 'zh-CN': '路段指引', en: 'Directions' },
  'field.Leg.text.hint': {
    'zh-CN': '员工看到的这一段指引，一句话说清。',
    en: 'The directions for this leg that staff read, in one sentence.',
  },
  'field.Leg.text.example': { 'zh-CN': '从坡道旁楼梯上到一楼。', en: 'Go up the ramp stairs to 1F.' },

  // Stay: wait in a refuge and call for help, for someone who cannot use the stairs.
  'item.Stay': { 'zh-CN': '原地等待', en: 'Stay and wait' },
  'field.Stay.refuge.label': { 'zh-CN': '在哪里等候', en: 'Where to wait' },
  'field.Stay.refuge.hint': {
    'zh-CN': '在哪里等候救援，要写得让从没去过的人也能找到。',
    en: 'Where to wait for help, described so that someone who has never been there finds it.',
  },
  'field.Stay.refuge.example': { 'zh-CN': '二楼避难区：北楼梯旁绿色防火门内', en: 'The refuge area by the north stairs, behind the green fire door' },
  'field.Stay.actions.label': { 'zh-CN': '等候时要做的事', en: 'What to do while waiting' },
  'field.Stay.actions.hint': {
    'zh-CN': '等候时按顺序要做的事，每条一项，至少一条。',
    en: 'What to do while waiting, in order, one per line; at least one.',
  },
  'field.Stay.actions.example': { 'zh-CN': '留在防火门内，保持防火门关闭。', en: 'Stay behind the fire door and keep it shut.' },
  'field.Stay.call.label': { 'zh-CN': '打电话给谁', en: 'Whom to call' },
  'field.Stay.call.hint': {
    'zh-CN': '打电话告诉谁自己在哪里，如安保值班台、疏散引导组；至少一个。',
    en: 'Whom to ring to say where you are, such as the security desk or the evacuation team; at least one.',
  },

  // CallRef: whom to call from a refuge.
  'item.CallRef': { 'zh-CN': '呼叫对象', en: 'Call' },
  'field.CallRef.role.label': { 'zh-CN': '打给哪个岗位', en: 'Post to call' },
  'field.CallRef.role.hint': {
    'zh-CN': '打给指挥体系中的哪个小组、岗位或角色，拨的是他们登记的电话。与应急电话只选其一。',
    en: 'The group, post or role in the command structure to ring, on the phone listed for it. Choose this or an emergency number, not both.',
  },
  'field.CallRef.role.example': { 'zh-CN': '疏散引导组', en: 'Evacuation team' },
  'field.CallRef.emergencyNumber.label': { 'zh-CN': '打哪个应急电话', en: 'Emergency number to call' },
  'field.CallRef.emergencyNumber.hint': {
    'zh-CN': '从应急电话中选出要打的号码。与岗位只选其一；两个都要打，就分成两条。',
    en: 'The emergency number to ring. Choose this or a post, not both; to ring both, add two calls.',
  },
  'field.CallRef.emergencyNumber.example': { 'zh-CN': '安保值班台', en: 'Security desk' },
  'field.CallRef.text.label': { 'zh-CN': '为什么打', en: 'Why to call' },
  'field.CallRef.text.hint': {
    'zh-CN': '打这个电话要请求什么、说明什么。',
    en: 'What to ask for or tell them on this call.',
  },
  'field.CallRef.text.example': { 'zh-CN': '请求送来疏散椅', en: 'Ask for the evacuation chair' },

  // Preparation: preparation and prevention.
  'item.Preparation': { 'zh-CN': '平时预防准备', en: 'Preparation' },
  'field.Preparation.tasks.label': { 'zh-CN': '准备工作', en: 'Preparation tasks' },
  'field.Preparation.tasks.hint': {
    'zh-CN': '险情发生前要做的工作，如召开部署会、组织全员学习、疏通排水设施、排查隐患，每项一条。',
    en: 'Work to do before anything happens, such as a planning meeting, training for all staff, clearing drains or checking for hazards, one per entry.',
  },
  'field.Preparation.keyAreas.label': { 'zh-CN': '重点防火部位', en: 'Key protected areas' },
  'field.Preparation.keyAreas.hint': {
    'zh-CN': '需要重点保护的部位，如营业室、档案室、机房，以及每处都必须达到的要求。',
    en: 'The places that need particular protection, such as the banking hall, archives and computer room, and what each must meet.',
  },
  'field.Preparation.schedule.label': { 'zh-CN': '定期检查和演练', en: 'Regular inspections and drills' },
  'field.Preparation.schedule.hint': {
    'zh-CN': '定期开展的检查、演练和培训，以及最少多久一次，如“每半年至少组织一次应急演练”。',
    en: 'The inspections, drills and training held regularly, and how often at least, such as ‘an emergency drill at least every six months’.',
  },
  'field.Preparation.rounds.label': { 'zh-CN': '日常检查', en: 'Inspection rounds' },
  'field.Preparation.rounds.hint': {
    'zh-CN': '在手机上逐项完成的检查：由谁做、多久一次、检查哪些部位和哪些项目，发现隐患后怎样整改。',
    en: 'Checks done item by item on a phone: who does them, how often, which areas and items, and how a hazard found is rectified.',
  },

  // KeyAreas: places that need particular protection and what each must meet.
  'item.KeyAreas': { 'zh-CN': '重点防火部位', en: 'Key protected areas' },
  'field.KeyAreas.text.label': { 'zh-CN': '总体说明', en: 'Introduction' },
  'field.KeyAreas.text.hint': {
    'zh-CN': '原预案介绍重点部位的那段话，如由谁确定、由谁管理。',
    en: 'How the plan introduces its key areas, such as who designates them and who manages them.',
  },
  'field.KeyAreas.text.example': {
    'zh-CN': '确定营业室、档案室、机房、财务室、信贷资料室等场所为重点防火部位。',
    en: 'The banking hall, archives, computer room, finance office and credit records room are the key areas for fire protection.',
  },
  'field.KeyAreas.owner.label': { 'zh-CN': '管理责任方', en: 'Managed by' },
  'field.KeyAreas.owner.hint': {
    'zh-CN': '负责这些部位消防安全管理的部门或岗位。',
    en: 'The department or post that manages fire safety in these areas.',
  },
  'field.KeyAreas.owner.example': { 'zh-CN': '防火责任部门', en: 'Departments responsible for fire prevention' },
  'field.KeyAreas.areas.label': { 'zh-CN': '重点部位', en: 'Key areas' },
  'field.KeyAreas.areas.hint': {
    'zh-CN': '逐一列出重点部位，每处一项，至少一处。',
    en: 'Each key area, one per entry; at least one.',
  },
  'item.KeyAreas.areas': { 'zh-CN': '重点部位', en: 'Key area' },
  'field.KeyAreas.areas.id.label': { 'zh-CN': '部位代码', en: 'Area code' },
  'field.KeyAreas.areas.id.hint': {
    'zh-CN': '这个部位的简短代码，只能用小写英文字母、数字、点和连字符，在列表中不能重复。',
    en: 'A short code for the area: lower-case letters, digits, dots and hyphens only, not used twice in the list.',
  },
  'field.KeyAreas.areas.id.example': { 'zh-CN': 'archives（档案室）', en: 'archives' },
  'field.KeyAreas.areas.name.label': { 'zh-CN': '部位名称', en: 'Area name' },
  'field.KeyAreas.areas.name.hint': {
    'zh-CN': '大家平时对这个地方的叫法。',
    en: 'What everyone calls the place.',
  },
  'field.KeyAreas.areas.name.example': { 'zh-CN': '档案室', en: 'Archives' },
  'field.KeyAreas.requirements.label': { 'zh-CN': '部位要求', en: 'What each area must meet' },
  'field.KeyAreas.requirements.hint': {
    'zh-CN': '每个重点部位都必须达到的要求，如“配置相应的消防设施、器材”，每条一项。',
    en: 'What every key area must meet, such as ‘fitted with suitable firefighting equipment’, one per entry.',
  },

  // ScheduledCheck: a recurring inspection or drill and how often at least.
  'item.ScheduledCheck': { 'zh-CN': '检查或演练', en: 'Inspection or drill' },
  'field.ScheduledCheck.id.label': { 'zh-CN': '检查代码', en: 'Check code' },
  'field.ScheduledCheck.id.hint': {
    'zh-CN': '这项检查或演练的简短代码，只能用小写英文字母、数字、点和连字符，在列表中不能重复。',
    en: 'A short code for this inspection or drill: lower-case letters, digits, dots and hyphens only, not used twice in the list.',
  },
  'field.ScheduledCheck.id.example': { 'zh-CN': 'drill.half-yearly（半年一次演练）', en: 'drill.half-yearly' },
  'field.ScheduledCheck.kind.label': { 'zh-CN': '类型', en: 'Type' },
  'field.ScheduledCheck.kind.hint': {
    'zh-CN': '这是检查、演练、培训还是其他工作。',
    en: 'Whether this is an inspection, a drill, training or something else.',
  },
  'enum.ScheduledCheck.kind.inspection': { 'zh-CN': '检查', en: 'Inspection' },
  'enum.ScheduledCheck.kind.drill': { 'zh-CN': '演练', en: 'Drill' },
  'enum.ScheduledCheck.kind.training': { 'zh-CN': '培训', en: 'Training' },
  'enum.ScheduledCheck.kind.other': { 'zh-CN': '其他', en: 'Other' },
  'field.ScheduledCheck.text.label': { 'zh-CN': '内容', en: 'What is done' },
  'field.ScheduledCheck.text.hint': {
    'zh-CN': '原预案对这项检查或演练的规定，照原文写。',
    en: 'What the plan says about this inspection or drill, in its own words.',
  },
  'field.ScheduledCheck.text.example': {
    'zh-CN': '分行安全保卫部每季度抽查不少于一次',
    en: 'The branch security department spot-checks at least once a quarter',
  },
  'field.ScheduledCheck.owner.label': { 'zh-CN': '负责方', en: 'Responsible' },
  'field.ScheduledCheck.owner.hint': {
    'zh-CN': '负责组织这项检查或演练的小组、岗位或角色。',
    en: 'The group, post or role that organises this inspection or drill.',
  },
  'field.ScheduledCheck.owner.example': { 'zh-CN': '分行安全保卫部', en: 'Branch security department' },
  'field.ScheduledCheck.times.label': { 'zh-CN': '至少几次', en: 'At least (times)' },
  'field.ScheduledCheck.times.hint': {
    'zh-CN': '每个周期内至少做几次，如“每月不少于二次”填 2。',
    en: 'How many times at least in each period; for ‘at least twice a month’, enter 2.',
  },
  'field.ScheduledCheck.times.example': { 'zh-CN': '2', en: '2' },
  'field.ScheduledCheck.per.label': { 'zh-CN': '周期', en: 'Period' },
  'field.ScheduledCheck.per.hint': {
    'zh-CN': '次数按什么周期计算。',
    en: 'The period the number of times counts over.',
  },
  'enum.ScheduledCheck.per.day': { 'zh-CN': '每天', en: 'Per day' },
  'enum.ScheduledCheck.per.week': { 'zh-CN': '每周', en: 'Per week' },
  'enum.ScheduledCheck.per.month': { 'zh-CN': '每月', en: 'Per month' },
  'enum.ScheduledCheck.per.quarter': { 'zh-CN': '每季度', en: 'Per quarter' },
  'enum.ScheduledCheck.per.half-year': { 'zh-CN': '每半年', en: 'Per half-year' },
  'enum.ScheduledCheck.per.year': { 'zh-CN': '每年', en: 'Per year' },
  'field.ScheduledCheck.source.label': { 'zh-CN': '规定出处', en: 'Source' },
  'field.ScheduledCheck.source.hint': {
    'zh-CN': '这项规定出自原预案的哪一节。只供编写人员查看，员工看不到。',
    en: 'Where in the paper plan this comes from. Only for editors; staff never see it.',
  },
  'field.ScheduledCheck.source.example': { 'zh-CN': '三、2', en: 'III.2' },
  'item.Round': { 'zh-CN': '检查', en: 'Inspection round' },
  'field.Round.id.label': { 'zh-CN': '检查代码', en: 'Round code' },
  'field.Round.id.hint': {
    'zh-CN': '在本预案内唯一；每次完成的检查都记在这个代码下。',
    en: 'Unique in the playbook; every round done is recorded against it.',
  },
  'field.Round.id.example': { 'zh-CN': 'fire.daily（每日防火检查）', en: 'fire.daily' },
  'field.Round.title.label': { 'zh-CN': '检查名称', en: 'Name of the round' },
  'field.Round.title.hint': { 'zh-CN': '员工在首页“今日待检”中看到的名称。', en: 'The name staff see among the rounds due today.' },
  'field.Round.title.example': { 'zh-CN': '每日防火检查', en: 'Daily fire check' },
  'field.Round.owner.label': { 'zh-CN': '由谁检查', en: 'Done by' },
  'field.Round.owner.hint': { 'zh-CN': '负责这项检查的角色，从组织机构中选。', en: 'The role that does the round, chosen from the command structure.' },
  'field.Round.owner.example': { 'zh-CN': '安全员', en: 'Safety officer' },
  'field.Round.every.label': { 'zh-CN': '检查频次', en: 'How often it is due' },
  'field.Round.every.hint': {
    'zh-CN': '每个周期至少检查几次；与“季节前”二选一。',
    en: 'At least how many rounds in each period; either this or “before a season”.',
  },
  'field.Round.beforeSeason.label': { 'zh-CN': '季节前', en: 'Before a season' },
  'field.Round.beforeSeason.hint': {
    'zh-CN': '每年在某个季节（如汛期）开始前完成一次；开始日期由网点自己设定。与“频次”二选一。',
    en: 'Once a year, finished before a season (the flood season, say) whose start date the branch sets. Either this or “how often”.',
  },
  'field.Round.areas.label': { 'zh-CN': '检查部位', en: 'Areas checked' },
  'field.Round.areas.hint': {
    'zh-CN': '每个部位各自检查、各自计数；不填则整个网点检查一次。',
    en: 'Each area is checked and counted on its own; leave empty for one round of the whole site.',
  },
  'field.Round.items.label': { 'zh-CN': '检查项目', en: 'Check items' },
  'field.Round.items.hint': { 'zh-CN': '逐项检查的内容，每项“合格”或“发现隐患”。', en: 'What is checked, item by item: each passes or is a finding.' },
  'field.Round.finding.label': { 'zh-CN': '发现隐患后', en: 'When a hazard is found' },
  'field.Round.finding.hint': { 'zh-CN': '隐患由谁整改、多少天内整改完毕。', en: 'Who rectifies a hazard and within how many days.' },
  'field.Round.source.label': { 'zh-CN': '检查出处', en: 'Source of the round' },
  'field.Round.source.hint': {
    'zh-CN': '原预案中规定这项检查的章节。只供编写人员查看。',
    en: 'The section of the source plan that prescribes this round. Only for editors.',
  },
  'field.Round.source.example': { 'zh-CN': '三、2（实行检查机制）', en: 'Part III.2, inspections' },
  'item.Recurrence': { 'zh-CN': '频次', en: 'Recurrence' },
  'field.Recurrence.times.label': { 'zh-CN': '至少几次', en: 'At least how many times' },
  'field.Recurrence.times.hint': {
    'zh-CN': '每个周期内至少检查的次数；周期平均分成这么多段，每段检查一次。',
    en: 'The fewest rounds in each period; the period is split into that many windows, one round each.',
  },
  'field.Recurrence.times.example': { 'zh-CN': '2（每月两次）', en: '2' },
  'field.Recurrence.per.label': { 'zh-CN': '周期', en: 'Period' },
  'field.Recurrence.per.hint': {
    'zh-CN': '按网点所在时区的日历计算；“半年”指一至六月、七至十二月。',
    en: 'Calendar periods in the branch’s time zone; a half-year is January to June or July to December.',
  },
  'enum.Recurrence.per.day': { 'zh-CN': '天', en: 'Day' },
  'enum.Recurrence.per.week': { 'zh-CN': '周（周一开始）', en: 'Week (from Monday)' },
  'enum.Recurrence.per.month': { 'zh-CN': '月', en: 'Month' },
  'enum.Recurrence.per.quarter': { 'zh-CN': '季度', en: 'Quarter' },
  'enum.Recurrence.per.half-year': { 'zh-CN': '半年', en: 'Half-year' },
  'enum.Recurrence.per.year': { 'zh-CN': '年', en: 'Year' },
  'item.SeasonDue': { 'zh-CN': '季节前完成', en: 'Due before a season' },
  'field.SeasonDue.season.label': { 'zh-CN': '季节', en: 'Season' },
  'field.SeasonDue.season.hint': {
    'zh-CN': '用文字写出季节；开始日期由网点在检查页面上设定。',
    en: 'The season in words; the branch sets its start date on the rounds screen.',
  },
  'field.SeasonDue.season.example': { 'zh-CN': '汛期', en: 'flood season' },
  'field.SeasonDue.daysBefore.label': { 'zh-CN': '提前天数', en: 'Days before' },
  'field.SeasonDue.daysBefore.hint': { 'zh-CN': '须在季节开始前多少天完成。', en: 'How many days before the season starts it must be finished.' },
  'field.SeasonDue.daysBefore.example': { 'zh-CN': '7', en: '7 days' },
  'item.RoundArea': { 'zh-CN': '检查部位', en: 'Area' },
  'field.RoundArea.id.label': { 'zh-CN': '部位代码', en: 'Area code' },
  'field.RoundArea.id.hint': { 'zh-CN': '在这项检查内唯一。', en: 'Unique within the round.' },
  'field.RoundArea.id.example': { 'zh-CN': 'archives（档案室）', en: 'archives' },
  'field.RoundArea.name.label': { 'zh-CN': '部位名称', en: 'Area name' },
  'field.RoundArea.name.hint': { 'zh-CN': '检查人员在手机上看到的部位名称。', en: 'The name the inspector sees on the phone.' },
  'field.RoundArea.name.example': { 'zh-CN': '档案室', en: 'Archives room' },
  'field.RoundArea.source.label': { 'zh-CN': '部位出处', en: 'Source of the area' },
  'field.RoundArea.source.hint': { 'zh-CN': '原预案中列出这个部位的章节。', en: 'Where the source plan names this area.' },
  'field.RoundArea.source.example': { 'zh-CN': '三、1（重点防火部位）', en: 'Part III.1, key areas' },
  'item.RoundItem': { 'zh-CN': '检查项目', en: 'Check item' },
  'field.RoundItem.id.label': { 'zh-CN': '项目代码', en: 'Item code' },
  'field.RoundItem.id.hint': { 'zh-CN': '在这项检查内唯一。', en: 'Unique within the round.' },
  'field.RoundItem.id.example': { 'zh-CN': 'extinguishers（灭火器）', en: 'extinguishers' },
  'field.RoundItem.text.label': { 'zh-CN': '检查什么', en: 'What the item checks' },
  'field.RoundItem.text.hint': { 'zh-CN': '写成一句能回答“合格”或“有隐患”的话。', en: 'One sentence that can be answered “passes” or “hazard”.' },
  'field.RoundItem.text.example': { 'zh-CN': '灭火器在位、压力正常、在有效期内', en: 'Extinguishers in place, pressure normal, in date' },
  'field.RoundItem.source.label': { 'zh-CN': '项目出处', en: 'Source of the item' },
  'field.RoundItem.source.hint': {
    'zh-CN': '原预案中提出这项要求的章节；预案没有写的，请在“编写说明”中注明。',
    en: 'Where the source plan asks for it; say in the editorial notes when the plan does not.',
  },
  'field.RoundItem.source.example': { 'zh-CN': '三、1（四）', en: 'Part III.1 (4)' },
  'item.FindingRule': { 'zh-CN': '隐患整改', en: 'Rectifying a hazard' },
  'field.FindingRule.owner.label': { 'zh-CN': '默认整改责任人', en: 'Rectified by default by' },
  'field.FindingRule.owner.hint': {
    'zh-CN': '发现隐患后默认由哪个角色整改；检查人员可以另指定。',
    en: 'The role ordered to rectify a hazard unless the inspector names someone else.',
  },
  'field.FindingRule.owner.example': { 'zh-CN': '防火责任部门', en: 'Fire-responsible department' },
  'field.FindingRule.days.label': { 'zh-CN': '整改期限（天）', en: 'Days to rectify' },
  'field.FindingRule.days.hint': {
    'zh-CN': '从发现之日起多少天内整改完毕；检查人员可以另定期限。',
    en: 'Days from the finding to its deadline; the inspector may set another.',
  },
  'field.FindingRule.days.example': { 'zh-CN': '7（一周内）', en: '7' },
  'field.FindingRule.text.label': { 'zh-CN': '预案要求', en: 'What the plan requires' },
  'field.FindingRule.text.hint': { 'zh-CN': '原预案对发现隐患后的要求。', en: 'What the source plan says must happen to a hazard found.' },
  'field.FindingRule.text.example': { 'zh-CN': '发现危险隐患应及时责令进行整改', en: 'Hazards found are ordered rectified at once' },

  // AftermathItem: something that must happen after the emergency; an incident tracks each one.
  'item.AftermathItem': { 'zh-CN': '善后事项', en: 'Aftermath task' },
  'field.AftermathItem.id.label': { 'zh-CN': '事项代码', en: 'Task code' },
  'field.AftermathItem.id.hint': {
    'zh-CN':
      '这项善后事项的简短代码，只能用小写英文字母、数字、点和连字符，在列表中不能重复，也不要和任何步骤的代码相同：事件把善后事项当作最后一个阶段的步骤来记录。',
    en: 'A short code for the task: lower-case letters, digits, dots and hyphens only, not used twice in the list and different from every step code, because incidents record aftermath tasks as the steps of a last phase.',
  },
  'field.AftermathItem.id.example': { 'zh-CN': 'aftermath.losses（统计损失）', en: 'aftermath.losses' },
  'field.AftermathItem.category.label': { 'zh-CN': '类别', en: 'Category' },
  'field.AftermathItem.category.hint': {
    'zh-CN': '这件事属于哪一类，便于事后汇总和报告。',
    en: 'What kind of task this is, so tasks can be grouped in the report afterwards.',
  },
  'enum.AftermathItem.category.inspection': { 'zh-CN': '全面检查', en: 'Inspection' },
  'enum.AftermathItem.category.losses': { 'zh-CN': '损失统计', en: 'Losses' },
  'enum.AftermathItem.category.supplies': { 'zh-CN': '物资补充', en: 'Supplies' },
  'enum.AftermathItem.category.recovery': { 'zh-CN': '设施修复', en: 'Recovery' },
  'enum.AftermathItem.category.business': { 'zh-CN': '恢复营业', en: 'Reopening for business' },
  'enum.AftermathItem.category.insurance': { 'zh-CN': '保险理赔', en: 'Insurance' },
  'enum.AftermathItem.category.lessons': { 'zh-CN': '总结经验教训', en: 'Lessons learned' },
  'enum.AftermathItem.category.investigation': { 'zh-CN': '事故调查', en: 'Investigation' },
  'enum.AftermathItem.category.commendation': { 'zh-CN': '表彰先进', en: 'Commendation' },
  'enum.AftermathItem.category.accountability': { 'zh-CN': '追究责任', en: 'Accountability' },
  'enum.AftermathItem.category.reporting': { 'zh-CN': '上报情况', en: 'Reporting' },
  'enum.AftermathItem.category.plan-revision': { 'zh-CN': '修订预案', en: 'Revising the plan' },
  'enum.AftermathItem.category.other': { 'zh-CN': '其他', en: 'Other' },
  'field.AftermathItem.text.label': { 'zh-CN': '事项内容', en: 'What must be done' },
  'field.AftermathItem.text.hint': {
    'zh-CN': '应急结束后要完成的一件事，照原预案写。',
    en: 'One thing to finish after the emergency, as the plan puts it.',
  },
  'field.AftermathItem.text.example': { 'zh-CN': '及时补充防汛物资，做好下次防汛准备', en: 'Restock the flood supplies, ready for the next flood' },
  'field.AftermathItem.owner.label': { 'zh-CN': '负责方', en: 'Responsible' },
  'field.AftermathItem.owner.hint': {
    'zh-CN': '负责完成这件事的小组、岗位或角色；不选时由指挥部负责。',
    en: 'The group, post or role that sees this task through; if none is chosen, the headquarters is.',
  },
  'field.AftermathItem.owner.example': { 'zh-CN': '后勤保障组', en: 'Logistics group' },
  'field.AftermathItem.source.label': { 'zh-CN': '事项出处', en: 'Source of the task' },
  'field.AftermathItem.source.hint': {
    'zh-CN': '这项善后事项出自原预案的哪一节。只供编写人员查看，员工看不到。',
    en: 'Where in the paper plan this task comes from. Only for editors; staff never see it.',
  },
  'field.AftermathItem.source.example': { 'zh-CN': '五、1', en: 'V.1' },
  'item.CampaignUnit': { 'zh-CN': '排查单位', en: 'Unit' },
  'field.CampaignUnit.id.label': { 'zh-CN': '单位代码', en: 'Unit code' },
  'field.CampaignUnit.id.hint': { 'zh-CN': '在本专项排查内唯一。', en: 'Unique in the campaign.' },
  'field.CampaignUnit.id.example': { 'zh-CN': 'credit-union（信用社）', en: 'credit-union' },
  'field.CampaignUnit.name.label': { 'zh-CN': '单位名称', en: 'Unit name' },
  'field.CampaignUnit.name.hint': { 'zh-CN': '网点开始排查时可以改名或增加单位。', en: 'The branch can rename units or add its own when it starts.' },
  'field.CampaignUnit.name.example': { 'zh-CN': '客户经理部', en: 'Client managers’ department' },
  'field.CampaignUnit.owner.label': { 'zh-CN': '单位负责人', en: 'Answers for the unit' },
  'field.CampaignUnit.owner.hint': { 'zh-CN': '对本单位自查负责的角色。', en: 'The role that answers for this unit’s check.' },
  'field.CampaignUnit.owner.example': { 'zh-CN': '社主任', en: 'Credit union director' },
  'item.LoanCategory': { 'zh-CN': '贷款排查类别', en: 'Loan category' },
  'field.LoanCategory.id.label': { 'zh-CN': '类别代码', en: 'Category code' },
  'field.LoanCategory.id.hint': { 'zh-CN': '在本专项排查内唯一；每笔贷款记录都指向一个类别。', en: 'Unique in the campaign; every loan entry names one.' },
  'field.LoanCategory.id.example': { 'zh-CN': 'overdue-90（逾期90天以上）', en: 'overdue-90' },
  'field.LoanCategory.text.label': { 'zh-CN': '类别说明', en: 'What the category covers' },
  'field.LoanCategory.text.hint': { 'zh-CN': '照原方案逐字写出，排查人员据此判断。', en: 'Word for word from the plan: the checkers decide by it.' },
  'field.LoanCategory.text.example': {
    'zh-CN': '贷款本金或利息逾期90天以上的正常类或关注类贷款',
    en: 'Normal or special-mention loans with principal or interest overdue over 90 days',
  },
  'field.LoanCategory.source.label': { 'zh-CN': '类别出处', en: 'Source of the category' },
  'field.LoanCategory.source.hint': { 'zh-CN': '原方案中的条目编号。', en: 'The item number in the plan.' },
  'field.LoanCategory.source.example': { 'zh-CN': '四、（一）1', en: 'IV.(1).1' },
  'item.RiskDimension': { 'zh-CN': '风险维度', en: 'Risk dimension' },
  'field.RiskDimension.id.label': { 'zh-CN': '维度代码', en: 'Dimension code' },
  'field.RiskDimension.id.hint': { 'zh-CN': '在本专项排查内唯一；每条风险记录都指向一个维度。', en: 'Unique in the campaign; every risk entry names one.' },
  'field.RiskDimension.id.example': { 'zh-CN': 'industry（行业）', en: 'industry' },
  'field.RiskDimension.title.label': { 'zh-CN': '维度名称', en: 'Dimension name' },
  'field.RiskDimension.title.hint': { 'zh-CN': '如行业、区域、业务品种、客户。', en: 'Industry, region, product or customer, for example.' },
  'field.RiskDimension.title.example': { 'zh-CN': '行业风险', en: 'Industry risk' },
  'field.RiskDimension.text.label': { 'zh-CN': '排查要求', en: 'What to examine' },
  'field.RiskDimension.text.hint': { 'zh-CN': '照原方案写出排查重点和门槛数字。', en: 'The focus and the thresholds, as the plan gives them.' },
  'field.RiskDimension.text.example': { 'zh-CN': '单户授信在5000万元以上的企业逐户排查', en: 'Examine each borrower with credit over 50 million yuan' },
  'field.RiskDimension.source.label': { 'zh-CN': '维度出处', en: 'Source of the dimension' },
  'field.RiskDimension.source.hint': { 'zh-CN': '原方案中的条目编号。', en: 'The item number in the plan.' },
  'field.RiskDimension.source.example': { 'zh-CN': '四、（二）1', en: 'IV.(2).1' },
  'item.CampaignTable': { 'zh-CN': '汇总表', en: 'Summary table' },
  'field.CampaignTable.id.label': { 'zh-CN': '表格代码', en: 'Table code' },
  'field.CampaignTable.id.hint': { 'zh-CN': '在本专项排查内唯一。', en: 'Unique in the campaign.' },
  'field.CampaignTable.id.example': { 'zh-CN': 'loan-classification（分类准确性）', en: 'loan-classification' },
  'field.CampaignTable.title.label': { 'zh-CN': '表格名称', en: 'Table title' },
  'field.CampaignTable.title.hint': { 'zh-CN': '上报时使用的表名。', en: 'The title as the table is handed in.' },
  'field.CampaignTable.title.example': { 'zh-CN': '贷款风险分类准确性排查情况汇总表', en: 'Summary of the loan classification accuracy check' },
  'field.CampaignTable.rows.label': { 'zh-CN': '按什么汇总', en: 'Rows are' },
  'field.CampaignTable.rows.hint': { 'zh-CN': '表格每一行是一个贷款类别，还是一个风险维度。', en: 'Whether each row is a loan category or a risk dimension.' },
  'enum.CampaignTable.rows.loan-categories': { 'zh-CN': '贷款排查类别', en: 'The loan categories' },
  'enum.CampaignTable.rows.risk-dimensions': { 'zh-CN': '风险维度', en: 'The risk dimensions' },
  'item.Campaign': { 'zh-CN': '专项排查', en: 'Self-inspection' },
  'field.Campaign.lead.label': { 'zh-CN': '牵头办公室', en: 'Office that leads it' },
  'field.Campaign.lead.hint': { 'zh-CN': '负责组织排查的办公室，从组织机构中选。', en: 'The office that organises it, chosen from the command structure.' },
  'field.Campaign.lead.example': { 'zh-CN': '领导小组办公室', en: 'The leading group’s office' },
  'field.Campaign.window.label': { 'zh-CN': '排查时间', en: 'Window' },
  'field.Campaign.window.hint': {
    'zh-CN': '通常的起止日期（月-日）；网点开始排查时确定具体年份。',
    en: 'The usual start and end (month-day); the branch sets the year when it starts.',
  },
  'item.Campaign.window': { 'zh-CN': '排查时间', en: 'Campaign window' },
  'field.Campaign.window.start.label': { 'zh-CN': '开始', en: 'Starts' },
  'field.Campaign.window.start.hint': { 'zh-CN': '“月-日”，如 03-15。', en: 'Month-day, such as 03-15.' },
  'field.Campaign.window.start.example': { 'zh-CN': '03-15（3月15日）', en: '03-15' },
  'field.Campaign.window.end.label': { 'zh-CN': '结束', en: 'Ends' },
  'field.Campaign.window.end.hint': { 'zh-CN': '“月-日”，如 03-20。', en: 'Month-day, such as 03-20.' },
  'field.Campaign.window.end.example': { 'zh-CN': '03-20（3月20日）', en: '03-20' },
  'field.Campaign.referenceDate.label': { 'zh-CN': '数据截止日', en: 'Data as of' },
  'field.Campaign.referenceDate.hint': { 'zh-CN': '排查以哪一天的数据为准。', en: 'The date whose data the check is based on.' },
  'item.Campaign.referenceDate': { 'zh-CN': '数据截止日', en: 'Reference date' },
  'field.Campaign.referenceDate.monthDay.label': { 'zh-CN': '月-日', en: 'Month and day' },
  'field.Campaign.referenceDate.monthDay.hint': { 'zh-CN': '如 12-31。', en: 'Such as 12-31.' },
  'field.Campaign.referenceDate.monthDay.example': { 'zh-CN': '12-31（12月31日）', en: '12-31' },
  'field.Campaign.referenceDate.yearsBefore.label': { 'zh-CN': '早几年', en: 'Years before' },
  'field.Campaign.referenceDate.yearsBefore.hint': {
    'zh-CN': '比排查所在年份早几年；1 表示上一年。',
    en: 'How many years before the window; 1 is the year before.',
  },
  'field.Campaign.referenceDate.yearsBefore.example': { 'zh-CN': '1（上一年）', en: '1' },
  'field.Campaign.deadline.label': { 'zh-CN': '上报期限', en: 'Report due' },
  'field.Campaign.deadline.hint': { 'zh-CN': '报告须在这一天前上报，“月-日”。', en: 'The report is due by this day, month-day.' },
  'field.Campaign.deadline.example': { 'zh-CN': '03-20（3月20日前）', en: '03-20 (by 20 March)' },
  'field.Campaign.reportTo.label': { 'zh-CN': '报送单位', en: 'Handed in to' },
  'field.Campaign.reportTo.hint': { 'zh-CN': '报告报给谁。', en: 'Who receives the report.' },
  'field.Campaign.reportTo.example': { 'zh-CN': '风险管理经营中心', en: 'The risk management centre' },
  'field.Campaign.units.label': { 'zh-CN': '排查单位', en: 'Units that check' },
  'field.Campaign.units.hint': { 'zh-CN': '各自排查本单位业务的社、部。', en: 'The units that each check their own books.' },
  'field.Campaign.loanCategories.label': { 'zh-CN': '逐笔排查的贷款类别', en: 'Loan categories to check one by one' },
  'field.Campaign.loanCategories.hint': {
    'zh-CN': '需要逐笔排查的贷款情形，照原方案逐条写出。',
    en: 'The kinds of loan checked one by one, item by item as the plan says.',
  },
  'field.Campaign.riskDimensions.label': { 'zh-CN': '重大信用风险维度', en: 'Dimensions of major credit risk' },
  'field.Campaign.riskDimensions.hint': { 'zh-CN': '从哪些维度排查重大信用风险的分布。', en: 'Along which dimensions major credit risk is examined.' },
  'field.Campaign.triggers.label': { 'zh-CN': '风险引爆点与传导路径', en: 'Trigger points and transmission paths' },
  'field.Campaign.triggers.hint': {
    'zh-CN': '报告中对风险引爆点和传导路径必须写明的内容。',
    en: 'What the report must say about trigger points and transmission paths.',
  },
  'field.Campaign.tables.label': { 'zh-CN': '汇总上报表', en: 'Tables to hand in' },
  'field.Campaign.tables.hint': { 'zh-CN': '根据各条记录自动生成并上报的表格。', en: 'The tables generated from the entries and handed in.' },
  'field.Campaign.reportContents.label': { 'zh-CN': '报告内容', en: 'Report contents' },
  'field.Campaign.reportContents.hint': { 'zh-CN': '书面报告的各部分，每部分单独填写。', en: 'The parts of the written report, each written on its own.' },
});
