// `npm start` (after `npm run build`): opens Fieldbook in Electron when this machine has an
// Electron binary, otherwise in the browser through the loopback host (`fieldbook serve`).
// Extra arguments are passed on: `npm start -- --data-dir ./my-fieldbook`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary, PROJECT_ROOT } from './electron-binary.js';

const args = process.argv.slice(2);
const found = findElectronBinary();

let child;
if (found.binary) {
  if (!existsSync(join(PROJECT_ROOT, 'out', 'main', 'main.js'))) {
    console.error('Fieldbook is not built yet. Run "npm run build" in the Fieldbook folder, then try again.');
    process.exit(1);
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node
  // The project folder: Electron reads package.json ("main": "out/main/main.js"), so the app
  // gets Fieldbook's name and version rather than Electron's.
  child = spawn(found.binary, [PROJECT_ROOT, ...args], { stdio: 'inherit', env });
} else {
  console.log(`Electron is not available on this machine (${found.reason}); opening Fieldbook in your browser instead.`);
  child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'fieldbook.js'), 'serve', ...args], { stdio: 'inherit' });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`Could not start Fieldbook: ${error.message}`);
  process.exitCode = 1;
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
