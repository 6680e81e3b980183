import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CommentRequest, HubEntryId } from '../../shared/hub';
import { writeAudit } from '../hubAudit';
import { HubError } from '../hubError';
import type { HubStore } from '../hubStore';
import { DEVICE_TOKEN_PREFIX } from '../hubTokens';
import { renderEntryPage } from './entryPage';
import { linkedEntryIds } from './fieldValueHtml';
import { html } from './html';
import { renderPortfolioCsv } from './portfolioCsv';
import { renderPortfolioHtml, renderPortfolioMarkdown, renderPortfolioXlsx } from './portfolioDocument';
import { matchesFilter, parsePortfolioFilter } from './portfolioFilter';
import { renderPortfolioPage } from './portfolioPage';
import { readSharedPayload } from './sharedView';
import { renderSignInPage } from './signInPage';
import { clearedSessionCookie, readCookie, sessionCookie, sessionCookieName } from './webCookies';
import { renderMessagePage } from './webLayout';
import { shareHistory, sharedNames } from './webQueries';
import { HSTS_HEADER, WEB_SECURITY_HEADERS, crossSiteProblem, isHttps } from './webSecurity';
import { WEB_SESSION_HOURS, createWebSession, endWebSession, findWebSession, type WebSession } from './webSessions';
import { WEB_ICON_SVG, WEB_STYLESHEET } from './webStyles';

export interface HubWebOptions {
  store: HubStore;
  /** Sign-in attempts per window for each address. */
  signInMax: number;
  windowMs: number;
  now?: () => Date;
}

// A comment is at most 10,000 characters; a form body has room for that, percent-encoded, and little else.
const FORM_BODY_LIMIT = 128 * 1024;

/**
 * The web view for IT staff, under /web: sign in with a staff token, read the shared portfolio and
 * its entries, comment, export. Server-rendered HTML with no script; every form is checked for its
 * origin and its session's form token.
 */
