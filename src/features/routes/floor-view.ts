import { telHref as dial } from '../../domain/phone';
import { bySeverity, floorSafetyRules, routesForFloor, type FloorCall, type FloorLeg, type FloorRoute } from '../../domain/playbook/routes';
import type { Playbook } from '../../domain/playbook/schema';
import type { SafetyRule } from '../../domain/playbook/schema-evacuation';
import { languageOfTag, speaker, type Language, type Speak } from '../../domain/text';
import { playbookMessages } from '../playbooks';
import { messages } from './messages';

type Say = Speak<typeof messages & typeof playbookMessages>;

/** A safety rule with its severity in words ("Danger:"), shown with a marker of its own shape. */
export interface RuleLine {
  readonly id: string;
  readonly severity: SafetyRule['severity'];
  readonly severityText: string;
  readonly text: string;
}

/** One stretch of a way out: the plan's words, then which way, which stairs and where it ends. */
export interface LegLine {
  /** Left out when it repeats the route's instruction word for word (a version 1 route's one leg). */
  readonly text?: string;
  /** "Go up · North stairs · to 1F"; empty when the leg names none of them. */
  readonly detail: string;
}

/** Whom to call from a refuge, and the number: or, said plainly, that the plan has none. */
export interface CallLine {
  readonly label: string;
  readonly number?: string;
  readonly missing?: string;
  readonly why?: string;
}

/** Do not go down: where to wait, what to do there, whom to call. */
export interface StayLine {
  readonly refuge: string;
  readonly actionsTitle: string;
  readonly actions: readonly string[];
  readonly callsTitle: string;
  readonly calls: readonly CallLine[];
}

/** One way out (or one place to wait), worded for staff reading it in a hurry. */
export interface RouteLine {
  readonly id: string;
  readonly kind: FloorRoute['route']['kind'];
  readonly heading: string;
  /** "Condition: …": the condition under which this route is the one to take. */
  readonly when?: string;
  readonly instruction: string;
  readonly legsTitle: string;
  readonly legs: readonly LegLine[];
  readonly stay?: StayLine;
  readonly exit?: string;
  /** Undefined only for a stay-and-wait route that names no assembly point. */
  readonly assembly?: string;
  readonly rulesTitle: string;
  readonly rules: readonly RuleLine[];
  readonly notes?: string;
}

/** Everything a floor page shows, in one language: built the same way for the app and the pre-rendered page. */
export interface FloorView {
  readonly language: string;
  readonly site: string;
  readonly building: string;
  readonly floor: string;
  /** The building's and the floor's safety rules, most severe first: shown before anything else. */
  readonly safetyRulesTitle: string;
  readonly safetyRules: readonly RuleLine[];
  /** What the plan says about this floor in particular: shown before the routes. */
  readonly floorNotes?: { readonly title: string; readonly text: string };
  readonly routes: readonly RouteLine[];
  readonly rulesTitle: string;
  readonly rules: readonly string[];
  readonly shelterTitle: string;
  readonly shelter: readonly string[];
  readonly numbersTitle: string;
  readonly numbers: readonly { label: string; number?: string; missing?: string; notes?: string }[];
}

/**
 * The page's own words: by default in the playbook's language (zh or en), so a floor page reads
 * in one language; the reader passes the reader's language, as for the rest of its labels.
 */
function sayIn(playbookLanguage: string, words?: Language): Say {
  return speaker(words ?? languageOfTag(playbookLanguage), messages, playbookMessages);
}

const HEADING = { primary: 'routes.wayOut', alternate: 'routes.ifBlocked', 'step-free': 'routes.noStairs' } as const;

function ruleLine(rule: SafetyRule, say: Say): RuleLine {
  return { id: rule.id, severity: rule.severity, severityText: say(`routes.severity.${rule.severity}`), text: rule.text };
}

function legLine({ leg, stairway }: FloorLeg, instruction: string, say: Say): LegLine {
  // A stairway's description ("behind the banking hall, past the vault") is how to find it: said with its name.
  const named = stairway ? (stairway.description ? `${stairway.name} (${stairway.description})` : stairway.name) : undefined;
  const way = named ?? (leg.nearest === 'exit' ? say('routes.nearestExit') : leg.nearest === 'stairs' ? say('routes.nearestStairs') : undefined);
  const detail = [leg.direction ? say(`routes.direction.${leg.direction}`) : undefined, way, leg.to ? say('routes.to', { to: leg.to }) : undefined]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
  return { ...(leg.text !== instruction && { text: leg.text }), detail };
}

