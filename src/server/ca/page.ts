import { X509Certificate } from 'node:crypto';
import type { Context, Hono } from 'hono';
import QRCode from 'qrcode';
import { escapeHtml } from '../../domain/escape-html';
import { formatDate } from '../../domain/report/format';
import { LANGUAGES, languageOfTag, speaker, type Language, type Speak } from '../../domain/text';
import { cameOverHttps, publicAddress, requestOrigin, type Site } from '../site';
import { TlsError } from '../tls';
import { messages } from './messages';

/**
 * GET /ca: how to install the branch certificate (the authority `tls init` made) on a phone,
 * and GET /ca.crt: the certificate itself. Both are also answered on the plain-HTTP port, since
 * a phone must fetch them before it trusts the HTTPS side. The page is plain server-rendered
 * HTML with no script (the CSP allows none inline), so it works on any phone browser.
 */
export function mountCaPage(app: Hono, site: Site): void {
  // The authority never changes while the server runs: read it once.
  const authorityPem = site.tls?.authority;
  const authority = authorityPem === undefined ? undefined : describeAuthority(authorityPem);

  app.get('/ca.crt', (c) => {
    if (authorityPem === undefined) {
      const key = site.tls ? 'ca.missing.own' : 'ca.missing.off';
      // Whoever typed /ca.crt gets the reason in their language first, then in the other.
      const text = languagesFor(c)
        .map((language) => speaker(language, messages)(key))
        .join('\n');
      return c.text(`${text}\n`, 404, { 'Cache-Control': 'no-cache', Vary: 'Accept-Language' });
    }
    return c.body(authorityPem, 200, {
      'Content-Type': 'application/x-x509-ca-cert',
      'Content-Disposition': 'attachment; filename="muster-branch-ca.crt"',
      'Cache-Control': 'no-cache',
    });
  });

  app.get('/ca', async (c) => {
    const [language] = languagesFor(c);
    const t = speaker(language, messages);
    let body: string;
    if (authority) body = await installSteps(t, authority, secureAddress(c, site), qrAddress(c, site), site.httpPort() !== undefined);
    else if (site.tls) body = nothingToInstall(t, secureAddress(c, site));
    else body = httpsOff(t);
    const title = authority ? t('ca.title') : site.tls ? t('ca.own.title') : t('ca.off.title');
    return c.html(htmlPage(language, title, body), 200, { 'Cache-Control': 'no-cache', Vary: 'Accept-Language', 'Content-Language': language });
  });
}

interface Authority {
  /** The certificate's common name, as the iPhone lists it under Certificate Trust Settings. */
  name: string;
  /** SHA-256 of the DER, as "AB:CD:…", the form phones and `openssl x509 -fingerprint` show. */
  fingerprint: string;
  expires: Date;
}

function describeAuthority(pem: string): Authority {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    // Thrown while the server starts, so main.ts prints it as one line.
    throw new TlsError('The branch certificate DATA_DIR/tls/ca.crt is not a PEM certificate. Restore it from a backup.');
  }
  const commonName = cert.subject
    .split('\n')
    .find((line) => line.startsWith('CN='))
    ?.slice(3);
  return { name: commonName ?? cert.subject, fingerprint: cert.fingerprint256, expires: new Date(cert.validTo) };
}

/**
 * The page's language first, then the other: ?lang= when given, else the first language in
 * Accept-Language (by its q-value) that Muster speaks, else English as the app starts in.
 */
function languagesFor(c: Context): [Language, ...Language[]] {
  const asked = c.req.query('lang');
  const first = asked !== undefined && asked.trim() !== '' ? languageOfTag(asked.trim()) : acceptedLanguage(c.req.header('accept-language'));
  return [first, ...LANGUAGES.filter((l) => l !== first)];
}

