import { describe, expect, it } from 'vitest';
import type { Finding } from './findings';
import type { PathSegment } from './json-path';
import { speak } from './messages';
import { sayRepeatsOnce } from './repeated';

const en = speak('en');
const zh = speak('zh-CN');

/** A building of `n` floors labelled 1F, 2F, …, as a file would have it. */
function building(n: number) {
  return { buildings: [{ name: 'Tower', floors: Array.from({ length: n }, (_, i) => ({ label: `${i + 1}F`, routes: [{ id: 'primary' }, { id: 'lift' }] })) }] };
}

function error(at: PathSegment[], message: string): Finding {
  return { at, severity: 'error', message };
}

describe('one mistake repeated in many places', () => {
  it('is said once, at the first path, with how many floors and which', () => {
    const doc = building(12);
    const findings = Array.from({ length: 12 }, (_, f) => error(['buildings', 0, 'floors', f, 'routes', 1, 'kind'], en('route.stayNotStepFree')));
    const said = sayRepeatsOnce(findings, doc, en);
    expect(said).toEqual([
      {
        at: ['buildings', 0, 'floors', 0, 'routes', 1, 'kind'],
        severity: 'error',
        placeDepth: 2,
        message:
          'a route that says to stay and wait must be of kind "step-free"; staff who can use the stairs must get out (on 12 floors: "1F", "2F", "3F", "4F", "5F", "6F", "7F", "8F" and 4 more)',
      },
    ]);
  });

  it('is said once in Chinese too, with the measure word of floors', () => {
    const doc = building(3);
    const findings = [0, 1, 2].map((f) => error(['buildings', 0, 'floors', f], zh('floor.noWayOutAlways')));
    expect(sayRepeatsOnce(findings, doc, zh).map((f) => f.message)).toEqual([`${zh('floor.noWayOutAlways')}（共 3 个楼层："1F"、"2F"、"3F"）`]);
  });

  it('keeps apart what differs in its words, in its severity, or in more than one index', () => {
    const doc = building(3);
    const findings = [
      error(['buildings', 0, 'floors', 0, 'routes', 0, 'kind'], 'wrong'),
      error(['buildings', 0, 'floors', 1, 'routes', 0, 'kind'], 'also wrong'),
      { ...error(['buildings', 0, 'floors', 2, 'routes', 0, 'kind'], 'wrong'), severity: 'warning' as const },
      error(['buildings', 0, 'floors', 2, 'routes', 1, 'kind'], 'wrong'),
    ];
    expect(sayRepeatsOnce(findings, doc, en)).toEqual(findings);
  });

  it('joins the routes of one floor when they are what differs, and keeps the order of first appearance', () => {
    const doc = building(1);
    const findings = [
      error(['version'], 'first'),
      error(['buildings', 0, 'floors', 0, 'routes', 0, 'legs'], 'missing'),
      error(['id'], 'between'),
      error(['buildings', 0, 'floors', 0, 'routes', 1, 'legs'], 'missing'),
    ];
    expect(sayRepeatsOnce(findings, doc, en).map((f) => f.message)).toEqual(['first', 'missing (in 2 routes: "primary", "lift")', 'between']);
  });

  it('never joins problems already placed in the text: each field given twice is its own place', () => {
    const doc = building(2);
    const findings = [0, 1].map((f, i): Finding => ({ ...error(['buildings', 0, 'floors', f, 'routes'], 'twice'), offset: 100 * (i + 1) }));
    expect(sayRepeatsOnce(findings, doc, en)).toEqual(findings);
  });
});
