import type { FastifyRequest } from 'fastify';

/**
 * Headers on every web view response. The pages need no script at all, so the policy allows
 * none; styles and the icon come only from the hub itself; no other site may frame a page.
 */
export const WEB_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  // Our own Referer stays available as a fallback for the Origin check; other sites get none.
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export const HSTS_HEADER = 'max-age=31536000';

/** Whether the browser reached the hub over HTTPS (directly, or through a trusted proxy with --trust-proxy). */
export function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/**
 * A form must come from the hub's own pages. Returns what is wrong, or null when the Origin (or,
 * without one, the Referer) is the hub itself.
 */
export function crossSiteProblem(request: FastifyRequest): string | null {
  const expected = `${request.protocol}://${request.host}`.toLowerCase();
  let claimed: string | null = null;
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== '' && origin !== 'null') claimed = origin.toLowerCase();
  else if (typeof request.headers.referer === 'string') {
    try {
      claimed = new URL(request.headers.referer).origin.toLowerCase();
    } catch {
      claimed = null;
    }
  }
  const behindProxy = 'If the hub runs behind a reverse proxy, start it with --trust-proxy so it knows its public address.';
  if (claimed === null) return `Your browser did not say which page this form came from, so the hub did not act on it. Open the hub's own page and try again. ${behindProxy}`;
  if (claimed !== expected) return `This form came from ${claimed}, not from the hub's own page (${expected}), so the hub did not act on it. Open the hub's own page and try again. ${behindProxy}`;
  return null;
}