function acceptedLanguage(header: string | undefined): Language {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { tag, q: q === undefined ? 1 : Number(q.slice(2)), index };
    })
    .filter(({ tag, q }) => tag !== '' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return languageOfTag(tag);
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Where phones use Muster once they trust the authority, or undefined when this server cannot tell. */
function secureAddress(c: Context, site: Site): string | undefined {
  const configured = site.publicUrl();
  if (configured?.startsWith('https://')) return configured;
  // On the HTTPS side the request's own origin is secure; the plain-HTTP side cannot know the HTTPS port.
  return cameOverHttps(c, site) ? requestOrigin(c, site) : undefined;
}

/**
 * The address of this page for the QR code on the PC's screen. Plain HTTP when the server
 * answers it: a phone that has not installed the authority yet opens it without a warning.
 */
function qrAddress(c: Context, site: Site): string {
  const httpPort = site.httpPort();
  if (httpPort === undefined) return `${publicAddress(c, site).replace(/\/+$/, '')}/ca`;
  const host = new URL(site.publicUrl() ?? requestOrigin(c, site)).hostname;
  return `http://${host}${httpPort === 80 ? '' : `:${httpPort}`}/ca`;
}

async function installSteps(
  t: Speak<typeof messages>,
  authority: Authority,
  secure: string | undefined,
  pageAddress: string,
  plainHttp: boolean,
): Promise<string> {
  // A PNG rather than SVG: every phone and PC browser shows it, and the CSP allows data: images.
  const qr = await QRCode.toDataURL(pageAddress, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  const fingerprint = authority.fingerprint
    .split(':')
    .map((byte) => escapeHtml(byte))
    .join(':<wbr>');
  // On a PC's wide screen the QR code stands beside the steps, where whoever sets up phones sees it at once.
  return `
<div class="columns">
<div class="steps">
<p>${escapeHtml(t('ca.intro'))}</p>
<p><a class="button" href="ca.crt">${escapeHtml(t('ca.download'))}</a></p>

<h2>${escapeHtml(t('ca.android.title'))}</h2>
<ol>
<li>${escapeHtml(t('ca.android.download'))}</li>
<li>${escapeHtml(t('ca.android.settings'))}</li>
<li>${escapeHtml(t('ca.android.install'))}</li>
<li>${escapeHtml(t('ca.android.open'))}</li>
</ol>
<p class="note">${escapeHtml(t('ca.android.makers'))}</p>

<h2>${escapeHtml(t('ca.iphone.title'))}</h2>
<ol>
<li>${escapeHtml(t('ca.iphone.download'))}</li>
<li>${escapeHtml(t('ca.iphone.install'))}</li>
<li>${escapeHtml(t('ca.iphone.trust', { name: authority.name }))}</li>
<li>${escapeHtml(t('ca.iphone.open'))}</li>
</ol>

<h2>${escapeHtml(t('ca.address.title'))}</h2>
${addressParagraph(t, secure)}
<p class="note">${escapeHtml(t('ca.address.stillWarned'))}</p>

<h2>${escapeHtml(t('ca.check.title'))}</h2>
<dl>
<dt>${escapeHtml(t('ca.check.name'))}</dt><dd>${escapeHtml(authority.name)}</dd>
<dt>${escapeHtml(t('ca.check.fingerprint'))}</dt><dd><code class="fingerprint">${fingerprint}</code></dd>
<dt>${escapeHtml(t('ca.check.expires'))}</dt><dd>${escapeHtml(formatDate(authority.expires.getTime(), 0))}</dd>
</dl>
<p>${escapeHtml(t('ca.check.compare'))}</p>
</div>

<aside class="other-phone">
<h2>${escapeHtml(t('ca.qr.title'))}</h2>
<p>${escapeHtml(t('ca.qr.scan'))}</p>
<figure class="qr">
<img src="${escapeHtml(qr)}" alt="${escapeHtml(pageAddress)}">
<figcaption><code>${escapeHtml(pageAddress)}</code></figcaption>
</figure>
${plainHttp ? '' : `<p class="note">${escapeHtml(t('ca.qr.warning'))}</p>`}
</aside>
</div>`;
}

function nothingToInstall(t: Speak<typeof messages>, secure: string | undefined): string {
  return `
<p>${escapeHtml(t('ca.own.why'))}</p>
${secure === undefined ? '' : addressParagraph(t, secure)}`;
}

function httpsOff(t: Speak<typeof messages>): string {
  // A line may break between the command's words but never inside one: "--" and "name" apart would not run.
  const commandWords = t('ca.off.command')
    .split(' ')
    .map((word) => `<span class="word">${escapeHtml(word)}</span>`)
    .join(' ');
  return `
<p>${escapeHtml(t('ca.off.why'))}</p>
<p><code class="command">${commandWords}</code></p>`;
}

function addressParagraph(t: Speak<typeof messages>, secure: string | undefined): string {
  if (secure === undefined) return `<p class="address">${escapeHtml(t('ca.address.unknown'))}</p>`;
  return `<p class="address"><a href="${escapeHtml(secure)}">${escapeHtml(secure)}</a></p>`;
}

function htmlPage(language: Language, title: string, body: string): string {
  const other = LANGUAGES.find((l) => l !== language) ?? language;
  const otherName = speaker(other, messages)('ca.language.name');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)} · Muster</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="language"><a href="?lang=${encodeURIComponent(other)}" hreflang="${other}" lang="${other}">${escapeHtml(otherName)}</a></p>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/** Sizes in rem so the page follows the phone's text size; 3rem tap targets at least. */
const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1d21; --muted: #4a505a; --accent: #0b57d0; --on-accent: #ffffff; --box: #f2f4f7; --line: #cfd4dc; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #111316; --fg: #eceef1; --muted: #b4bac4; --accent: #8ab4f8; --on-accent: #0b1b33; --box: #1d2127; --line: #3b424d; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); overflow-wrap: break-word; font: 1.0625rem/1.55 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
main { max-width: 40rem; margin: 0 auto; padding: 0.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 0.5rem; padding-top: 1rem; border-top: 1px solid var(--line); }
a { color: var(--accent); }
.language { margin: 0; text-align: right; }
.language a { display: inline-flex; align-items: center; min-height: 3rem; padding: 0 0.5rem; }
.button { display: flex; align-items: center; justify-content: center; min-height: 3.25rem; padding: 0.75rem 1rem; border-radius: 0.75rem; background: var(--accent); color: var(--on-accent); font-weight: 600; text-align: center; text-decoration: none; }
.button:focus-visible, a:focus-visible { outline: 3px solid var(--fg); outline-offset: 2px; }
ol { padding-left: 1.6rem; }
li { margin: 0.6rem 0; padding-left: 0.2rem; }
.note { color: var(--muted); }
.address { font-size: 1.2rem; overflow-wrap: anywhere; }
.address a { display: inline-flex; align-items: center; min-height: 3rem; }
dl { margin: 0; padding: 0.75rem 1rem; background: var(--box); border: 1px solid var(--line); border-radius: 0.75rem; }
dt { font-weight: 600; }
dd { margin: 0 0 0.75rem; overflow-wrap: anywhere; }
dd:last-child { margin-bottom: 0; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
.fingerprint { display: block; max-width: 25ch; font-size: 1rem; }
.command .word { white-space: nowrap; }
.command { display: block; padding: 0.75rem 1rem; background: var(--box); border: 1px solid var(--line); border-radius: 0.75rem; overflow-wrap: anywhere; }
.qr { margin: 1rem 0; }
.qr img { display: block; width: min(100%, 16rem); height: auto; image-rendering: pixelated; }
.qr figcaption { margin-top: 0.5rem; overflow-wrap: anywhere; }
@media (min-width: 64rem) {
  main { max-width: 68rem; }
  .columns { display: grid; grid-template-columns: minmax(0, 40rem) minmax(16rem, 22rem); column-gap: 4rem; align-items: start; }
  .other-phone { position: sticky; top: 1rem; }
  .other-phone h2 { margin-top: 0; padding-top: 0; border-top: 0; }
}
`;
