import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { playbookErrorMap } from './issues';

describe('playbookErrorMap', () => {
  // The playbook schema raises no unions or custom checks today; should one be added, a Chinese
  // reader still gets zod's own Chinese rather than English, and English stays zod's default.
  const schema = z.object({ contact: z.union([z.string(), z.number()]) });

  it("leaves a kind of problem it has no words for to zod's own Chinese", () => {
    const parsed = schema.safeParse({ contact: true }, { error: playbookErrorMap('zh-CN') });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['无效输入']);
  });

  it("leaves it to zod's English by default, as before", () => {
    const parsed = schema.safeParse({ contact: true }, { error: playbookErrorMap() });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([schema.safeParse({ contact: true }).error?.issues[0]?.message]);
  });

  it('words the problems it knows in the language asked for', () => {
    const parsed = z.object({ id: z.string() }).safeParse({}, { error: playbookErrorMap('zh-CN') });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['缺少该字段；应为文本']);
  });
});
