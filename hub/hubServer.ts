import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  ChangesQuery,
  CommentRequest,
  EnrollRequest,
  HUB_API_VERSION,
  HUB_MAX_PACK_BYTES,
  HubEntryParams,
  PublishPackRequest,
  PushEntryRequest,
  WithdrawEntryRequest,
  type HubErrorBody,
} from '../shared/hub';
import { HubError } from './hubError';
import type { HubPrincipal, HubStore } from './hubStore';
import { hashSecret } from './hubTokens';
import { registerHubWeb } from './web/hubWeb';

export interface HubRateLimits {
  /** Requests per window for each token (or address, without a token). */
  max: number;
  /** Enrollment attempts per window for each address: codes must not be guessable. */
  enrollMax: number;
  /** The window, in milliseconds. */
  windowMs: number;
}

export interface HubServerOptions {
  store: HubStore;
  /** Largest request body in bytes (a bigger one gets 413). Pack publication allows HUB_MAX_PACK_BYTES. */
  bodyLimit?: number;
  rateLimits?: Partial<HubRateLimits>;
  /** Log requests (never bodies or tokens). */
  logger?: boolean;
  /** Trust X-Forwarded-For from a load balancer in front of the hub, for per-address limits. */
  trustProxy?: boolean;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_RATE_LIMITS: HubRateLimits = { max: 1200, enrollMax: 20, windowMs: 60_000 };

declare module 'fastify' {
  interface FastifyRequest {
    principal: HubPrincipal | null;
  }
}

/** Builds the hub's HTTP API (/v1). The caller listens, and closes it (the store stays open). */
export async function buildHubServer(options: HubServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Ids and cursors are short; anything longer is not ours.
    routerOptions: { maxParamLength: 100 },
  });
  app.decorateRequest('principal', null);

  await app.register(rateLimit, {
    global: true,
    max: limits.max,
    timeWindow: limits.windowMs,
    // One bucket per token (hashed, so no token sits in memory as a key), else per address.
    keyGenerator: (request) => {
      const token = bearerToken(request);
      return token ? `t:${hashSecret(token)}` : `a:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: { code: 'rate-limited', message: `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} seconds.` },
    }),
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof HubError) return sendError(reply, error.status, error.code, error.message);
    const status = typeof error === 'object' && error !== null && 'statusCode' in error ? Number((error as { statusCode: unknown }).statusCode) : 500;
    if (status === 413) {
      return sendError(reply, 413, 'body-too-large', 'The request is larger than the hub accepts. Share less at once, or ask IT to raise the limit.');
    }
    if (status === 429) {
      const body = error as { error?: { message?: string } };
      return sendError(reply, 429, 'rate-limited', body.error?.message ?? 'Too many requests. Try again in a minute.');
    }
    if (status === 415) return sendError(reply, 415, 'unsupported-media-type', 'Send the request body as JSON (Content-Type: application/json).');
    if (status >= 400 && status < 500) {
      const message = error instanceof Error ? error.message : 'The request could not be read.';
      return sendError(reply, status, 'bad-request', `The request could not be read: ${message}`);
    }
    request.log.error(error);
    return sendError(reply, 500, 'hub-error', 'The hub ran into a problem and did not store anything. Try again later; if it keeps happening, tell IT.');
  });

  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'not-found', 'There is no such address on this hub.'));

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });

  const authenticate = async (request: FastifyRequest): Promise<HubPrincipal> => {
    const token = bearerToken(request);
    if (!token) throw new HubError(401, 'unauthenticated', 'Sign in first: send your device or staff token as "Authorization: Bearer <token>".');
    const principal = await store.authenticate(token);
    if (!principal) throw new HubError(401, 'bad-token', 'This token is not valid (it may have been revoked). Enroll this device again with a new code from IT.');
    request.principal = principal;
    return principal;
  };
  const requireDevice = async (request: FastifyRequest): Promise<HubPrincipal> => {
    const principal = await authenticate(request);
    if (principal.kind !== 'device') throw new HubError(403, 'devices-only', 'Only an enrolled device can do this.');
    return principal;
  };
  const requireStaff = async (request: FastifyRequest): Promise<HubPrincipal> => {
    const principal = await authenticate(request);
    if (principal.kind !== 'staff') throw new HubError(403, 'staff-only', 'Only IT staff can do this.');
    return principal;
  };

  const prefix = `/${HUB_API_VERSION}`;

  app.get(`${prefix}/health`, async () => {
    await store.checkHealth();
    return { ok: true, api: HUB_API_VERSION, database: store.kind };
  });

  app.post(`${prefix}/enroll`, { config: { rateLimit: { max: limits.enrollMax, timeWindow: limits.windowMs, keyGenerator: (request: FastifyRequest) => `enroll:${request.ip}` } } }, async (request) => {
    const body = parse(EnrollRequest, request.body, 'body');
    return store.enroll(body.code, body.deviceName);
  });

  app.get(`${prefix}/entries`, async (request) => {
    const device = await requireDevice(request);
    return { entries: await store.listDeviceEntries(device) };
  });

  app.get(`${prefix}/entries/:entryId`, async (request) => {
    const principal = await authenticate(request);
    const { entryId } = parse(HubEntryParams, request.params, 'address');
    return store.getEntry(principal, entryId);
  });

  app.put(`${prefix}/entries/:entryId`, async (request) => {
    const device = await requireDevice(request);
    const { entryId } = parse(HubEntryParams, request.params, 'address');
    const body = parse(PushEntryRequest, request.body, 'body');
    return store.pushEntry(device, entryId, body);
  });

  app.delete(`${prefix}/entries/:entryId`, async (request) => {
    const device = await requireDevice(request);
    const { entryId } = parse(HubEntryParams, request.params, 'address');
    const body = parse(WithdrawEntryRequest, request.body, 'body');
    return store.withdrawEntry(device, entryId, body.revision);
  });

  app.get(`${prefix}/changes`, async (request) => {
    const device = await requireDevice(request);
    const query = parse(ChangesQuery, request.query, 'query');
    return store.changes(device, query.cursor, query.limit);
  });

  app.post(`${prefix}/entries/:entryId/comments`, async (request, reply) => {
    const staff = await requireStaff(request);
    const { entryId } = parse(HubEntryParams, request.params, 'address');
    const body = parse(CommentRequest, request.body, 'body');
    const comment = await store.addComment(staff, entryId, body.text);
    return reply.code(201).send(comment);
  });

  app.get(`${prefix}/portfolio`, async (request) => {
    await requireStaff(request);
    return { entries: await store.portfolio() };
  });

  app.get(`${prefix}/packs`, async (request) => {
    await authenticate(request);
    return { packs: await store.listPacks() };
  });

  app.get(`${prefix}/packs/:publicationId`, async (request) => {
    await authenticate(request);
    const { publicationId } = request.params as { publicationId: string };
    return store.getPack(publicationId);
  });

  app.post(`${prefix}/packs`, { bodyLimit: HUB_MAX_PACK_BYTES + 64 * 1024 }, async (request, reply) => {
    const staff = await requireStaff(request);
    const body = parse(PublishPackRequest, request.body, 'body');
    const publication = await store.publishPack(staff, body.text, body.signature);
    return reply.code(201).send(publication);
  });

  // The web view for IT staff (/web): HTML pages signed in with a staff token.
  await registerHubWeb(app, { store, signInMax: limits.enrollMax, windowMs: limits.windowMs });

  return app;
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** Validates input with a zod schema; a failure is a 400 that says what is wrong and where. */
function parse<Schema extends z.ZodType>(schema: Schema, value: unknown, where: string): z.output<Schema> {
  if (value === undefined && where === 'body') throw new HubError(400, 'bad-request', 'The request body is missing: send it as JSON (Content-Type: application/json).');
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const details = result.error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw new HubError(400, 'bad-request', `The request ${where} is not valid: ${details}`);
}

function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  const body: HubErrorBody = { error: { code, message } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
