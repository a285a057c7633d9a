import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { addressProblem } from '../domain/address';
import { DEFAULT_ENROLMENT_HOURS, MAX_ENROLMENT_HOURS } from '../domain/enrolment';
import { DEFAULT_DEVICE_ROLE, DEVICE_ROLES, type DeviceRole } from '../domain/playbook-publish';
import { ConfigError, parsePort, parsePublicUrl } from './config';
import { backupCommand, restoreCommand } from './admin-backup';
import { migrateCommand } from './admin-migrate';
import type { EventStore, OrgRecord } from './storage/types';
import { initTls, loadTls, publicUrlFile, TLS_FILES, TlsError } from './tls';
import { hashEnrolmentCode, newEnrolmentCode, newOrgId, newTokenId } from './tokens';

/**
 * `npm run admin -- …`: organisations and device tokens, run on the server machine against
 * the same DATA_DIR as the server (it may be running: SQLite's WAL lets both use the file, and
 * a revocation takes effect on the next request because tokens are not cached).
 */
const ADMIN_USAGE = `Usage: npm run admin -- <command>

  org create <name> [--id <id>] [--parent <org-id>]
                                      create an organisation; prints its id. With
                                      --parent it is a branch of that organisation (a
                                      region, a head office): head office sees it
  org parent <org-id> <parent-id>|none
                                      put an existing organisation under another one, or
                                      under none (a top organisation again)
  org list                            list organisations as a tree, each branch under
                                      the organisation it reports to
  org key <org-id>                    print the organisation's public key, which checks
                                      the server's countersignature on reports
  device add <org-id> <label> [--role member|editor|head-office] [--expires <hours>] [--url <public address>] [--no-qr] [--insecure]
                                      prints an enrolment link (and its QR code) to open
                                      once on the phone. The link carries a one-time code,
                                      not a token: the phone trades it for a token of its
                                      own. It works once, within 24 hours unless --expires
                                      says otherwise (at most 168).
                                      A member syncs and reads the published playbooks;
                                      an editor may also publish them (default: member).
                                      A head-office device reads, live, the events of
                                      every organisation below its own (its branches,
                                      their branches…) and writes nothing: it pushes no
                                      events and publishes no playbooks
  device list <org-id>                list the devices of an organisation, with their roles,
                                      and the enrolment links not used yet
  device role <token-id> member|editor|head-office
                                      change what a device may do, from its next request
  device revoke <token-id>            revoke a device's token at once (or withdraw its
                                      enrolment link, if it has not been used)
  tls init [--name <host name>]… [--ip <address>]…
                                      make this server's HTTPS certificate, signed by a
                                      certificate authority of the branch's own (made on
                                      the first run); run again to renew it
  backup <file>                       copy the whole database to <file>, consistently,
                                      while the server runs
  restore <file>                      put a backup in place of the database (stop the
                                      server first); devices then pull everything again
                                      and send back their own records the backup lacks
  migrate --to <postgres://…>         copy this SQLite database into an empty PostgreSQL
                                      one (stop the server first), check it table by
                                      table, and say what was copied. Then start the
                                      server with DATABASE_URL; devices go on syncing
  epoch renew                         give the database a new identity, after it was put
                                      back from a dump by other means (pg_restore):
                                      devices then pull everything again

The database is the server's: PostgreSQL when DATABASE_URL is set, else the SQLite file in
DATA_DIR. The data folder is DATA_DIR (default ./data), as for the server. The public address is where
phones reach this server, e.g. https://muster.branch.lan:8443. When --url is not given it is
PUBLIC_URL, else the address the server noted on its last start, else the first name given to
tls init with PORT. A plain http://
address other than localhost is refused, because phones cannot work offline there; --insecure
issues the link anyway.`;

/** A mistake in the command line; the message says what to type instead. */
export class AdminUsageError extends Error {
  override readonly name = 'AdminUsageError';
}

interface AdminIo {
  out(line: string): void;
  now(): number;
  env: Record<string, string | undefined>;
  /** DATA_DIR, absolute: where tls init writes and device add finds the certificate's name. */
  dataDir: string;
}