function callLine({ call, name, phone }: FloorCall, say: Say): CallLine {
  return {
    label: say('routes.stay.call', { name }),
    ...(phone ? { number: phone } : { missing: say('reader.numberMissing') }),
    ...(call.text && { why: call.text }),
  };
}

function routeLine({ route, legs, assemblyPoint, calls }: FloorRoute, say: Say): RouteLine {
  const assembly = assemblyPoint
    ? say('routes.assembleAt', { name: assemblyPoint.name, location: assemblyPoint.location })
    : route.stay
      ? undefined // waiting in a refuge: nobody is sent to an assembly point
      : say('routes.noAssembly');
  return {
    id: route.id,
    kind: route.kind,
    heading: say(HEADING[route.kind]),
    ...(route.when && { when: say('routes.when', { when: route.when }) }),
    instruction: route.instruction,
    legsTitle: say('routes.legs'),
    legs: legs.map((leg) => legLine(leg, route.instruction, say)),
    ...(route.stay && {
      stay: {
        refuge: say('routes.stay.refuge', { refuge: route.stay.refuge }),
        actionsTitle: say('routes.stay.actions'),
        actions: route.stay.actions,
        callsTitle: say('routes.stay.calls'),
        calls: calls.map((c) => callLine(c, say)),
      },
    }),
    ...(route.exit && { exit: say('routes.exit', { exit: route.exit }) }),
    ...(assembly && { assembly }),
    rulesTitle: say('routes.routeRules'),
    rules: bySeverity(route.rules ?? []).map((r) => ruleLine(r, say)),
    ...(route.notes && { notes: route.notes }),
  };
}

/**
 * Rules of one building or floor, most severe first, with the severity in `words` (the plan's
 * language by default): what the reader shows above a building and above each floor. Pure.
 */
export function ruleLines(rules: readonly SafetyRule[] | undefined, playbookLanguage: string, words?: Language): RuleLine[] {
  const say = sayIn(playbookLanguage, words);
  return bySeverity(rules ?? []).map((r) => ruleLine(r, say));
}

/**
 * The floor page of one playbook language version, or undefined when the building or floor is
 * not in it; its own words in `words`, the plan's language by default. Pure: used in the
 * browser and at build time to pre-render each floor's page.
 */
export function floorView(playbook: Playbook, buildingId: string, floorId: string, words?: Language): FloorView | undefined {
  const found = routesForFloor(playbook, buildingId, floorId);
  const first = found?.[0];
  if (!found || !first) return undefined;
  const say = sayIn(playbook.language, words);
  return {
    language: playbook.language,
    site: playbook.organisation,
    building: first.building.name,
    floor: first.floor.label,
    safetyRulesTitle: say('routes.safetyRules'),
    safetyRules: floorSafetyRules(first.building, first.floor).map((r) => ruleLine(r, say)),
    ...(first.floor.notes ? { floorNotes: { title: say('routes.floorNotes'), text: first.floor.notes } } : {}),
    routes: found.map((r) => routeLine(r, say)),
    rulesTitle: say('routes.rules'),
    rules: (playbook.rulesForEveryone ?? []).map((r) => r.text),
    shelterTitle: say('reader.shelter'),
    shelter: (playbook.shelterInPlace ?? []).map((r) => r.text),
    numbersTitle: say('reader.section.numbers'),
    numbers: [
      ...playbook.emergencyNumbers.map((n) => ({
        ...(n.number ? { label: n.label, number: n.number } : { label: n.label, missing: say('routes.numberMissing', { label: n.label }) }),
        ...(n.notes && { notes: n.notes }),
      })),
      ...(playbook.dutyPhone ? [{ label: say('reader.dutyPhone'), number: playbook.dutyPhone }] : []),
    ],
  };
}

export function telHref(number: string): string {
  return dial(number);
}

/** The path of a floor's page: what the QR poster on that floor encodes. */
export function floorPath(playbookId: string, buildingId: string, floorId: string): string {
  return `/routes/${encodeURIComponent(playbookId)}/${encodeURIComponent(buildingId)}/${encodeURIComponent(floorId)}`;
}
