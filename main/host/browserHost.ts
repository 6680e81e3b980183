import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallResult, ErrorCode, Method } from '../../shared/contract';
import type { ApiRouter } from '../api/router';
import {
  SECURITY_HEADERS,
  isAllowedHost,
  isAllowedOrigin,
  tokenCookieName,
  tokenFromCookie,
  tokensMatch,
} from './security';
import { readStaticFile } from './staticFiles';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Restoring a backup sends the whole fieldbook (a 10,000-entry export is about 36 MB). */
export const MAX_IMPORT_BODY_BYTES = 256 * 1024 * 1024;
/** …and a dropped file read from a copy sends its bytes (up to MAX_COPY_BYTES, base64 in JSON). */
const LARGE_BODY_METHODS = new Set(['import.preview', 'import.apply', 'files.previewCopy']);
const HEARTBEAT_MS = 25_000;

export interface BrowserHostOptions {
  router: ApiRouter;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const STATUS_FOR_ERROR: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  store_corrupt: 503,
  store_locked: 503,
  store_newer: 503,
  store_readonly: 503,
  store_unavailable: 503,
  hub_unavailable: 502,
  internal: 500,
};

/**
 * Serves the renderer and the API on 127.0.0.1 only, to whoever holds the connection token.
 * The token arrives once in the URL, becomes an HttpOnly cookie, and is required on every request.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const openStreams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Fieldbook hit an internal error.');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isAllowedHost(request, port)) {
      return send(response, 403, 'text/plain; charset=utf-8', 'This address is not allowed. Open Fieldbook at 127.0.0.1.');
    }
    if (!isAllowedOrigin(request, port)) {
      return send(response, 403, 'text/plain; charset=utf-8', 'Requests from other sites are not allowed.');
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const fromQuery = url.searchParams.get('token') ?? undefined;
    if (request.method === 'GET' && fromQuery !== undefined && tokensMatch(fromQuery, token)) {
      // Swap the token in the address bar for a cookie, so it does not linger in history.
      url.searchParams.delete('token');
      response.setHeader(
        'set-cookie',
        `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      );
      response.setHeader('location', url.pathname + url.search);
      return send(response, 303, 'text/plain; charset=utf-8', '');
    }
    const given = tokenFromCookie(request, port) ?? headerValue(request, 'x-fieldbook-token');
    if (!tokensMatch(given, token)) {
      return send(
        response,
        401,
        'text/plain; charset=utf-8',
        'Fieldbook needs its connection link. Open the address printed by "fieldbook serve" (it ends in ?token=…).',
      );
    }
    if (url.pathname.startsWith('/api/call/')) return handleCall(request, response, url.pathname.slice('/api/call/'.length));
    if (url.pathname === '/api/events') return handleEvents(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    return send(response, 200, file.type, request.method === 'HEAD' ? '' : file.body);
  }

  async function handleCall(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return sendResult(response, 405, callFailure('invalid_input', 'API calls must be sent with POST.'));
    }
    // Requiring JSON also stops cross-site "simple" form posts.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendResult(response, 415, callFailure('invalid_input', 'API calls must send JSON (content-type: application/json).'));
    }
    const limit = LARGE_BODY_METHODS.has(method) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
    const body = await readBody(request, limit);
    if (body === 'too-large') {
      request.resume();
      response.setHeader('connection', 'close');
      return sendResult(response, 413, callFailure('invalid_input', `The request is larger than ${limit / 1024 / 1024} MiB and was refused.`));
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendResult(response, 400, callFailure('invalid_input', 'The request body is not valid JSON.'));
    }
    const result = await options.router.call(decodeURIComponent(method), input);
    return sendResult(response, result.ok ? 200 : STATUS_FOR_ERROR[result.error.code], result);
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    openStreams.add(response);
    const unsubscribe = options.router.subscribe((event, payload) => {
      response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      openStreams.delete(response);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of openStreams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'cache-control': 'no-store',
  });
  response.end(body);
}

function sendResult(response: ServerResponse, status: number, result: CallResult<Method>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

function callFailure(code: ErrorCode, message: string): CallResult<Method> {
  return { ok: false, error: { code, message, hint: 'This request came from outside the Fieldbook window, or from a bug. Nothing was changed.' } };
}

/** Reads a request body, giving up as soon as it passes `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}
