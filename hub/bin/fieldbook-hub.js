#!/usr/bin/env node
// The `fieldbook-hub` command: IT's hub server. Built into out/main/hub.js by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../../out/main/hub.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('The Fieldbook hub is not built yet. Run "npm run build" in the Fieldbook folder, then try again.');
  process.exit(1);
}
const { main } = await import(cli.href);
main();
