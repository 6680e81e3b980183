import { createHash, randomBytes } from 'node:crypto';

/** Device tokens start with this, staff tokens with STAFF_TOKEN_PREFIX: the hub knows where to look. */
export const DEVICE_TOKEN_PREFIX = 'fbd_';
export const STAFF_TOKEN_PREFIX = 'fbs_';

/** A new random token (256 bits). Only its hash is stored. */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** SHA-256, hex: what the hub stores for tokens and enrollment codes. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

// Crockford-style alphabet: no I, L, O, U, so a code read aloud or retyped survives.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new enrollment code like `7KQ2-M9XD-4RTA-PV3H` (80 random bits). */
export function newEnrollmentCode(): string {
  const bytes = randomBytes(16);
  let code = '';
  for (let index = 0; index < 16; index++) {
    code += CODE_ALPHABET[bytes[index]! % 32];
    if (index % 4 === 3 && index < 15) code += '-';
  }
  return code;
}

/** The form a code is hashed in: upper case, without spaces or dashes, look-alike letters mapped. */
export function normalizeEnrollmentCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}
