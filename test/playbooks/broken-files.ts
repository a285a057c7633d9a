import type { Issue } from '../../src/domain/validation';

/**
 * The broken playbook files in test/playbooks/broken/ and what the validator must say about
 * each. Each file is the valid sample playbook (src/domain/playbook/sample-playbook.ts) with one
 * mistake a safety officer might make, saved to disk.
 */
export const BROKEN_FILES: Record<string, Issue[]> = {
  'bad-language.json': [{ path: 'language', message: 'expected a BCP 47 language tag such as "zh-CN" or "en", got the text "zh_CN"' }],
  'duplicate-step-id.json': [
    { path: 'phases[1].steps[0].id', message: 'duplicate id "step.alarm.report", already used at phases[0].steps[0].id; step ids must be unique in the whole playbook' },
  ],
  'duplicate-field.json': [
    {
      path: 'buildings[1].floors[0].routes',
      message: 'field given twice, at line 230, column 11 and line 239, column 11; JSON keeps only the last, so remove one',
    },
    { path: 'buildings[1].floors[0].routes', message: 'a floor needs at least one evacuation route, found none' },
  ],
  'empty.json': [{ path: '', message: 'the file is empty; expected a playbook as a JSON object' }],
  'floor-without-route.json': [{ path: 'buildings[1].floors[0].routes', message: 'a floor needs at least one evacuation route, found none' }],
  'gbk-encoded.json': [{ path: '', message: 'the file is not UTF-8 text (byte 156 is 0xc3); save it as UTF-8' }],
  'missing-id.json': [{ path: 'id', message: 'missing; expected a text' }],
  'negative-target-minutes.json': [{ path: 'phases[0].steps[0].targetMinutes', message: 'expected a number of at least 0, got -5' }],
  'trailing-comma.json': [{ path: '', message: 'invalid JSON at line 301, column 1: expected another field after ",", found "}"; JSON allows no comma before "}"' }],
  'unknown-assembly-point.json': [
    { path: 'buildings[0].floors[0].routes[0].assemblyPoint', message: 'unknown assembly point "front-square"; expected one of "car-park" from assemblyPoints' },
  ],
  'unknown-field.json': [{ path: 'phases[0].steps[0].ownr', message: 'unknown field; did you mean "owner"?' }],
  'unknown-owner.json': [
    {
      path: 'phases[1].steps[0].owner',
      message:
        'unknown role, group, team or position "ghost"; expected one of "hq", "hq.commander", "hq.deputy", "hq.members", "fire-team", "fire-team.leader", "fire-team.extinguisher", "discoverer", "on-duty-lead" from command',
    },
  ],
  'version-not-semver.json': [{ path: 'version', message: 'expected a semantic version such as "1.0.0", got the text "v1"' }],
  'wrong-kind.json': [{ path: 'kind', message: 'expected one of "flood", "fire", "other", got the text "earthquake"' }],
  'wrong-types.json': [
    { path: 'phases[0].steps[0].critical', message: 'expected true or false, got the text "yes"' },
    { path: 'buildings[0].floors[0].level', message: 'expected a number, got the text "1"' },
  ],
};
