/**
 * The `app://fieldbook/` protocol: serves the built renderer (out/renderer) and nothing else.
 *
 * Security checklist items 7 (a strict Content-Security-Policy on every response) and 18
 * (a custom protocol with an allow-listed root instead of `file://`). The resolution is a
 * pure function so it is tested in Node (tests/unit/electron-protocol.test.ts); main.ts hands
 * the handler to `protocol.handle`. No electron import here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './appUrl';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers on every response, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppRequestResolution =
  | { kind: 'file'; filePath: string }
  | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

const INDEX_FILE = 'index.html';

/**
 * Maps an `app://fieldbook/...` URL to a file under `root`, or refuses it.
 * Refuses: other schemes and hosts, credentials or ports, encoded separators (`%2f`, `%5c`),
 * NUL bytes, `.`/`..` segments that survive URL parsing (e.g. `..%2f` decoded), dot-files,
 * and anything whose resolved path is not inside `root`.
 */
export function resolveAppRequest(rawUrl: string, root: string): AppRequestResolution {
  const url = parseUrl(rawUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:`) return refused(400, 'not an app:// URL');
  if (url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return refused(403, `host "${url.host}" is not served`);
  }

  const rawSegments = url.pathname.split('/').filter((segment) => segment !== '');
  const segments: string[] = [];
  for (const rawSegment of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return refused(400, 'malformed percent-encoding');
    }
    if (
      segment === '.' ||
      segment === '..' ||
      segment.startsWith('.') ||
      /[/\\\0:]/.test(segment) ||
      segment.trim() !== segment
    ) {
      return refused(403, 'path segment is not allowed');
    }
    segments.push(segment);
  }
  if (segments.length === 0) segments.push(INDEX_FILE);

  const resolvedRoot = path.resolve(root);
  const filePath = path.resolve(resolvedRoot, ...segments);
  if (!isInside(resolvedRoot, filePath)) return refused(403, 'path leaves the renderer folder');
  // No history-API fallback to index.html: the browser host has none either, so the renderer
  // routes without server help on both hosts.
  return { kind: 'file', filePath };
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function refused(status: 400 | 403 | 404, reason: string): AppRequestResolution {
  return { kind: 'refused', status, reason };
}

export interface AppProtocolFileSystem {
  /** Resolves symlinks; rejects if the path does not exist. */
  realpath(filePath: string): Promise<string>;
  readFile(filePath: string): Promise<Uint8Array>;
  isFile(filePath: string): Promise<boolean>;
}

/**
 * Node's fs, looked up at call time: inside a packaged app Electron patches `fs.promises`
 * to read from app.asar, and a binding captured at import time could miss the patch.
 */
export const nodeFileSystem: AppProtocolFileSystem = {
  realpath: (filePath) => fs.promises.realpath(filePath),
  readFile: (filePath) => fs.promises.readFile(filePath),
  isFile: async (filePath) => {
    try {
      return (await fs.promises.stat(filePath)).isFile();
    } catch {
      return false;
    }
  },
};

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer). Nothing outside it is ever served. */
  root: string;
  fileSystem?: AppProtocolFileSystem;
  log?: (message: string) => void;
}

/** The handler for `protocol.handle('app', ...)`. Never throws; every response carries the CSP. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const log = options.log ?? (() => undefined);
  let realRoot: Promise<string> | undefined;

  return async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return errorResponse(405, { Allow: 'GET, HEAD' });
      }
      const resolution = resolveAppRequest(request.url, options.root);
      if (resolution.kind === 'refused') {
        log(`app:// refused ${resolution.status} (${resolution.reason}): ${request.url.slice(0, 200)}`);
        return errorResponse(resolution.status);
      }

      realRoot ??= fileSystem.realpath(path.resolve(options.root));
      const rootPath = await realRoot;
      const filePath = resolution.filePath;
      if (!(await fileSystem.isFile(filePath))) return errorResponse(404);
      // A symlink inside out/renderer must not lead outside it.
      const realFile = await fileSystem.realpath(filePath);
      if (!isInside(rootPath, realFile)) {
        log(`app:// refused 403 (symlink leaves the renderer folder): ${request.url.slice(0, 200)}`);
        return errorResponse(403);
      }

      const body = await fileSystem.readFile(realFile);
      const headers = {
        ...SECURITY_HEADERS,
        'Content-Type': contentTypeFor(realFile),
        'Content-Length': String(body.byteLength),
        'Cache-Control': 'no-cache',
      };
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
    } catch (error) {
      log(`app:// failed: ${error instanceof Error ? error.message : String(error)}`);
      return errorResponse(404);
    }
  };
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

function errorResponse(status: number, extra: Record<string, string> = {}): Response {
  const text = STATUS_TEXT[status] ?? 'Error';
  return new Response(`${status} ${text}`, {
    status,
    statusText: text,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}
