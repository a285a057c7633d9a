/**
 * Compares two semantic versions (semver.org rule 11): major, minor, patch as numbers; a
 * pre-release sorts before its release; build metadata is ignored. Returns <0, 0 or >0.
 * Pure; used to decide whether an imported playbook is newer than the one on the device.
 */
export function compareSemver(a: string, b: string): number {
  const pa = split(a);
  const pb = split(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa.core[i] ?? 0) - (pb.core[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre.length === 0 || pb.pre.length === 0) return pb.pre.length - pa.pre.length;
  for (let i = 0; i < Math.max(pa.pre.length, pb.pre.length); i++) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Number(x) - Number(y);
    if (nx) return -1;
    if (ny) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function split(v: string): { core: number[]; pre: string[] } {
  const [main = '', ...rest] = v.split('+')[0]?.split('-') ?? [];
  return { core: main.split('.').map((n) => Number(n) || 0), pre: rest.length ? rest.join('-').split('.') : [] };
}
