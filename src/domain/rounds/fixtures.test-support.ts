import { TZDate } from '@date-fns/tz';

/** Tests only: "2026-03-10 08:30" as a moment on the wall clocks of `timeZone`. */
export function localTime(text: string, timeZone: string): number {
  const [date = '', time = '00:00'] = text.split(' ');
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  return new TZDate(y, m - 1, d, h, min, timeZone).getTime();
}
