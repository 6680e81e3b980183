import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { PackSignature } from '../../../shared/guidelines';

export interface TrustedKey {
  keyId: string;
  name: string;
  /** SPKI DER, base64. */
  publicKey: string;
}

export type Verification =
  | { ok: true; publisher: string }
  | { ok: false; reason: 'unsigned' | 'malformed' | 'unknown-key' | 'bad-signature'; message: string };

/** SHA-256 of the public key (SPKI DER), in hex; the key id is its first 16 characters. */
export function fingerprintOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function keyIdOf(publicKey: KeyObject): string {
  return fingerprintOf(publicKey).slice(0, 16);
}

/** The key id a signature file names, or null when it is not a Fieldbook pack signature. */
export function signatureKeyId(signatureText: string | null): string | null {
  if (signatureText === null) return null;
  try {
    return PackSignature.parse(JSON.parse(signatureText)).keyId;
  } catch {
    return null;
  }
}

export function generatePublisherKeys(): { privateKeyPem: string; publicKey: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    keyId: keyIdOf(publicKey),
  };
}

export function signPack(packBytes: Buffer, privateKeyPem: string): PackSignature {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The key is not an Ed25519 private key.');
  return {
    fieldbookSignature: 1,
    algorithm: 'ed25519',
    keyId: keyIdOf(createPublicKey(privateKey)),
    signature: sign(null, packBytes, privateKey).toString('base64'),
  };
}

export function publicKeyFromBase64(publicKey: string): KeyObject {
  return createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
}

/** Checks a pack's signature against the publisher keys the user trusts. */
export function verifyPack(packBytes: Buffer, signatureText: string | null, trusted: readonly TrustedKey[]): Verification {
  if (signatureText === null || signatureText.trim() === '') {
    return { ok: false, reason: 'unsigned', message: 'This pack is not signed, so Fieldbook cannot tell who wrote it or whether it was changed.' };
  }
  let signature: PackSignature;
  try {
    signature = PackSignature.parse(JSON.parse(signatureText));
  } catch {
    return { ok: false, reason: 'malformed', message: 'The signature file is not a Fieldbook pack signature.' };
  }
  const key = trusted.find((candidate) => candidate.keyId === signature.keyId);
  if (!key) {
    return { ok: false, reason: 'unknown-key', message: `This pack is signed with a key you do not trust yet (key ${signature.keyId}).` };
  }
  const valid = verify(null, packBytes, publicKeyFromBase64(key.publicKey), Buffer.from(signature.signature, 'base64'));
  return valid
    ? { ok: true, publisher: key.name }
    : { ok: false, reason: 'bad-signature', message: `The pack was changed after ${key.name} signed it, or the signature belongs to another file.` };
}
