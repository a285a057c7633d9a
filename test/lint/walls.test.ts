import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The walls between the parts of src/ are lint rules (eslint.config.js). This feeds the linter
 * imports that cross a wall, as if they were written into real files, and imports that stay
 * inside, and checks that only the first are refused.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  // The walls need no type information; without it the linter starts in a second, not half a minute.
  eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
});

/** The wall messages ESLint gives for `code` written into `file`. */
async function wallErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the walls between the parts', () => {
  it.each([
    ['src/domain/hlc.ts', "import { appDb } from '../storage';", 'src/domain may import only itself, not src/storage'],
    ['src/domain/report/build.ts', "import { App } from '../../app/App';", 'src/domain may import only itself, not src/app'],
    ['src/domain/hlc.ts', "import { useState } from 'react';", 'no React'],
    ['src/storage/events.ts', "import { appSync } from '../features/sync/app-sync';", 'src/storage may import only domain, not src/features'],
    ['src/sync/engine.ts', "import { useOffline } from '../features/offline';", 'src/sync may import only domain, storage, not src/features'],
    ['src/sync/engine.ts', "import { useMemo } from 'react';", 'no React'],
    ['src/server/app.ts', "import { appDb } from '../storage';", 'src/server may import only domain, not src/storage'],
    ['src/ui/text.ts', "import { Home } from '../features/home/Home';", 'src/ui may import only domain, storage, not src/features'],
    ['src/features/home/Home.tsx', "import { App } from '../../app/App';", 'not src/app'],
    ['src/features/home/Home.tsx', "import { usePlaybookLibrary } from '../playbooks/library';", 'only through its index.ts'],
  ])('%s may not write %s', async (file, code, expected) => {
    const errors = await wallErrors(file, `${code}\nexport const probe = 1;\n`);
    expect(errors.join('\n')).toContain(expected);
  });

  it.each([
    ['src/sync/engine.ts', "import { hlcCompare } from '../domain/hlc';"],
    ['src/ui/record.ts', "import { appDb } from '../storage';"],
    ['src/features/home/Home.tsx', "import { usePlaybookLibrary } from '../playbooks';"],
    ['src/features/home/Home.tsx', "import { useText } from '../../ui/text';"],
    ['src/app/App.tsx', "import { PlaybookLibrary } from '../features/playbooks/PlaybookLibrary';"],
  ])('%s may write %s', async (file, code) => {
    expect(await wallErrors(file, `${code}\nexport const probe = 1;\n`)).toEqual([]);
  });
});