const ORG_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Runs one admin command. Throws AdminUsageError for a wrong command line. */
export async function runAdmin(args: readonly string[], store: EventStore, io: AdminIo): Promise<void> {
  const { positional, flags } = parseArgs(args);
  const [group, action, ...rest] = positional;
  const at = new Date(io.now()).toISOString();
  const command = `${group ?? ''} ${action ?? ''}`.trim();

  // One-word commands whose argument is a file name.
  if (group === 'backup') return backupCommand(store, positional.slice(1), io, (m) => new AdminUsageError(m));
  if (group === 'restore') return restoreCommand(store, positional.slice(1), io, (m) => new AdminUsageError(m));
  if (group === 'migrate') {
    const to = flagValue(flags, 'to');
    await migrateCommand(store, positional.slice(1), new Map(to === undefined ? [] : [['to', to]]), io, (m) => new AdminUsageError(m));
    return;
  }
  switch (command) {
    case 'org create': {
      const name = rest.join(' ').trim();
      if (name === '') throw new AdminUsageError('Give the organisation a name: org create "Shenzhen Branch"');
      const id = flagValue(flags, 'id') ?? newOrgId();
      if (!ORG_ID_PATTERN.test(id))
        throw new AdminUsageError(`--id must be 2-63 lower-case letters, digits or "-", starting with a letter or digit; got "${id}"`);
      if (await store.getOrg(id)) throw new AdminUsageError(`An organisation with id ${id} already exists`);
      const parentId = flagValue(flags, 'parent');
      const parent = parentId === undefined ? undefined : await store.getOrg(parentId);
      if (parentId !== undefined && !parent) {
        throw new AdminUsageError(`No organisation ${parentId} to put "${name}" under. See: npm run admin -- org list (or create that one first)`);
      }
      const org = await store.createOrg({ id, name, parentId: parent?.id ?? null }, at);
      io.out(`Created organisation ${org.id} (${org.name})${parent ? `, under ${parent.name} (${parent.id})` : ''}.`);
      if (parent) io.out(`Head-office devices of ${parent.id} and of the organisations above it see its events, read only.`);
      io.out(`Next: npm run admin -- device add ${org.id} "Commander's tablet" --url https://your-server`);
      return;
    }
    case 'org parent': {
      const [orgId, parentWord, ...more] = rest;
      if (orgId === undefined || parentWord === undefined || more.length > 0) {
        throw new AdminUsageError('Say which organisation goes under which: org parent <org-id> <parent-id>, or org parent <org-id> none (see org list)');
      }
      const org = await store.getOrg(orgId);
      if (!org) throw new AdminUsageError(`No organisation ${orgId}. See: npm run admin -- org list`);
      const parentId = parentWord === 'none' ? null : parentWord;
      if (parentId !== null) {
        const parent = await store.getOrg(parentId);
        if (!parent) throw new AdminUsageError(`No organisation ${parentId} to put ${org.id} under. See: npm run admin -- org list (or "none" for no parent)`);
        // The tree must stay a tree: head office reads everything below it, and a loop has no top.
        if (parent.id === org.id || (await store.descendantOrgs(org.id)).some((o) => o.id === parent.id)) {
          throw new AdminUsageError(
            parent.id === org.id
              ? `${org.id} cannot be put under itself. Give another organisation: org parent ${org.id} <parent-id>`
              : `${org.id} (${org.name}) cannot go under ${parent.id} (${parent.name}): ${parent.id} is below ${org.id}, so that would make a loop. ` +
                  `Move ${parent.id} out first (org parent ${parent.id} <another-org-id>|none), or choose a parent that is not below ${org.id}.`,
          );
        }
      }
      await store.setOrgParent(org.id, parentId);
      const parent = parentId === null ? undefined : await store.getOrg(parentId);
      io.out(
        parent
          ? `${org.id} (${org.name}) now reports to ${parent.id} (${parent.name}): head-office devices of ${parent.id} and above see its events from their next request.`
          : `${org.id} (${org.name}) now reports to no organisation: it is a top organisation, and no head office sees its events.`,
      );
      return;
    }
    case 'org list': {
      const orgs = await store.listOrgs();
      if (orgs.length === 0) io.out('No organisations yet. Create one: npm run admin -- org create "<name>"');
      for (const line of orgTree(orgs)) io.out(line);
      return;
    }
    case 'epoch renew': {
      if (rest.length > 0) throw new AdminUsageError('epoch renew takes nothing more: npm run admin -- epoch renew');
      const epoch = await store.renewEpoch(at);
      io.out(`The database's identity is now ${epoch}.`);
      io.out(
        'On their next sync, devices see it, pull everything again from the start (nothing is doubled) and send back their own records the database lacks.',
      );
      return;
    }
    case 'org key': {
      // The organisation's report-countersigning public key (made now if it has none), to check reports with.
      const [orgId] = rest;
      if (orgId === undefined || !(await store.getOrg(orgId))) throw new AdminUsageError('Say which organisation: org key <org-id> (see org list)');
      const { orgSigningKey } = await import('./countersign-api');
      const key = await orgSigningKey(store, orgId, at);
      io.out(`Report-countersigning public key of ${orgId} (Ed25519, key id ${key.keyId}, made ${key.createdAt}):`);
      io.out(key.publicKey);
      io.out(`Check a report with it: npm run verify-report -- <report.json> --org-key ${key.publicKey}`);
      return;
    }
    case 'device add': {
      const [orgId, ...labelWords] = rest;
      const label = labelWords.join(' ').trim();
      if (orgId === undefined || label === '')
        throw new AdminUsageError('Say which organisation and whose device: device add <org-id> "Li Wei\'s phone" --url https://…');
      const role = parseRole(flagValue(flags, 'role') ?? DEFAULT_DEVICE_ROLE, '--role');
      const org = await store.getOrg(orgId);
      if (!org) throw new AdminUsageError(`No organisation ${orgId}. See: npm run admin -- org list`);
      const base = publicBaseUrl(flagValue(flags, 'url') ?? io.env.PUBLIC_URL ?? serverAddress(io), { insecure: flags.has('insecure') });
      const hours = parseHours(flagValue(flags, 'expires'));
      const code = newEnrolmentCode();
      const expiresAt = new Date(io.now() + hours * HOUR_MS).toISOString();
      const record = await store.addEnrolmentCode({ codeHash: hashEnrolmentCode(code), orgId, tokenId: newTokenId(), label, role, expiresAt }, at);
      const link = enrolmentLink(base, code);
      io.out(`Issued an enrolment link for "${label}" in ${org.name} (${org.id}), as ${roleInWords(record.role)}; its token will be ${record.tokenId}.`);
      if (role === 'head-office' && (await store.descendantOrgs(org.id)).length === 0) {
        io.out(
          `Note: no organisation is below ${org.id} yet, so this device will see no branches. Add one: npm run admin -- org create "<name>" --parent ${org.id}`,
        );
      }
      io.out(`Open this link once on the device, before ${expiresAt}. It enrols one device, once; it is shown only now.`);
      io.out('');
      io.out(link);
      if (!flags.has('no-qr')) {
        io.out('');
        io.out(terminalQr(link));
      }
      io.out(`To withdraw the link, or later revoke the device: npm run admin -- device revoke ${record.tokenId}`);
      return;
    }
    case 'device list': {
      const [orgId] = rest;
      if (orgId === undefined) throw new AdminUsageError('Say which organisation: device list <org-id>');
      const tokens = await store.listDeviceTokens(orgId);
      const waiting = await store.pendingEnrolmentCodes(orgId);
      if (tokens.length === 0 && waiting.length === 0) io.out(`No devices in ${orgId}.`);
      for (const t of tokens) io.out(`${t.id}\t${t.label}\t${t.role}\tissued ${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}`);
      for (const w of waiting) {
        const state = Date.parse(w.expiresAt) > io.now() ? `link not used yet, expires ${w.expiresAt}` : `link expired ${w.expiresAt}`;
        io.out(`${w.tokenId}\t${w.label}\t${w.role}\tlink issued ${w.createdAt}\t${state}`);
      }
      return;
    }
    case 'device role': {
      const [tokenId, roleWord, ...more] = rest;
      if (tokenId === undefined || roleWord === undefined || more.length > 0) {
        throw new AdminUsageError(`Say which token and which role: device role <token-id> ${DEVICE_ROLES.join('|')} (see device list)`);
      }
      const role = parseRole(roleWord, 'The role');
      const changed = await store.setDeviceRole(tokenId, role);
      if (!changed) throw new AdminUsageError(`No device token ${tokenId}. See: npm run admin -- device list <org-id>`);
      io.out(`${changed.id} ("${changed.label}") is now ${roleInWords(changed.role)}, from its next request on.`);
      if (changed.revokedAt !== null) io.out(`Note: this token was revoked at ${changed.revokedAt}; it still cannot sync.`);
      return;
    }
    case 'device revoke': {
      const [tokenId] = rest;
      if (tokenId === undefined) throw new AdminUsageError('Say which token: device revoke <token-id> (see device list)');
      const revoked = await store.revokeDeviceToken(tokenId, at);
      if (!revoked) {
        // Not enrolled yet: withdraw its link, so it can never be used.
        const withdrawn = await store.cancelEnrolmentCode(tokenId, at);
        if (withdrawn) {
          io.out(`Withdrew the enrolment link of ${withdrawn.tokenId} ("${withdrawn.label}") at ${at}; it was never used and now never can be.`);
          return;
        }
      }
      if (!revoked) throw new AdminUsageError(`No device token ${tokenId}. See: npm run admin -- device list <org-id>`);
      io.out(`Revoked ${revoked.id} ("${revoked.label}") at ${revoked.revokedAt ?? at}. That device can no longer sync.`);
      return;
    }
    case 'tls init': {
      if (rest.length > 0) throw new AdminUsageError(`tls init takes only --name and --ip; "${rest.join(' ')}" is not one of them.`);
      const names = flagValues(flags, 'name');
      const ips = flagValues(flags, 'ip');
      let result;
      try {
        result = await initTls({ dataDir: io.dataDir, names, ips, now: new Date(io.now()) });
      } catch (error) {
        if (error instanceof TlsError) throw new AdminUsageError(error.message);
        throw error;
      }
      const authority = new X509Certificate(readFileSync(join(result.dir, TLS_FILES.caCert)));
      io.out(
        result.newAuthority
          ? `Made the branch's certificate authority: ${join(result.dir, TLS_FILES.caCert)} (its key, ${TLS_FILES.caKey}, is readable by you only; back it up).`
          : `Kept the branch's certificate authority ${join(result.dir, TLS_FILES.caCert)}: phones that installed it keep trusting this server.`,
      );
      io.out(`Authority fingerprint (SHA-256): ${authority.fingerprint256}`);
      io.out(
        `Made the server certificate for ${result.names.join(', ')}, valid until ${result.expires.toISOString().slice(0, 10)}: ${join(result.dir, TLS_FILES.cert)}.`,
      );
      io.out('');
      io.out('Next: start the server again (npm start, e.g. HOST=0.0.0.0 PORT=8443 HTTP_PORT=8080 npm start); it serves HTTPS with this certificate.');
      io.out('It prints the address of the page (/ca) that each phone opens once to install the authority.');
      return;
    }
    case 'help':
    case '':
      io.out(ADMIN_USAGE);
      return;
    default:
      throw new AdminUsageError(`Unknown command "${command}".\n\n${ADMIN_USAGE}`);
  }
}

