import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';

describe('escaping text for HTML', () => {
  it('escapes every HTML special character', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&amp;`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;amp;');
  });

  it('leaves other text alone, Chinese included', () => {
    expect(escapeHtml('三楼 · 东侧楼梯')).toBe('三楼 · 东侧楼梯');
  });
});
