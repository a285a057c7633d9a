import { telHref as dial } from '../../domain/phone';
import { routesForFloor } from '../../domain/playbook/routes';
import type { Playbook } from '../../domain/playbook/schema';
import { languageOfTag, speaker, type Language } from '../../domain/text';
import { playbookMessages } from '../playbooks';
import { messages } from './messages';

/** One way out, worded for staff reading it in a hurry. */
interface RouteLine {
  readonly id: string;
  readonly kind: 'primary' | 'alternate' | 'step-free';
  readonly heading: string;
  readonly instruction: string;
  readonly via: string;
  readonly direction: string;
  readonly exit?: string;
  readonly assembly: string;
  readonly notes?: string;
}

/** Everything a floor page shows, in one language: built the same way for the app and the pre-rendered page. */
export interface FloorView {
  readonly language: string;
  readonly site: string;
  readonly building: string;
  readonly floor: string;
  /** What the plan says about this floor in particular ("never take the car lift"): shown before the routes. */
  readonly floorNotes?: { readonly title: string; readonly text: string };
  readonly routes: readonly RouteLine[];
  readonly rulesTitle: string;
  readonly rules: readonly string[];
  readonly shelterTitle: string;
  readonly shelter: readonly string[];
  readonly numbersTitle: string;
  readonly numbers: readonly { label: string; number?: string; missing?: string }[];
}

/** Text of the app in the playbook's own language (zh or en), so a page reads in one language. */
function uiLanguageOf(playbookLanguage: string): Language {
  return languageOfTag(playbookLanguage);
}

/**
 * The floor page of one playbook language version, or undefined when the building or floor is
 * not in it. Pure: used in the browser and at build time to pre-render each floor's page.
 */
export function floorView(playbook: Playbook, buildingId: string, floorId: string): FloorView | undefined {
  const found = routesForFloor(playbook, buildingId, floorId);
  const first = found?.[0];
  if (!found || !first) return undefined;
  const l = uiLanguageOf(playbook.language);
  const say = speaker(l, messages, playbookMessages);
  const heading: Record<RouteLine['kind'], keyof typeof messages> = { primary: 'routes.wayOut', alternate: 'routes.ifBlocked', 'step-free': 'routes.noStairs' };
  return {
    language: playbook.language,
    site: playbook.organisation,
    building: first.building.name,
    floor: first.floor.label,
    ...(first.floor.notes ? { floorNotes: { title: say('routes.floorNotes'), text: first.floor.notes } } : {}),
    routes: found.map(({ route, legs, assemblyPoint }) => ({
      id: route.id,
      kind: route.kind,
      heading: say(heading[route.kind]),
      instruction: route.instruction,
      via: say('routes.via', { way: legs[0]?.stairway?.name ?? say(legs[0]?.leg.nearest === 'exit' ? 'routes.nearestExit' : 'routes.nearestStairs') }),
      direction: legs[0]?.leg.direction && legs[0].leg.direction !== 'along' ? say(`routes.direction.${legs[0].leg.direction}`) : '',
      ...(route.exit ? { exit: say('routes.exit', { exit: route.exit }) } : {}),
      assembly: assemblyPoint ? say('routes.assembleAt', { name: assemblyPoint.name, location: assemblyPoint.location }) : say('routes.noAssembly'),
      ...(route.notes ? { notes: route.notes } : {}),
    })),
    rulesTitle: say('routes.rules'),
    rules: (playbook.rulesForEveryone ?? []).map((r) => r.text),
    shelterTitle: say('reader.shelter'),
    shelter: (playbook.shelterInPlace ?? []).map((r) => r.text),
    numbersTitle: say('reader.section.numbers'),
    numbers: [
      ...playbook.emergencyNumbers.map((n) =>
        n.number ? { label: n.label, number: n.number } : { label: n.label, missing: say('routes.numberMissing', { label: n.label }) },
      ),
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