/**
 * `org list`: each organisation under the one it reports to, indented two spaces a level,
 * siblings by name then id, so a head office with hundreds of branches reads region by region.
 */
function orgTree(orgs: readonly OrgRecord[]): string[] {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, OrgRecord[]>();
  for (const org of orgs) {
    const parent = org.parentId !== null && ids.has(org.parentId) ? org.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), org]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
  const lines: string[] = [];
  const shown = new Set<string>();
  const walk = (org: OrgRecord, depth: number, note = ''): void => {
    if (shown.has(org.id)) return;
    shown.add(org.id);
    const below = children.get(org.id) ?? [];
    const count = below.length > 0 ? `\t${below.length} directly below` : '';
    lines.push(`${'  '.repeat(depth)}${org.id}\t${org.name}\tcreated ${org.createdAt}${count}${note}`);
    for (const child of below) walk(child, depth + 1);
  };
  for (const top of children.get(null) ?? []) walk(top, 0);
  // Only a loop of parents written into the file by hand has no top: shown rather than hidden.
  for (const org of orgs) walk(org, 0, `\tin a loop of parents: npm run admin -- org parent ${org.id} none`);
  return lines;
}

function parseRole(word: string, what: string): DeviceRole {
  const role = DEVICE_ROLES.find((r) => r === word);
  if (role === undefined) throw new AdminUsageError(`${what} must be ${DEVICE_ROLES.slice(0, -1).join(', ')} or ${DEVICE_ROLES.at(-1) ?? ''}; got "${word}"`);
  return role;
}

