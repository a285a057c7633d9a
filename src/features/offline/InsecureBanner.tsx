import { publicUrlOfHealth } from '../../domain/address';
import { Command } from '../../ui/Command';
import { usePath, useQueryString } from '../../ui/router';
import { useText } from '../../ui/text';
import { useAsync } from '../../ui/use-async';
import { messages } from './messages';
import './pwa.css';

/**
 * Browsers run service workers only in a secure context (https://, or localhost). Opened
 * through a plain http:// address on the LAN, Muster still works while the server answers, but
 * nothing is kept for offline use: in an evacuation with no network the phone shows nothing.
 * So this says so on every screen, for as long as the page is open, and cannot be dismissed.
 */
export function InsecureBanner() {
  // Fixed for the life of the page; a browser too old to say counts as secure, not as alarming.
  if (window.isSecureContext !== false) return null;
  return <InsecureNotice />;
}

function InsecureNotice() {
  const t = useText(messages);
  const path = usePath();
  const query = useQueryString();
  const secure = useAsync(() => secureAddressElsewhere(window.location.origin), []);
  const elsewhere = secure.status === 'ready' ? secure.value : undefined;
  // role="alert" on a region that is rendered once with its text: announced once, on arrival.
  return (
    <div role="alert" className="insecure-banner" data-testid="insecure-banner">
      <p className="insecure-title">
        <span aria-hidden="true" className="insecure-mark">
          !
        </span>
        <span data-testid="insecure-banner-title">{t('pwa.insecure.title')}</span>
      </p>
      {elsewhere ? (
        <p>
          <a className="insecure-link" href={`${elsewhere}${path}${query}`} data-testid="insecure-banner-link">
            {t('pwa.insecure.openSecure', { address: elsewhere })}
          </a>
        </p>
      ) : null}
      <p>{t('pwa.insecure.useHttps')}</p>
      {/* Folded: on every screen of a phone, the steps for the server PC would push the screen itself out of sight. */}
      <details className="insecure-server">
        <summary>{t('pwa.insecure.forServer')}</summary>
        <p>{t('pwa.insecure.server')}</p>
        <p>
          <Command text={t('pwa.insecure.command')} />
        </p>
        <p>
          {/* A plain link: /ca is the server's own page, never the app's (the service worker lets it through). */}
          <a href="/ca">{t('pwa.insecure.certificate')}</a>
        </p>
      </details>
    </div>
  );
}

/**
 * The https:// address the server says phones use (`publicUrl` of /api/health), when it is not
 * this page's own origin; undefined when the server does not say, or says this very address.
 */
async function secureAddressElsewhere(origin: string): Promise<string | undefined> {
  const response = await fetch('/api/health', { cache: 'no-store' });
  const told = publicUrlOfHealth(await response.json());
  if (told === undefined) return undefined;
  const url = new URL(told);
  return url.protocol !== 'https:' || url.origin === origin ? undefined : told;
}
