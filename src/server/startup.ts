import { isIP } from 'node:net';
import { UTCDate } from '@date-fns/utc';
import { lightFormat } from 'date-fns';
import { addressProblem, isLoopbackHost } from '../domain/address';
import { languageOfTag, speaker, type Language } from '../domain/text';
import { messages } from './messages';
import { daysUntilExpiry, EXPIRY_WARNING_DAYS, type TlsMaterial } from './tls';

/** What the start-up message is made from; gathered by main.ts, so this stays testable. */
export interface StartupFacts {
  /** Where the server listens, as printed first. */
  url: string;
  dataDir: string;
  host: string;
  https: boolean;
  tls?: Pick<TlsMaterial, 'names' | 'expires' | 'certFile' | 'authority'>;
  publicUrl?: string;
  httpPort?: number;
  trustProxy: boolean;
  /** This PC's network addresses (IPv4, not loopback), for "open http://… on a phone". */
  lanAddresses: readonly string[];
  now: Date;
}

export interface StartupMessage {
  /** For stdout: where it runs and what to do next. */
  info: string[];
  /** For stderr: what stops phones from working. */
  warnings: string[];
}

/** The console's language: MUSTER_LANGUAGE, else the locale (LC_ALL, LC_MESSAGES, LANG); English when none. */
export function consoleLanguage(env: Record<string, string | undefined>): Language {
  const tag = [env.MUSTER_LANGUAGE, env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== '');
  return languageOfTag(tag ?? 'en');
}

/**
 * The lines `npm start` prints once the server listens: where it runs, whether HTTPS is on,
 * how to open it on a phone, enrol a device and print posters; and, on stderr, the warnings
 * that mean phones will not work offline.
 */
export function startupMessage(facts: StartupFacts, language: Language): StartupMessage {
  const say = speaker(language, messages);
  const info = [say('start.running', { url: facts.url, dataDir: facts.dataDir })];
  const warnings: string[] = [];
  const initCommand = tlsInitCommand(facts);
  // 0.0.0.0 is "every interface": open to the network, though as an address it names this PC.
  const exposed = facts.host === '0.0.0.0' || facts.host === '::' || !isLoopbackHost(facts.host);

  if (facts.tls) {
    info.push(say('start.https.on', { names: facts.tls.names.join(', '), date: day(facts.tls.expires), file: facts.tls.certFile }));
  } else if (facts.trustProxy) {
    info.push(say('start.https.proxy'));
  } else {
    info.push(say('start.https.off', { command: initCommand }));
    if (exposed) warnings.push(say('start.insecure', { host: facts.host, command: initCommand }));
  }

  const port = new URL(facts.url).port;
  const lanUrl = facts.lanAddresses[0] === undefined ? undefined : `${facts.https ? 'https' : 'http'}://${facts.lanAddresses[0]}:${port}`;
  const address = facts.publicUrl ?? (exposed ? lanUrl : undefined) ?? facts.url.replace(/\/$/, '');
  info.push(say('start.phone', { address }));
  if (facts.tls?.authority !== undefined) {
    const caBase = facts.httpPort === undefined ? address : `http://${new URL(address).hostname}:${facts.httpPort}`;
    info.push(say('start.phone.ca', { address: `${caBase}/ca` }));
  }
  info.push(say('start.enrol'));
  info.push(addressProblem(address) === undefined ? say('start.posters', { address }) : say('start.posters.noAddress', { command: initCommand }));

  if (facts.tls) warnings.push(...certificateWarnings(facts.tls, facts.now, language));
  return { info, warnings };
}

/** The expiry warning, from EXPIRY_WARNING_DAYS before; none while the certificate is far from it. */
export function certificateWarnings(tls: Pick<TlsMaterial, 'names' | 'expires' | 'certFile' | 'authority'>, now: Date, language: Language): string[] {
  const say = speaker(language, messages);
  const days = daysUntilExpiry(tls, now);
  if (days > EXPIRY_WARNING_DAYS) return [];
  const command = tls.authority === undefined ? say('start.certificate.replaceOwn', { file: tls.certFile }) : tlsInitCommand({ tls });
  const date = day(tls.expires);
  return [
    tls.expires.getTime() <= now.getTime() ? say('start.certificate.expired', { date, command }) : say('start.certificate.expiring', { date, days, command }),
  ];
}

/** `npm run admin -- tls init …` with the names already in use, or placeholders for a first run. */
function tlsInitCommand({ tls }: { tls?: Pick<TlsMaterial, 'names'> }): string {
  const names = tls?.names ?? [];
  const flags = names.length === 0 ? ['--name <name of this PC>', '--ip <its address>'] : names.map((n) => (isIP(n) === 0 ? `--name ${n}` : `--ip ${n}`));
  return `npm run admin -- tls init ${flags.join(' ')}`;
}

/** A date a person reads on the console, in UTC like the rest of the server's log. */
function day(date: Date): string {
  return `${lightFormat(new UTCDate(date.getTime()), 'yyyy-MM-dd')} UTC`;
}
