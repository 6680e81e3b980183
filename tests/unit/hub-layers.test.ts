import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the hub imports only shared, by lint rule', () => {
  it('the hub may not import the desktop core, the renderer or electron', async () => {
    expect(await layerErrors('hub/example.ts', "import { x } from '../main/core/entries';\nexport const y = x;\n")).toEqual([expect.stringContaining('may not import from main/')]);
    expect(await layerErrors('hub/example.ts', "import { x } from '../renderer/app/App';\nexport const y = x;\n")).toHaveLength(1);
    expect(await layerErrors('hub/example.ts', "import { app } from 'electron';\nexport const y = app;\n")).toEqual([expect.stringContaining('Only main/app may import electron')]);
  });

  it('the hub may import shared and Node modules', async () => {
    expect(await layerErrors('hub/example.ts', "import { EnrollRequest } from '../shared/hub';\nimport { createHash } from 'node:crypto';\nexport const y = [EnrollRequest, createHash];\n")).toEqual([]);
  });

  it('shared/hub.ts, the wire format, stays free of Node and of our other layers', async () => {
    expect(await layerErrors('shared/hub.ts', "import { x } from '../hub/hubStore';\nexport const y = x;\n")).toHaveLength(1);
  });
});
