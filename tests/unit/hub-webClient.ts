import type { SharedEntryPayload } from '../../shared/sharing';
import type { RunningHub } from './hub-testHub';

/**
 * A small browser for the hub's web view over real HTTP: it keeps the session cookie, follows no
 * redirects (tests look at them), and sends the Origin header a browser sends with a form.
 */
export class WebClient {
  /** The session cookie as "name=value", or null. */
  cookie: string | null = null;
  /** The Set-Cookie header of the last answer that had one. */
  lastSetCookie: string | null = null;

  constructor(readonly base: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<WebAnswer> {
    return this.send('GET', path, undefined, headers);
  }

  /** Posts a form. `origin: null` leaves the Origin header out; by default it is the hub's own. */
  async post(path: string, form: Record<string, string>, options: { origin?: string | null; headers?: Record<string, string> } = {}): Promise<WebAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...options.headers };
    const origin = options.origin === undefined ? this.base : options.origin;
    if (origin !== null) headers.origin = origin;
    return this.send('POST', path, new URLSearchParams(form).toString(), headers);
  }

  async signIn(token: string): Promise<WebAnswer> {
    return this.post('/web/sign-in', { token });
  }

  /** The form token of the signed-in page (every page with a form carries it). */
  async csrf(path = '/web/'): Promise<string> {
    const page = await this.get(path);
    const match = /name="csrf" value="([^"]+)"/.exec(page.text);
    if (!match) throw new Error(`No form token on ${path} (status ${page.status}).`);
    return match[1]!;
  }

  private async send(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<WebAnswer> {
    const all: Record<string, string> = { ...headers };
    if (this.cookie) all.cookie = this.cookie;
    const response = await fetch(`${this.base}${path}`, { method, headers: all, redirect: 'manual', ...(body === undefined ? {} : { body }) });
    const [setCookie] = response.headers.getSetCookie();
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const [pair] = setCookie.split(';');
      this.cookie = /max-age=0(;|$)/i.test(setCookie) ? null : pair!.trim();
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, location: response.headers.get('location'), headers: response.headers, text: bytes.toString('utf8'), bytes };
  }
}

export interface WebAnswer {
  status: number;
  location: string | null;
  headers: Headers;
  /** The body as UTF-8 text (a byte-order mark stays in it), and as bytes. */
  text: string;
  bytes: Buffer;
}

/** A device enrolled on the hub, with a helper to share entries the way the desktop app does. */
export async function enrollDevice(hub: RunningHub, deviceName: string) {
  const { code } = await hub.store.createEnrollmentCode();
  const answer = await hub.call('POST', '/v1/enroll', { body: { code, deviceName } });
  if (answer.status !== 200) throw new Error(`Enrollment failed: ${JSON.stringify(answer.body)}`);
  const { deviceId, token } = answer.body as { deviceId: string; token: string };
  return {
    deviceId,
    token,
    share: async (entryId: string, revision: number, payload: Record<string, unknown>) => {
      const pushed = await hub.call('PUT', `/v1/entries/${entryId}`, { token, body: { revision, payload, sharedAt: '2026-11-25T10:42:00Z' } });
      if (pushed.status !== 200) throw new Error(`Share failed: ${JSON.stringify(pushed.body)}`);
    },
    withdraw: async (entryId: string, revision: number) => {
      const withdrawn = await hub.call('DELETE', `/v1/entries/${entryId}`, { token, body: { revision } });
      if (withdrawn.status !== 200) throw new Error(`Withdrawal failed: ${JSON.stringify(withdrawn.body)}`);
    },
  };
}

/** A payload in the desktop's share format (shared/sharing.ts), with the given fields and parts. */
export function sharePayload(entryId: string, fields: Record<string, unknown>, extra: Partial<Pick<SharedEntryPayload, 'findings' | 'files' | 'answerQuestions'>> = {}): Record<string, unknown> {
  return { format: 'fieldbook.share/1', entryId, entryRevision: 3, updatedAt: '2026-11-25T10:40:00Z', fields, ...extra };
}
