#!/usr/bin/env node
// The `fieldbook` command. The CLI is built into out/ by `npm run build` (run on install).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('Fieldbook is not built yet. Run "npm run build" in the Fieldbook folder, then try again.');
  process.exit(1);
}
const { main } = await import(cli.href);
main();