function roleInWords(role: DeviceRole): string {
  switch (role) {
    case 'editor':
      return 'an editor (it may publish playbooks)';
    case 'head-office':
      return "head office (it reads every branch's events below its organisation; it writes nothing)";
    default:
      return 'a member (it syncs and reads playbooks; it may not publish them)';
  }
}

/**
 * The link a device opens once. It carries a one-time code, never a token, and the code is in
 * the fragment (after #): browsers never send the fragment to a server, so it stays out of
 * access logs, proxies and Referer headers.
 */
export function enrolmentLink(base: string, code: string): string {
  return `${base}/enrol#code=${code}`;
}

const HOUR_MS = 60 * 60 * 1000;

/** --expires: whole hours from 1 to a week; 24 when not given. */
function parseHours(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_ENROLMENT_HOURS;
  const hours = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(hours >= 1 && hours <= MAX_ENROLMENT_HOURS)) {
    throw new AdminUsageError(`--expires must be a whole number of hours from 1 to ${MAX_ENROLMENT_HOURS}; got "${raw}"`);
  }
  return hours;
}

/**
 * The address an enrolment link starts with. A plain http:// address is refused unless it is
 * this PC (localhost): a phone that enrols over plain HTTP cannot open Muster offline.
 */
export function publicBaseUrl(raw: string | undefined, { insecure = false }: { insecure?: boolean } = {}): string {
  if (raw === undefined || raw.trim() === '') {
    throw new AdminUsageError(
      'Give the address phones use to reach this server: --url https://muster.branch.lan:8080 (or set PUBLIC_URL, or run tls init first)',
    );
  }
  let base: string;
  try {
    base = parsePublicUrl(raw, '--url');
  } catch (error) {
    if (error instanceof ConfigError) throw new AdminUsageError(error.message);
    throw error;
  }
  if (addressProblem(base) === 'insecure' && !insecure) {
    throw new AdminUsageError(
      `${base} is plain HTTP: a phone enrolled there cannot work offline, because browsers allow offline apps only over HTTPS. ` +
        "Turn HTTPS on (npm run admin -- tls init --name <this PC's name> --ip <its address>) and use the https:// address, " +
        'or add --insecure to issue this link anyway.',
    );
  }
  return base;
}

