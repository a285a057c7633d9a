import { describe, expect, it } from 'vitest';
import { samplePlaybook } from '#fixtures/sample-playbook';
import { validatePlaybook } from './validate';

// Half of 🚒: what a cut-off paste from a chat can leave in a playbook's text.
const HALF = '\uD83D';

function errors(input: unknown, language: 'en' | 'zh-CN' = 'en'): { path: string; message: string }[] {
  const result = validatePlaybook(input, { language });
  return result.ok ? [] : result.issues.map(({ path, message }) => ({ path, message }));
}

describe('playbook texts are well-formed Unicode', () => {
  it('keeps a whole emoji in a text', () => {
    expect(validatePlaybook({ ...samplePlaybook(), title: 'Fire plan 🚒' }).ok).toBe(true);
  });

  it('refuses a lone surrogate in the title, at that field, in English and in Chinese', () => {
    const broken = { ...samplePlaybook(), title: `Fire plan ${HALF}` };
    expect(errors(broken)).toEqual([
      {
        path: 'title',
        message: 'the text holds a broken character (a lone UTF-16 surrogate, often half of an emoji); retype or delete that character',
      },
    ]);
    expect(errors(broken, 'zh-CN')).toEqual([
      { path: 'title', message: '文本中有损坏的字符（孤立的 UTF-16 代理项，常是被截断的表情符号）；请重新输入或删除该字符' },
    ]);
  });

  it('names a nested text by its path', () => {
    const playbook = samplePlaybook();
    const broken = { ...playbook, principles: [{ id: 'principle.people-first', text: `Lives ${HALF}come first.` }] };
    expect(errors(broken).map((i) => i.path)).toEqual(['principles[0].text']);
  });
});
