import { samplePlaybook } from '#fixtures/sample-playbook';
import { describe, expect, it } from 'vitest';
import { emergencyKinds, playbooksForKind, twinCovers, twinLanguage, type PlaybookChoiceEntry } from './playbook-choice';

const entry = (id: string, language: string, kind: string, title = `${id} (${language})`): PlaybookChoiceEntry => ({ id, language, kind, title });

/** The device's library as the start screen sees it: the four shipped plans and Riverside imported in both languages. */
const library = [
  entry('fire-evacuation', 'en', 'fire'),
  entry('fire-evacuation', 'zh-CN', 'fire'),
  entry('flood-emergency', 'en', 'flood'),
  entry('flood-emergency', 'zh-CN', 'flood'),
  entry('riverside-flood', 'en', 'flood'),
  entry('riverside-flood', 'zh-CN', 'flood'),
];

const offered = (offers: ReturnType<typeof playbooksForKind>) => offers.map((o) => `${o.plan.id}/${o.plan.language}`);

describe('the start screen asks the kind of emergency first', () => {
  it('a flood on a Chinese phone offers the flood plans once each, in Chinese, never the fire plan', () => {
    const offers = playbooksForKind(library, 'flood', 'zh-CN');
    expect(offered(offers)).toEqual(['flood-emergency/zh-CN', 'riverside-flood/zh-CN']);
    expect(offers.map((o) => o.twins.map((t) => t.language))).toEqual([['en'], ['en']]);
  });

  it('a fire on an English phone offers the fire plan in English, with its Chinese twin on request', () => {
    const [only, ...rest] = playbooksForKind(library, 'fire', 'en');
    expect(rest).toEqual([]);
    expect(only?.plan).toEqual(entry('fire-evacuation', 'en', 'fire'));
    expect(only?.twins).toEqual([entry('fire-evacuation', 'zh-CN', 'fire')]);
  });

  it('a plan with no version in the device language is still offered, after those that have one', () => {
    const withChineseOnly = [entry('zz-branch-flood', 'zh-CN', 'flood'), entry('aa-annex-flood', 'zh-CN', 'flood'), ...library];
    expect(offered(playbooksForKind(withChineseOnly, 'flood', 'en'))).toEqual([
      'flood-emergency/en',
      'riverside-flood/en',
      'aa-annex-flood/zh-CN',
      'zz-branch-flood/zh-CN',
    ]);
  });

  it('matches a language by its first part when the exact tag is missing', () => {
    const offers = playbooksForKind([entry('p', 'en', 'fire'), entry('p', 'zh', 'fire')], 'fire', 'zh-CN');
    expect(offered(offers)).toEqual(['p/zh']);
  });

  it('offers nothing for a kind with no plan on the device', () => {
    expect(playbooksForKind(library, 'other', 'en')).toEqual([]);
  });

  it('asks about flood and fire always, then any other kind a playbook on the device has', () => {
    expect(emergencyKinds([])).toEqual(['flood', 'fire']);
    expect(emergencyKinds([...library, entry('gas', 'en', 'other')])).toEqual(['flood', 'fire', 'other']);
  });
});

describe('a twin stands in for the recorded playbook when it names the same steps', () => {
  it('the same plan in another language covers it', () => {
    const chinese = { ...samplePlaybook(), language: 'zh-CN' };
    expect(twinCovers(samplePlaybook(), chinese)).toBe(true);
  });

  it('a twin missing a step, or another playbook, does not', () => {
    const recorded = samplePlaybook();
    const short = samplePlaybook();
    short.phases[0]?.steps.pop();
    expect(twinCovers(recorded, short)).toBe(false);
    expect(twinCovers(recorded, { ...samplePlaybook(), id: 'other' })).toBe(false);
    expect(recorded.aftermath.length).toBeGreaterThan(0);
    expect(twinCovers(recorded, { ...samplePlaybook(), aftermath: [] })).toBe(false);
  });
});

describe('which language a twin is looked for in', () => {
  it('none when the recorded playbook already reads in the app language, whatever its region; else the app language', () => {
    expect(twinLanguage('en', 'en')).toBeNull();
    expect(twinLanguage('en-GB', 'en')).toBeNull();
    expect(twinLanguage('zh-Hans-CN', 'zh-CN')).toBeNull();
    expect(twinLanguage('zh-CN', 'en')).toBe('en');
    expect(twinLanguage('en-GB', 'zh-CN')).toBe('zh-CN');
  });
});
