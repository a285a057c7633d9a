import type { Language } from '../../domain/text';

const UNITS = [
  { unit: 'gigabyte', size: 1e9 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'kilobyte', size: 1e3 },
] as const;

const formats = new Map<string, Intl.NumberFormat>();

function format(language: Language, unit: string): Intl.NumberFormat {
  const key = `${language}|${unit}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
    formats.set(key, f);
  }
  return f;
}

/**
 * A byte count as a person reads it, in decimal units as the OS storage screens show them:
 * "12.3 MB", "1.5 GB", "0 kB". Same units in Chinese (MB and GB are what phones show there too).
 */
export function formatBytes(language: Language, bytes: number): string {
  const b = Math.max(0, bytes);
  const pick = UNITS.find((u) => b >= u.size) ?? UNITS[2];
  return format(language, pick.unit).format(b / pick.size);
}
