// @peculiar/x509 resolves its ASN.1 helpers through tsyringe, which needs the Reflect metadata
// polyfill loaded first.
import 'reflect-metadata';
import { X509Certificate as NodeCertificate, createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

/**
 * HTTPS for a branch with no internet: a small certificate authority of the branch's own, and
 * a server certificate it signs. Phones install the authority once (see /ca); after that every
 * renewed server certificate is trusted with nothing to do on the phones.
 *
 * Certificates are made with @peculiar/x509 (X.509 and ASN.1 over WebCrypto, which Node has),
 * and read back with Node's own X509Certificate.
 */

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** ECDSA P-256 with SHA-256: accepted by Android, iOS and every current browser, and quick to make. */
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** The authority outlives many renewals, so phones install it once. */
export const AUTHORITY_DAYS = 3650;
/**
 * Apple and Chrome refuse server certificates valid for more than 398 days; 397 keeps clear of
 * that line on every phone.
 */
export const SERVER_CERTIFICATE_DAYS = 397;
/** Phones whose clock runs a little behind still accept a certificate made just now. */
const CLOCK_SKEW_MS = 60 * 60 * 1000;
/** The server warns this long before its certificate expires. */
export const EXPIRY_WARNING_DAYS = 30;

export const TLS_FILES = { caCert: 'ca.crt', caKey: 'ca.key', cert: 'server.crt', key: 'server.key' } as const;

/**
 * DATA_DIR/public-url: the address phones use, as the server last worked it out on start (with
 * the port it really listens on), so `device add` on the same PC needs no --url.
 */
export function publicUrlFile(dataDir: string): string {
  return join(dataDir, 'public-url');
}

export function tlsDir(dataDir: string): string {
  return join(dataDir, 'tls');
}

/** A certificate problem a person can fix; the message names the file or option and the fix. */
export class TlsError extends Error {
  override readonly name = 'TlsError';
}

/** What the server needs to speak HTTPS, and what it tells about it. */
export interface TlsMaterial {
  cert: string;
  key: string;
  /** Where the certificate came from, for the log. */
  certFile: string;
  /** The names (DNS, then IP addresses) the certificate is for, in its order. */
  names: string[];
  expires: Date;
  /** The authority's certificate (PEM) when `tls init` made it: served at /ca. */
  authority?: string;
}

export interface TlsInitOptions {
  dataDir: string;
  /** Host names the server is reached by. */
  names: readonly string[];
  /** IP addresses the server is reached by. */
  ips?: readonly string[];
  now: Date;
}

export interface TlsInitResult {
  dir: string;
  /** True when this run made the authority, false when it kept the existing one. */
  newAuthority: boolean;
  expires: Date;
  names: string[];
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * `tls init`: makes the authority if there is none yet, then a new server certificate for the
 * given names and addresses. Re-running renews the server certificate and keeps the authority,
 * so phones that installed it keep trusting the server. Keys are written readable by the owner
 * only; each file is written whole (temporary file, then rename) so a crash never leaves half a key.
 */
export async function initTls({ dataDir, names, ips = [], now }: TlsInitOptions): Promise<TlsInitResult> {
  const dnsNames = names.map((n) => n.trim().toLowerCase());
  for (const name of dnsNames) {
    if (isIP(name) !== 0) throw new TlsError(`"${name}" is an IP address: give it with --ip ${name}, and a host name with --name.`);
    if (!HOST_NAME.test(name)) throw new TlsError(`--name must be a host name such as muster.branch.lan (letters, digits, "-" and "."); got "${name}".`);
  }
  for (const ip of ips) {
    if (isIP(ip) === 0) throw new TlsError(`--ip must be an IP address such as 192.168.1.20; got "${ip}".`);
  }
  if (dnsNames.length === 0 && ips.length === 0) {
    throw new TlsError(
      'Say how phones reach this server: tls init --name muster.branch.lan (a name the branch network resolves) and/or --ip 192.168.1.20 (its fixed address).',
    );
  }
  const first = dnsNames[0] ?? ips[0] ?? 'muster';

  const dir = tlsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caCertFile = join(dir, TLS_FILES.caCert);
  const caKeyFile = join(dir, TLS_FILES.caKey);

  let authority: Authority;
  let newAuthority = false;
  if (existsSync(caCertFile) || existsSync(caKeyFile)) {
    authority = await readAuthority(caCertFile, caKeyFile);
  } else {
    authority = await makeAuthority(first, now);
    writeSecret(caKeyFile, await privateKeyPem(authority.privateKey));
    writePublic(caCertFile, authority.cert.toString('pem'));
    newAuthority = true;
  }

  const keys = await generateKeys();
  const notAfter = new Date(now.getTime() + SERVER_CERTIFICATE_DAYS * DAY_MS);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: new x509.Name([{ CN: [first] }, { O: ['Muster'] }]),
    issuer: authority.cert.subjectName,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter,
    signingAlgorithm: KEY_ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: authority.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...dnsNames.map((value) => ({ type: 'dns' as const, value })),
        ...ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(authority.cert),
    ],
  });
  writeSecret(join(dir, TLS_FILES.key), await privateKeyPem(keys.privateKey));
  writePublic(join(dir, TLS_FILES.cert), cert.toString('pem'));
  return { dir, newAuthority, expires: notAfter, names: [...dnsNames, ...ips] };
}

