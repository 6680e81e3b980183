import { z } from 'zod';
import { ChangesResponse, EnrollResponse, EntryWriteResponse, HUB_API_VERSION, HubEntryState, HubErrorBody, HubHealth } from '../../../shared/hub';
import { FieldbookError } from '../errors';

/** Why a hub call did not succeed, sorted by what the sync engine should do about it. */
export type HubFailureKind =
  /** Not reachable, timed out, or cut off: try again later. */
  | 'offline'
  /** The hub answered 5xx or 429, or an answer could not be read: try again later. */
  | 'retry'
  /** The token is not accepted (revoked, or the hub was reset): the user must connect again. */
  | 'auth'
  /** The hub refused this request for good (400, 403, 404, 409, 413): retrying will not help. */
  | 'refused';

export interface HubFailure {
  kind: HubFailureKind;
  status: number | null;
  message: string;
}

export type HubAnswer<T> = { ok: true; value: T } | { ok: false; failure: HubFailure };

const DeviceEntries = z.object({ entries: z.array(HubEntryState) });

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks a hub address the user typed: https (plain http only on this machine's loopback, for a
 * hub run locally), no user name or password in it. Returns it without a trailing slash.
 */
export function normalizeHubUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new FieldbookError('invalid_input', `“${input.slice(0, 200)}” is not a web address.`, 'Type the hub address IT gave you, like https://fieldbook-hub.example.com.');
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new FieldbookError(
      'invalid_input',
      `The hub address must start with https:// (it starts with ${url.protocol}//).`,
      'Fieldbook only talks to a hub over an encrypted connection. Ask IT for the https:// address.',
    );
  }
  if (url.username || url.password) {
    throw new FieldbookError('invalid_input', 'The hub address must not contain a user name or password.', 'Use the address alone; the enrollment code signs you in.');
  }
  if (url.search || url.hash) {
    throw new FieldbookError('invalid_input', 'The hub address must not contain ? or #.', 'Use the address IT gave you, without anything after ? or #.');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export interface HubClientOptions {
  baseUrl: string;
  token?: string | null;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
  /** The HTTP function (tests pass Node's fetch through a fault-injecting proxy instead). */
  fetch?: typeof fetch;
}

/** The desktop side of the hub's API (shared/hub.ts). Every answer is validated before use. */
export class HubClient {
  private readonly baseUrl: string;
  private readonly token: string | null;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: HubClientOptions) {
    this.baseUrl = `${options.baseUrl}/${HUB_API_VERSION}`;
    this.token = options.token ?? null;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  health(): Promise<HubAnswer<HubHealth>> {
    return this.request('GET', '/health', null, HubHealth);
  }

  enroll(code: string, deviceName: string): Promise<HubAnswer<EnrollResponse>> {
    return this.request('POST', '/enroll', JSON.stringify({ code, deviceName }), EnrollResponse);
  }

  /** Sends a stored request body as it is: the bytes the user previewed. */
  push(entryId: string, body: string): Promise<HubAnswer<EntryWriteResponse>> {
    return this.request('PUT', `/entries/${encodeURIComponent(entryId)}`, body, EntryWriteResponse);
  }

  withdraw(entryId: string, body: string): Promise<HubAnswer<EntryWriteResponse>> {
    return this.request('DELETE', `/entries/${encodeURIComponent(entryId)}`, body, EntryWriteResponse);
  }

  /** This device's entries as the hub holds them (revision, withdrawn), to notice a hub that lost data. */
  entries(): Promise<HubAnswer<{ entries: HubEntryState[] }>> {
    return this.request('GET', '/entries', null, DeviceEntries);
  }

  changes(cursor: number): Promise<HubAnswer<ChangesResponse>> {
    return this.request('GET', `/changes?cursor=${cursor}`, null, ChangesResponse);
  }

  private async request<Schema extends z.ZodType>(method: string, path: string, body: string | null, schema: Schema): Promise<HubAnswer<z.output<Schema>>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== null) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body,
        // A hub never redirects; following one could send the token elsewhere.
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return failure('offline', null, timedOut ? 'The hub did not answer in time.' : 'The hub could not be reached.');
    }
    const parsed = parseJson(text);
    if (!response.ok) {
      const hubMessage = HubErrorBody.safeParse(parsed);
      const message = hubMessage.success ? hubMessage.data.error.message : `The hub answered ${response.status}.`;
      const status = response.status;
      if (status === 401) return failure('auth', status, message);
      if (status === 429 || status >= 500 || status === 408) return failure('retry', status, message);
      return failure('refused', status, message);
    }
    const result = schema.safeParse(parsed);
    if (!result.success) return failure('retry', response.status, 'The hub’s answer could not be read (it may have been cut off).');
    return { ok: true, value: result.data };
  }
}

function failure(kind: HubFailureKind, status: number | null, message: string): { ok: false; failure: HubFailure } {
  return { ok: false, failure: { kind, status, message } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
