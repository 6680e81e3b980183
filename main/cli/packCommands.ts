import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePack, formatProblems } from '../core/guidelines/compilePack';
import { generatePublisherKeys, signPack } from '../core/guidelines/signing';
import { FieldbookError } from '../core/errors';

export const PACK_HELP = `  fieldbook pack check FILE               Check a guideline pack: schema, inputs, every expression
  fieldbook pack keygen --out DIR         Make a publisher key pair (publisher.key stays secret)
  fieldbook pack sign FILE --key KEYFILE  Sign a pack; writes FILE.sig beside it`;

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new FieldbookError('invalid_input', `Cannot read the ${what} ${path}: ${(error as Error).message}`, 'Check the path and try again.');
  }
}

/** `fieldbook pack check FILE`: the same checks the app runs before it uses a pack. */
export function packCheck(file: string): number {
  const result = compilePack(readInput(file, 'pack').toString('utf8'));
  if (!result.ok) {
    console.error(`${file} has ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:\n\n${formatProblems(result.problems)}`);
    return 1;
  }
  const { pack } = result.compiled;
  console.log(`${file}: ${pack.name} ${pack.version} by ${pack.publisher} — ${pack.rules.length} rules, all expressions check.`);
  return 0;
}

export function packKeygen(outDir: string): number {
  const privatePath = join(outDir, 'publisher.key');
  if (existsSync(privatePath)) {
    throw new FieldbookError('invalid_input', `${privatePath} already exists.`, 'Choose another folder; Fieldbook never overwrites a key.');
  }
  mkdirSync(outDir, { recursive: true });
  const keys = generatePublisherKeys();
  writeFileSync(privatePath, keys.privateKeyPem, { mode: 0o600 });
  chmodSync(privatePath, 0o600);
  writeFileSync(join(outDir, 'publisher.pub'), `${keys.publicKey}\n`);
  console.log(`Wrote ${privatePath} (keep it secret) and ${join(outDir, 'publisher.pub')} (give it to users: key ${keys.keyId}).`);
  return 0;
}

export function packSign(file: string, keyFile: string): number {
  const bytes = readInput(file, 'pack');
  const result = compilePack(bytes.toString('utf8'));
  if (!result.ok) {
    console.error(`Not signed: ${file} has problems:\n\n${formatProblems(result.problems)}`);
    return 1;
  }
  let signature;
  try {
    signature = signPack(bytes, readInput(keyFile, 'key').toString('utf8'));
  } catch (error) {
    throw new FieldbookError('invalid_input', `Cannot sign with ${keyFile}: ${(error as Error).message}`, 'Use the publisher.key made by "fieldbook pack keygen".');
  }
  writeFileSync(`${file}.sig`, `${JSON.stringify(signature, null, 2)}\n`);
  console.log(`Signed ${file} with key ${signature.keyId}; wrote ${file}.sig.`);
  return 0;
}