/**
 * The certificate the server should use: TLS_CERT and TLS_KEY when given (a certificate from
 * elsewhere), else the files `tls init` wrote into DATA_DIR/tls, else none (plain HTTP).
 */
export function loadTls(options: { dataDir: string; certFile?: string; keyFile?: string }): TlsMaterial | undefined {
  const { certFile, keyFile } = options;
  if (certFile !== undefined || keyFile !== undefined) {
    if (certFile === undefined || keyFile === undefined) {
      throw new TlsError(`Set both TLS_CERT and TLS_KEY (PEM files), or neither; only ${certFile !== undefined ? 'TLS_CERT' : 'TLS_KEY'} is set.`);
    }
    return readMaterial(certFile, keyFile, undefined);
  }
  const dir = tlsDir(options.dataDir);
  const cert = join(dir, TLS_FILES.cert);
  const key = join(dir, TLS_FILES.key);
  if (!existsSync(cert) && !existsSync(key)) return undefined;
  const caFile = join(dir, TLS_FILES.caCert);
  return readMaterial(cert, key, existsSync(caFile) ? readFileSync(caFile, 'utf8') : undefined);
}

/** Days from `now` until the certificate expires (negative once it has). */
export function daysUntilExpiry(material: Pick<TlsMaterial, 'expires'>, now: Date): number {
  return Math.floor((material.expires.getTime() - now.getTime()) / DAY_MS);
}

function readMaterial(certFile: string, keyFile: string, authority: string | undefined): TlsMaterial {
  const cert = readText(certFile, 'certificate (TLS_CERT)');
  const key = readText(keyFile, 'private key (TLS_KEY)');
  let parsed: NodeCertificate;
  try {
    parsed = new NodeCertificate(cert);
  } catch {
    throw new TlsError(`${certFile} is not a PEM certificate (it should start with -----BEGIN CERTIFICATE-----).`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new TlsError(`${keyFile} is not a PEM private key (it should start with -----BEGIN PRIVATE KEY-----).`);
  }
  if (!parsed.checkPrivateKey(privateKey)) throw new TlsError(`${keyFile} is not the private key of ${certFile}: they do not belong together.`);
  return { cert, key, certFile, names: alternativeNames(parsed), expires: new Date(parsed.validTo), authority };
}

/** DNS names first, then IP addresses, as the certificate lists them. */
function alternativeNames(cert: NodeCertificate): string[] {
  const entries = (cert.subjectAltName ?? '').split(/,\s*/).filter(Boolean);
  const dns = entries.filter((e) => e.startsWith('DNS:')).map((e) => e.slice(4));
  const ips = entries.filter((e) => e.startsWith('IP Address:')).map((e) => e.slice(11));
  return [...dns, ...ips];
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TlsError(`Cannot read the ${what} ${file}${code === 'ENOENT' ? ': no such file' : code === 'EACCES' ? ': permission denied' : ''}.`);
  }
}

interface Authority {
  cert: x509.X509Certificate;
  privateKey: CryptoKey;
}

async function makeAuthority(firstName: string, now: Date): Promise<Authority> {
  const keys = await generateKeys();
  // Each branch's authority has a name of its own, so a phone that installed two can tell them apart.
  const name = new x509.Name([{ CN: [`Muster local authority (${firstName}) ${randomBytes(3).toString('hex')}`] }, { O: ['Muster'] }]);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: name,
    issuer: name,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: new Date(now.getTime() + AUTHORITY_DAYS * DAY_MS),
    signingAlgorithm: KEY_ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    extensions: [
      // pathLength 0: this authority signs server certificates only, never another authority.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, privateKey: keys.privateKey };
}

async function readAuthority(certFile: string, keyFile: string): Promise<Authority> {
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    throw new TlsError(
      `Only one of ${certFile} and ${keyFile} exists. Restore the missing one from a backup; ` +
        'or, to start over with a new authority that every phone must install again, move both away and run tls init again.',
    );
  }
  const certPem = readFileSync(certFile, 'utf8');
  const keyPem = readFileSync(keyFile, 'utf8');
  let cert: x509.X509Certificate;
  let nodeKey;
  try {
    cert = new x509.X509Certificate(certPem);
    nodeKey = createPrivateKey(keyPem);
  } catch {
    throw new TlsError(`${certFile} and ${keyFile} must be the PEM certificate and key that tls init writes.`);
  }
  if (!new NodeCertificate(certPem).checkPrivateKey(nodeKey)) {
    throw new TlsError(`${keyFile} is not the private key of ${certFile}: they do not belong together.`);
  }
  let privateKey: CryptoKey;
  try {
    privateKey = await webcrypto.subtle.importKey('pkcs8', nodeKey.export({ format: 'der', type: 'pkcs8' }), KEY_ALGORITHM, true, ['sign']);
  } catch {
    throw new TlsError(`${keyFile} is not the ECDSA P-256 private key that tls init writes.`);
  }
  return { cert, privateKey };
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return await webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** 16 random bytes, top bit clear so the serial stays a positive number as X.509 requires. */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function writeSecret(file: string, text: string): void {
  writeWhole(file, text, 0o600);
}

function writePublic(file: string, text: string): void {
  writeWhole(file, text, 0o644);
}

function writeWhole(file: string, text: string, mode: number): void {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, text, { mode });
  // The umask may have narrowed the mode, never widened it; set it exactly.
  chmodSync(temporary, mode);
  renameSync(temporary, file);
}
