import { describe, expect, it } from 'vitest';
import { comparePlaybookTwins, validatePlaybook } from '../../src/domain/playbook/validate';
import { loadPlaybook, readScenario, SHIPPED } from './support';

describe('the playbooks shipped in scenarios/', () => {
  it.each(SHIPPED)('%s passes the validator and points editors at the schema', (name) => {
    const json = readScenario(name);
    const result = validatePlaybook(json);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect((json as Record<string, unknown>).$schema).toBe('./playbook.schema.json');
  });

  it.each(SHIPPED)('%s is named after its kind and language', (name) => {
    const p = loadPlaybook(name);
    expect(name).toBe(`${p.kind}.${p.language}.json`);
  });

  it.each([
    ['fire.zh-CN.json', 'fire.en.json'],
    ['flood.zh-CN.json', 'flood.en.json'],
  ])('%s and %s are twins: same id and version, every id and owner the same', (zhName, enName) => {
    const zh = loadPlaybook(zhName);
    const en = loadPlaybook(enName);
    expect(en.id).toBe(zh.id);
    expect(en.version).toBe(zh.version);
    expect(comparePlaybookTwins(zh, en)).toEqual([]);
    expect(comparePlaybookTwins(en, zh)).toEqual([]);
  });

  it('gives the flood and fire playbooks different ids', () => {
    expect(loadPlaybook('flood.zh-CN.json').id).not.toBe(loadPlaybook('fire.zh-CN.json').id);
  });
});
