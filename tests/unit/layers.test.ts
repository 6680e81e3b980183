import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints a snippet as if it lived at `path`, and returns the layer-rule messages. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the layer rules are enforced by lint', () => {
  it('main/core may not import electron', async () => {
    expect(await layerErrors('main/core/example.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([
      expect.stringContaining('Only main/app may import electron'),
    ]);
  });

  it('main/core may not import the browser host or the Electron app', async () => {
    expect(await layerErrors('main/core/example.ts', "import { x } from '../host/browserHost';\nexport const y = x;\n")).toHaveLength(1);
    expect(await layerErrors('main/core/example.ts', "import { x } from '../app/main';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('shared imports nothing of ours and no Node modules', async () => {
    expect(await layerErrors('shared/example.ts', "import { x } from '../main/core/entries';\nexport const y = x;\n")).toContainEqual(
      expect.stringContaining('may not import from main/'),
    );
    expect(await layerErrors('shared/example.ts', "import { readFile } from 'node:fs';\nexport const y = readFile;\n")).toHaveLength(1);
  });

  it('the renderer imports only shared and its own files', async () => {
    expect(await layerErrors('renderer/example.ts', "import { x } from '../main/core/entries';\nexport const y = x;\n")).toHaveLength(1);
    expect(await layerErrors('renderer/example.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n")).toHaveLength(1);
    expect(await layerErrors('renderer/example.ts', "import { contract } from '../shared/contract';\nexport const y = contract;\n")).toEqual([]);
  });

  it('main/app may import electron and the core', async () => {
    expect(
      await layerErrors('main/app/example.ts', "import { app } from 'electron';\nimport { x } from '../core/entries';\nexport const y = [app, x];\n"),
    ).toEqual([]);
  });
});
