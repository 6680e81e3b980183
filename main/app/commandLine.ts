/**
 * The Electron app accepts `--data-dir DIR` (or `--data-dir=DIR`), like `fieldbook serve`,
 * so `npm start -- --data-dir ./somewhere` works on both hosts. No electron import here.
 */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument.startsWith('--data-dir=')) return argument.slice('--data-dir='.length) || undefined;
    if (argument === '--data-dir') {
      const value = argv[index + 1];
      return value && !value.startsWith('--') ? value : undefined;
    }
  }
  return undefined;
}
