/** JSON paths as issues name them: `phases[2].steps[0].owner`. */

export type PathSegment = PropertyKey;

/** `["phases", 2, "steps", 0, "owner"]` → `phases[2].steps[0].owner`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** `phases[2].steps[0]["x y"]` → `["phases", 2, "steps", 0, "x y"]`: the inverse of `formatPath`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const token = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  while (token.lastIndex < path.length) {
    const at = token.lastIndex;
    const m = token.exec(path);
    if (!m || m.index !== at) return segments;
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(JSON.parse(m[3] ?? '""') as string);
  }
  return segments;
}
