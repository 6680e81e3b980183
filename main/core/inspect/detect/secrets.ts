import type { SecretFinding, SecretKind } from '../../../../shared/inspection';

type SecretRule = [SecretKind, RegExp];

const LINE_RULES: SecretRule[] = [
  ['private-key', /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/],
  ['api-key', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bAIza[0-9A-Za-z_-]{35}\b|\bxox[baprs]-[0-9A-Za-z-]{10,}|\bgh[pousr]_[A-Za-z0-9]{36,}\b|\b(?:sk|rk)_live_[0-9A-Za-z]{20,}\b|\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\b/],
  ['api-key', /\b(?:api[_-]?key|apikey|access[_-]?key|secret[_-]?(?:access[_-]?)?key|client[_-]?secret|aws_secret_access_key)\b["']?\s*[:=]{1,2}\s*["'][^"'\s]{8,}["']/i],
  ['token', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
  ['token', /\b(?:auth[_-]?token|access[_-]?token|bearer|token|secret)\b["']?\s*[:=]{1,2}\s*["'][A-Za-z0-9._~+/=-]{16,}["']|Authorization["']?\s*[:=,]\s*["']?(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{12,}/i],
  ['url-credentials', /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^/\s:@"']{1,100}:[^/\s@"']{1,200}@[^\s"']+/i],
  ['connection-string-password', /(?:Provider|Server|Data Source|DSN|Driver|Initial Catalog|Database|User ID|UID)\s*=[^"'\n]*;\s*(?:Password|Pwd)\s*=\s*[^;"'\s][^;"'\n]*/i],
  ['password', /\b(?:password|passwd|pwd|passwort|mot_?de_?passe|kennwort)\w*\b["']?\s*(?::=|[:=]{1,2})\s*["'][^"'\s]{3,}["']|-AsPlainText\b|\.Unprotect\s+(?:Password:=\s*)?"[^"]+"|\.Protect\s+(?:Password:=\s*)?"[^"]+"/i],
];

const HIGH_ENTROPY = /["']([A-Za-z0-9+/=_-]{20,})["']/g;
const ALLOW = /pragma:\s*allowlist secret/i;

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function looksRandom(value: string): boolean {
  if (/^[0-9a-f-]{36}$/i.test(value) || /^\{?[0-9A-F]{8}-/i.test(value)) return false; // GUIDs are identifiers
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= 32 && entropy(value) > 3.0;
  if (/^[A-Za-z]+$/.test(value) || /^[A-Za-z_]+$/.test(value)) return false;
  return entropy(value) > 4.2 && /\d/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value);
}

/**
 * Finds secrets line by line and returns only their kind and line: the value itself is never kept.
 * `where` names the place ("module Module1") and is followed by the line number.
 */
export function findSecrets(text: string, where: string | null): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length && i < 1_000_000; i++) {
    const line = lines[i]!;
    if (line.length > 10_000 || ALLOW.test(line)) continue;
    const place = where ? `${where}, line ${i + 1}` : `line ${i + 1}`;
    // One finding per line: the first rule that matches names it.
    let kind: SecretKind | null = LINE_RULES.find(([, pattern]) => pattern.test(line))?.[0] ?? null;
    if (!kind) {
      for (const match of line.matchAll(HIGH_ENTROPY)) {
        if (looksRandom(match[1]!)) {
          kind = 'token';
          break;
        }
      }
    }
    if (kind) findings.push({ kind, location: place });
  }
  return findings;
}