/**
 * Where phones reach the server when --url and PUBLIC_URL are not given: the address the server
 * noted on its last start, else https://<first name of the tls init certificate>:<PORT>.
 */
function serverAddress(io: AdminIo): string | undefined {
  try {
    const noted = readFileSync(publicUrlFile(io.dataDir), 'utf8').trim();
    if (noted !== '') return noted;
  } catch {
    // Not started yet with a known address: work it out from the certificate.
  }
  let name: string | undefined;
  try {
    name = loadTls({ dataDir: io.dataDir })?.names[0];
  } catch {
    return undefined;
  }
  if (name === undefined) return undefined;
  const port = parsePort(io.env.PORT);
  return `https://${name.includes(':') ? `[${name}]` : name}${port === 443 ? '' : `:${port}`}`;
}

/**
 * The QR code of `text` for a terminal: two rows of modules per line with half blocks, light
 * modules drawn in white on black so it scans on dark and light terminals alike, with the
 * four-module quiet zone the standard asks for.
 */
export function terminalQr(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const size = modules.size + quiet * 2;
  const dark = (row: number, col: number): boolean => {
    const r = row - quiet;
    const c = col - quiet;
    return r >= 0 && c >= 0 && r < modules.size && c < modules.size && modules.get(r, c) === 1;
  };
  const lines: string[] = [];
  for (let row = 0; row < size; row += 2) {
    let line = '';
    for (let col = 0; col < size; col++) {
      const top = !dark(row, col);
      const bottom = row + 1 < size && !dark(row + 1, col);
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(`\u001b[97;40m${line}\u001b[0m`);
  }
  return lines.join('\n');
}

/** Options that may be given more than once keep every value. */
const REPEATABLE = new Set(['name', 'ip']);
const SWITCHES = new Set(['no-qr', 'insecure']);

function parseArgs(args: readonly string[]): { positional: string[]; flags: Map<string, string | true | string[]> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true | string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (SWITCHES.has(name)) {
      flags.set(name, true);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new AdminUsageError(`--${name} needs a value`);
      i++;
    }
    const before = flags.get(name);
    flags.set(name, REPEATABLE.has(name) ? [...(Array.isArray(before) ? before : []), value] : value);
  }
  for (const name of flags.keys()) {
    if (!['id', 'parent', 'url', 'name', 'ip', 'role', 'expires', 'to', ...SWITCHES].includes(name))
      throw new AdminUsageError(`Unknown option --${name}.\n\n${ADMIN_USAGE}`);
  }
  return { positional, flags };
}

function flagValue(flags: Map<string, string | true | string[]>, name: string): string | undefined {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function flagValues(flags: Map<string, string | true | string[]>, name: string): string[] {
  const v = flags.get(name);
  return Array.isArray(v) ? v : [];
}
