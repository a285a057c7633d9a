const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML element content and for attribute values in either kind of quotes. Anything a
 * person typed (a title, a note, a floor's name) goes through this before it meets markup:
 * the report, a pre-rendered floor page and the build script all write HTML as strings.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}
