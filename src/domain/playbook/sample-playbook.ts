import type { Playbook } from './schema';

/**
 * A small playbook that uses every part of the schema, for tests: a headquarters with a
 * group and a sub-team, stand-alone roles, interim command, two phases, two buildings with
 * stairways and an assembly point, preparation and aftermath. A fresh copy on every call, so
 * a test may change it freely.
 */
export function samplePlaybook(): Playbook {
  return {
    $schema: './playbook.schema.json',
    id: 'sample-fire',
    version: '1.0.0',
    language: 'en',
    kind: 'fire',
    hazard: 'Fire',
    title: 'Sample fire plan',
    summary: 'A small plan for tests.',
    organisation: 'Sample Branch',
    dutyPhone: '0316 1234 5678',
    purpose: 'To test the validator.',
    scope: ['The sample building.'],
    legalBasis: ['Fire Protection Law'],
    principles: [{ id: 'principle.people-first', title: 'People first', text: 'Lives come first.' }],
    command: {
      description: 'The sample organisation.',
      headquarters: {
        id: 'hq',
        name: 'Headquarters',
        leader: { id: 'hq.commander', title: 'Commander', heldBy: 'President' },
        deputies: [{ id: 'hq.deputy', title: 'Deputy Commander', heldBy: 'Vice President' }],
        members: [{ id: 'hq.members', title: 'Members', heldBy: 'Heads of departments' }],
        duties: ['Command the response.'],
        location: 'Security Department',
      },
      groups: [
        {
          id: 'fire-team',
          name: 'Volunteer Fire Team',
          leader: { id: 'fire-team.leader', title: 'Team Leader' },
          duties: ['Fight the fire.'],
          teams: [{ id: 'fire-team.extinguisher', name: 'Extinguisher Team' }],
        },
      ],
      roles: [
        { id: 'discoverer', title: 'Person who discovers the fire' },
        { id: 'on-duty-lead', title: 'Leader on duty' },
      ],
      interimCommand: { when: 'At night', role: 'on-duty-lead', until: 'until the Commander arrives', duties: ['Take command.'] },
    },
    emergencyNumbers: [
      { id: 'fire-119', label: 'Fire service', number: '119' },
      { id: 'duty-phone', label: 'Duty phone' },
    ],
    phases: [
      {
        id: 'phase.alarm',
        title: 'Raise the alarm',
        steps: [
          { id: 'step.alarm.report', text: 'Report the fire.', owner: 'discoverer', critical: true, targetMinutes: 0 },
          { id: 'step.alarm.call-119', text: 'Call 119.', owner: 'discoverer', support: ['on-duty-lead'] },
        ],
      },
      {
        id: 'phase.respond',
        title: 'Respond',
        steps: [
          {
            id: 'step.respond.firefight',
            text: 'Fight the fire.',
            owner: 'fire-team',
            items: [
              { id: 'choose', text: 'Choose the extinguisher.' },
              { id: 'enter', text: 'Go in together.' },
            ],
          },
        ],
      },
    ],
    rulesForEveryone: [{ id: 'rule.no-elevator', text: 'Never use the elevator.' }],
    shelterInPlace: [{ id: 'shelter.wet-towel', text: 'Cover your mouth and nose with a wet towel.' }],
    stairways: [
      { id: 'central-staircase', name: 'Central staircase', kind: 'stairs' },
      { id: 'west-fire-escape', name: 'West fire escape', kind: 'fire-escape' },
    ],
    assemblyPoints: [{ id: 'car-park', name: 'Car park', location: 'North side of the building' }],
    buildings: [
      {
        id: 'main',
        name: 'Main building',
        floors: [
          {
            id: 'floor-1',
            label: 'Floor 1',
            level: 1,
            routes: [
              { id: 'primary', kind: 'primary', nearest: 'exit', direction: 'out', instruction: 'Leave by the nearest exit.', assemblyPoint: 'car-park' },
            ],
          },
          {
            id: 'floor-2',
            label: 'Floor 2',
            level: 2,
            routes: [
              { id: 'alternate', kind: 'alternate', nearest: 'stairs', direction: 'down', instruction: 'Go down by the nearest stairs.' },
              {
                id: 'primary',
                kind: 'primary',
                stairway: 'central-staircase',
                direction: 'down',
                instruction: 'Go down by the central staircase.',
                assemblyPoint: 'car-park',
              },
            ],
          },
        ],
      },
      {
        id: 'annex',
        name: 'Annex',
        floors: [
          {
            id: 'floor-1',
            label: 'Floor 1',
            routes: [{ id: 'primary', kind: 'primary', stairway: 'west-fire-escape', direction: 'down', instruction: 'Go down by the west fire escape.' }],
          },
        ],
      },
    ],
    preparation: {
      tasks: [{ id: 'prep.drains', title: 'Drains', text: 'Clear the drains.', owner: 'hq' }],
      keyAreas: {
        text: 'These places need particular protection.',
        owner: 'hq',
        areas: [{ id: 'computer-room', name: 'Computer room' }],
        requirements: [{ id: 'key-area.signs', text: 'Clear fire safety signs.' }],
      },
      schedule: [{ id: 'drill.half-yearly', kind: 'drill', text: 'Drill every six months.', owner: 'hq', times: 1, per: 'half-year' }],
    },
    requirements: [{ id: 'requirement.posts', text: 'Stay at your post.' }],
    aftermath: [
      { id: 'aftermath.losses', category: 'losses', text: 'Count the losses.' },
      { id: 'aftermath.plan-revision', category: 'plan-revision', text: 'Revise the plan.', owner: 'hq' },
    ],
    notes: ['Made for tests.'],
  };
}
