import type { FloorView } from './floor-view';
import { telHref } from './floor-view';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * A floor's route as plain HTML, with the same markup and classes as the FloorRoute screen, so
 * the route shows before any JavaScript runs (pre-rendered at build time, one file per floor).
 * The first view is the page's main language; the second, if any, follows in a section of its own.
 */
export function staticFloorHtml(main: FloorView, other?: FloorView): string {
  const body = (v: FloorView, primary: boolean) => `
<section class="floor-route${primary ? '' : ' other-language'}" lang="${esc(v.language)}">
${primary ? `<h1 class="floor-title"><span class="floor-building">${esc(v.building)}</span> <span class="floor-label">${esc(v.floor)}</span></h1>` : `<h2 class="floor-title small"><span class="floor-building">${esc(v.building)}</span> <span class="floor-label">${esc(v.floor)}</span></h2>`}
${v.routes
  .map(
    (r) => `<article class="route-card kind-${r.kind}" data-route="${esc(r.id)}">
<h${primary ? 2 : 3} class="route-heading">${esc(r.heading)}</h${primary ? 2 : 3}>
<p class="route-instruction">${esc(r.instruction)}</p>
<p class="route-detail">${esc(r.direction)} · ${esc(r.via)}</p>
${r.exit ? `<p class="route-detail">${esc(r.exit)}</p>` : ''}
<p class="route-detail">${esc(r.assembly)}</p>
</article>`,
  )
  .join('\n')}
${v.rules.length ? `<div class="rule-banner" role="note"><p class="label">${esc(v.rulesTitle)}</p><ul>${v.rules.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></div>` : ''}
${v.shelter.length ? `<h${primary ? 2 : 3}>${esc(v.shelterTitle)}</h${primary ? 2 : 3}><ul class="shelter-list">${v.shelter.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : ''}
${primary && v.numbers.length ? `<h2>${esc(v.numbersTitle)}</h2><ul class="numbers">${v.numbers.map((n) => (n.number ? `<li><a class="phone-link" href="${esc(telHref(n.number))}"><span class="phone-label">${esc(n.label)}</span><span class="phone-number">${esc(n.number)}</span></a></li>` : `<li><span class="phone-link missing">${esc(n.missing ?? n.label)}</span></li>`)).join('')}</ul>` : ''}
</section>`;
  return `<div class="shell"><main id="main" class="prerendered">${body(main, true)}${other ? body(other, false) : ''}</main></div>`;
}
