/**
 * The session cookie. HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), and over HTTPS Secure with the __Host- prefix (bound to this host, never sent in clear).
 */
const PLAIN_NAME = 'fieldbook-hub-session';
const SECURE_NAME = '__Host-fieldbook-hub-session';

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_NAME : PLAIN_NAME;
}

export function sessionCookie(sessionId: string, secure: boolean, maxAgeSeconds: number): string {
  return `${sessionCookieName(secure)}=${sessionId}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', secure, 0);
}

/** One cookie's value from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}
