/**
 * The zone the device's calendar counts days in (a branch's phones sit in its zone): the rounds'
 * "due today" and the drills' calendar are cut in it. Read at the edge, never in the domain, and
 * read afresh each time (a phone carried into another zone, or set to one, counts days there at once).
 * An engine that names no zone gets UTC rather than nothing.
 */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
