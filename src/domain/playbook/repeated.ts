import type { Finding } from './findings';
import { formatPath, type PathSegment } from './json-path';
import type { Say } from './messages';
import { entryLabel, thingOfList, valueAt } from './places';

/**
 * One mistake made on many floors is one thing to fix, not twelve lines to read: findings with
 * the same severity and the same words, at paths that differ only in one list index (the same
 * field of the same route on floors 1F to 12F), are said once, at the first path, with how many
 * and which: "… (on 12 floors: "1F", "2F", … and 4 more)". Labels come from the file.
 */

/** `at` with the index at position `k` left open, as a key. */
function keyWithout(at: readonly PathSegment[], k: number): string {
  return formatPath(at.map((seg, i) => (i === k ? '*' : seg)));
}

function indexPositions(at: readonly PathSegment[]): number[] {
  return at.flatMap((seg, i) => (typeof seg === 'number' ? [i] : [])).reverse();
}

/**
 * The findings with repeats said once, in the order of their first occurrence, worded by `say`;
 * `doc` is the file as written, for the labels. Findings that were already placed in the text
 * (a field given twice) are never joined: each is its own place in the file.
 */
export function sayRepeatsOnce(findings: readonly Finding[], doc: unknown, say: Say): Finding[] {
  const joined = new Map<Finding, { members: Finding[]; position: number }>();
  const taken = new Set<Finding>();
  // Deepest index first: the same mistake on one route of many floors varies at `floors[…]`.
  const depth = Math.max(0, ...findings.map((f) => f.at.length));
  for (let d = depth; d >= 0; d--) {
    const buckets = new Map<string, Finding[]>();
    for (const f of findings) {
      if (taken.has(f) || f.offset !== undefined || !indexPositions(f.at).includes(d)) continue;
      const key = `${f.severity}\u0000${f.message}\u0000${keyWithout(f.at, d)}`;
      buckets.set(key, [...(buckets.get(key) ?? []), f]);
    }
    for (const members of buckets.values()) {
      if (members.length < 2 || !members[0]) continue;
      joined.set(members[0], { members, position: d });
      members.forEach((m) => taken.add(m));
    }
  }
  return findings.flatMap((f): Finding[] => {
    const group = joined.get(f);
    if (!group) return taken.has(f) ? [] : [f];
    const field = f.at[group.position - 1];
    const list = valueAt(doc, f.at.slice(0, group.position));
    const labels = group.members.map((m) => entryLabel(list, field, Number(m.at[group.position])));
    const message = say('issue.repeated', { message: f.message, thing: thingOfList(field) ?? 'entry', count: labels.length, labels });
    return [{ at: f.at, severity: f.severity, message, placeDepth: group.position - 1 }];
  });
}