export async function registerHubWeb(app: FastifyInstance, options: HubWebOptions): Promise<void> {
  const { store } = options;
  const db = store.db;
  const now = options.now ?? (() => new Date());

  // People who open the hub's address in a browser want the web view.
  app.get('/', async (_request, reply) => reply.redirect('/web/', 303));

  await app.register(
    async (web) => {
      // Form posts, parsed here only: the /v1 API keeps taking JSON alone.
      web.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });

      web.addHook('onSend', async (request, reply, payload) => {
        for (const [name, value] of Object.entries(WEB_SECURITY_HEADERS)) reply.header(name, value);
        if (isHttps(request)) reply.header('strict-transport-security', HSTS_HEADER);
        return payload;
      });

      web.setErrorHandler((error: unknown, request, reply) => {
        const status = typeof error === 'object' && error !== null && 'statusCode' in error ? Number((error as { statusCode: unknown }).statusCode) : 500;
        if (error instanceof HubError) return sendHtml(reply, error.status, renderMessagePage('Something needs a look', error.message, null));
        if (status === 429) return sendHtml(reply, 429, renderMessagePage('Too many tries', 'There were too many requests from your address in a short time. Wait a minute, then try again.', null));
        if (status === 413) return sendHtml(reply, 413, renderMessagePage('Too much text', 'What you sent is larger than the hub accepts. A comment can be up to 10,000 characters.', null));
        if (status === 415) return sendHtml(reply, 415, renderMessagePage('Form not readable', "The hub could not read this form. Send it from the hub's own page.", null));
        if (status >= 400 && status < 500) return sendHtml(reply, status, renderMessagePage('Request not readable', 'The hub could not read this request. Go back and try again.', null));
        request.log.error(error);
        return sendHtml(reply, 500, renderMessagePage('The hub ran into a problem', "The hub ran into a problem and did not save anything. Try again; if it keeps happening, look at the hub's log.", null));
      });

      web.setNotFoundHandler((_request, reply) =>
        sendHtml(reply, 404, renderMessagePage('Page not found', 'There is no page at this address. The shared portfolio is a good place to start.', null)),
      );

      const currentSession = async (request: FastifyRequest): Promise<{ session: WebSession | null; hadCookie: boolean }> => {
        const sessionId = readCookie(request.headers.cookie, sessionCookieName(isHttps(request)));
        if (!sessionId) return { session: null, hadCookie: false };
        return { session: await findWebSession(db, sessionId, now()), hadCookie: true };
      };

      /** The signed-in staff member, or null after the reply was sent: a redirect to sign in. */
      const requireSession = async (request: FastifyRequest, reply: FastifyReply): Promise<WebSession | null> => {
        const { session, hadCookie } = await currentSession(request);
        if (session) return session;
        if (hadCookie) reply.header('set-cookie', clearedSessionCookie(isHttps(request)));
        void reply.redirect(hadCookie ? '/web/sign-in?ended=1' : '/web/sign-in', 303);
        return null;
      };

      const refuseCrossSite = (request: FastifyRequest, reply: FastifyReply): boolean => {
        const problem = crossSiteProblem(request);
        if (problem === null) return false;
        void sendHtml(reply, 403, renderMessagePage('Form not accepted', problem, null));
        return true;
      };

      web.get('/style.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(WEB_STYLESHEET));
      web.get('/icon.svg', async (_request, reply) => reply.type('image/svg+xml').send(WEB_ICON_SVG));

      web.get('/sign-in', async (request, reply) => {
        if ((await currentSession(request)).session) return reply.redirect('/web/', 303);
        const query = request.query as Record<string, unknown>;
        const notice = query['signed-out'] === '1' ? 'You are signed out.' : query.ended === '1' ? 'Your sign-in has ended. Sign in again to go on.' : null;
        return sendHtml(reply, 200, renderSignInPage({ notice }));
      });

      web.post('/sign-in', { config: { rateLimit: { max: options.signInMax, timeWindow: options.windowMs, keyGenerator: (request: FastifyRequest) => `sign-in:${request.ip}` } } }, async (request, reply) => {
        if (refuseCrossSite(request, reply)) return reply;
        const token = formField(request.body, 'token').trim();
        if (token === '') return sendHtml(reply, 400, renderSignInPage({ problem: 'Enter your staff token.' }));
        const principal = token.startsWith(DEVICE_TOKEN_PREFIX) ? null : await store.authenticate(token);
        if (token.startsWith(DEVICE_TOKEN_PREFIX) || principal?.kind === 'device') {
          await writeAudit(db, now(), { kind: 'anonymous', id: null, name: 'web view' }, 'web.sign-in.refused', null, { reason: 'device-token' });
          return sendHtml(reply, 403, renderSignInPage({ problem: 'This is a device token. The web view is for IT staff: sign in with your staff token.' }));
        }
        if (!principal) {
          await writeAudit(db, now(), { kind: 'anonymous', id: null, name: 'web view' }, 'web.sign-in.refused', null, { reason: 'bad-token' });
          return sendHtml(
            reply,
            401,
            renderSignInPage({ problem: 'This staff token is not valid: it may be mistyped, or it was revoked. Check it, or ask whoever runs the hub for a new one.' }),
          );
        }
        // A fresh id on every sign-in: a session id planted before sign-in is worth nothing.
        const previous = readCookie(request.headers.cookie, sessionCookieName(isHttps(request)));
        if (previous) await endWebSession(db, previous);
        const session = await createWebSession(db, principal, now());
        await writeAudit(db, now(), session.staff, 'web.sign-in', session.staff.id, null);
        reply.header('set-cookie', sessionCookie(session.sessionId, isHttps(request), WEB_SESSION_HOURS * 3600));
        return reply.redirect('/web/', 303);
      });

      web.post('/sign-out', async (request, reply) => {
        if (refuseCrossSite(request, reply)) return reply;
        const { session } = await currentSession(request);
        reply.header('set-cookie', clearedSessionCookie(isHttps(request)));
        if (session) {
          if (!sameToken(formField(request.body, 'csrf'), session.csrfToken)) {
            return sendHtml(reply, 403, renderMessagePage('Form out of date', 'This page was out of date, so you are still signed in. Sign out from a page you open now.', null));
          }
          await endWebSession(db, session.sessionId);
          await writeAudit(db, now(), session.staff, 'web.sign-out', session.staff.id, null);
        }
        return reply.redirect('/web/sign-in?signed-out=1', 303);
      });

      web.get('/', async (request, reply) => {
        const session = await requireSession(request, reply);
        if (!session) return reply;
        const parsed = parsePortfolioFilter(request.query);
        const filter = 'filter' in parsed ? parsed.filter : { q: '', criticality: '', sensitivity: '', attention: false };
        const entries = await store.portfolio();
        const matches = entries.map((entry) => ({ entry, view: readSharedPayload(entry.payload) })).filter(({ entry, view }) => matchesFilter(entry, view, filter));
        const problem = 'problem' in parsed ? `${parsed.problem} Showing every shared entry instead.` : null;
        return sendHtml(reply, problem ? 400 : 200, renderPortfolioPage({ session, filter, matches, total: entries.length, problem }));
      });

      const notShared = (session: WebSession) =>
        renderMessagePage('Not shared', 'This entry is not shared with IT. Its owner may have withdrawn it, or the address is mistyped.', session);

      /** The entry page, or a 404 page when the entry is not shared (now). */
      const showEntry = async (reply: FastifyReply, session: WebSession, entryId: string, status: number, extra: { notice?: string | null; draft?: string; commentProblem?: string | null }) => {
        if (!HubEntryId.safeParse(entryId).success) return sendHtml(reply, 404, notShared(session));
        let entry;
        try {
          entry = await store.getEntry(session.staff, entryId);
        } catch (error) {
          if (error instanceof HubError && error.status === 404) return sendHtml(reply, 404, notShared(session));
          throw error;
        }
        if (entry.withdrawn || entry.payload === null) return sendHtml(reply, 404, notShared(session));
        const view = readSharedPayload(entry.payload);
        const [history, names] = await Promise.all([shareHistory(db, entryId), sharedNames(db, linkedEntryIds(view.fields))]);
        return sendHtml(reply, status, renderEntryPage({ session, entry, view, history, names, ...extra }));
      };

      web.get('/entries/:entryId', async (request, reply) => {
        const session = await requireSession(request, reply);
        if (!session) return reply;
        const { entryId } = request.params as { entryId: string };
        const query = request.query as Record<string, unknown>;
        return showEntry(reply, session, entryId, 200, { notice: query.commented === '1' ? 'Your comment was added. Its owner sees it in Fieldbook the next time their device checks in.' : null });
      });

      web.post('/entries/:entryId/comments', { bodyLimit: FORM_BODY_LIMIT }, async (request, reply) => {
        if (refuseCrossSite(request, reply)) return reply;
        const { entryId } = request.params as { entryId: string };
        const text = formField(request.body, 'text');
        const { session } = await currentSession(request);
        if (!session) {
          // Nothing is lost: the comment comes back to copy after signing in again.
          return sendHtml(
            reply,
            401,
            renderMessagePage(
              'Sign in again',
              'Your sign-in ended before the comment was added. Copy your text below, sign in again, and add it once more.',
              null,
              html`<label for="kept">Your comment</label><textarea id="kept" readonly>\n${text}</textarea><p><a href="/web/sign-in">Sign in</a></p>`,
            ),
          );
        }
        if (!sameToken(formField(request.body, 'csrf'), session.csrfToken)) {
          return showEntry(reply, session, entryId, 403, { draft: text, commentProblem: 'This page was out of date (you may have signed in again since it opened), so the comment was not added yet. Check your text and add it again.' });
        }
        const parsed = CommentRequest.safeParse({ text });
        if (!parsed.success) return showEntry(reply, session, entryId, 400, { draft: text, commentProblem: parsed.error.issues[0]?.message ?? 'The comment could not be read.' });
        try {
          await store.addComment(session.staff, entryId, parsed.data.text);
        } catch (error) {
          if (error instanceof HubError && (error.status === 404 || error.status === 409)) {
            return sendHtml(
              reply,
              404,
              renderMessagePage(
                'Not shared any more',
                'This entry is not shared with IT any more (its owner may have withdrawn it), so the comment was not added.',
                session,
                html`<label for="kept">Your comment</label><textarea id="kept" readonly>\n${text}</textarea>`,
              ),
            );
          }
          throw error;
        }
        return reply.redirect(`/web/entries/${encodeURIComponent(entryId)}?commented=1#comments`, 303);
      });

      web.get('/export.json', async (request, reply) => {
        const session = await requireSession(request, reply);
        if (!session) return reply;
        const exported = await store.exportPortfolio(session.staff);
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${exportFileName(now(), 'json')}"`)
          .send(`${JSON.stringify(exported, null, 2)}\n`);
      });

      web.get('/export.csv', async (request, reply) => {
        const session = await requireSession(request, reply);
        if (!session) return reply;
        const entries = await store.portfolio();
        await writeAudit(db, now(), session.staff, 'export', null, { entries: entries.length, format: 'csv' });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${exportFileName(now(), 'csv')}"`)
          .send(renderPortfolioCsv(entries));
      });

      // One document, made by the desktop's own export renderers: HTML (self-contained), Markdown or an Excel workbook.
      for (const [format, type, render] of [
        ['html', 'text/html; charset=utf-8', renderPortfolioHtml],
        ['md', 'text/markdown; charset=utf-8', renderPortfolioMarkdown],
        ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', renderPortfolioXlsx],
      ] as const) {
        web.get(`/export.${format}`, async (request, reply) => {
          const session = await requireSession(request, reply);
          if (!session) return reply;
          const entries = await store.portfolio();
          const at = now();
          await writeAudit(db, at, session.staff, 'export', null, { entries: entries.length, format });
          return reply
            .type(type)
            .header('content-disposition', `attachment; filename="${exportFileName(at, format)}"`)
            .send(render(entries, at));
        });
      }
    },
    { prefix: '/web' },
  );
}

function sendHtml(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

/** One text field of a posted form; anything else (missing, repeated, not text) reads as empty. */
function formField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, name)) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function exportFileName(at: Date, extension: string): string {
  return `fieldbook-hub-portfolio-${at.toISOString().slice(0, 10)}.${extension}`;
}
