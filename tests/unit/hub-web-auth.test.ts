import { createHash, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { runHubCli } from '../../hub/hubCli';
import { createWebSession } from '../../hub/web/webSessions';
import { HUB_BACKENDS, createHubTestDatabase, startHub, type HubBackend, type HubTestDatabase, type RunningHub } from './hub-testHub';
import { WebClient, enrollDevice, sharePayload } from './hub-webClient';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(HUB_BACKENDS)('signing in to the hub web view on %s', (backend: HubBackend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function hub(): Promise<{ running: RunningHub; place: HubTestDatabase }> {
    const place = await createHubTestDatabase(backend);
    cleanups.push(() => place.drop());
    const running = await startHub(place, { rateLimits: { enrollMax: 1000 } });
    cleanups.push(() => running.close());
    return { running, place };
  }

  /** Runs a fieldbook-hub command against the same database, as IT would in another terminal. */
  async function cli(place: HubTestDatabase, ...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const env = place.databaseUrl ? { DATABASE_URL: place.databaseUrl } : {};
    const code = await runHubCli([...args, '--data-dir', place.dataDir], { out: (line) => out.push(line), err: (line) => err.push(line), env });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('a staff token signs in: an HttpOnly, SameSite=Strict cookie holds a random id, stored only as a hash', async () => {
    const { running } = await hub();
    const { token } = await running.store.addStaff('Ines from IT');
    const web = new WebClient(running.url);
    expect((await web.get('/web/')).location).toBe('/web/sign-in');
    const signedIn = await web.signIn(token);
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/web/');
    const cookie = web.lastSetCookie!;
    expect(cookie).toMatch(/^fieldbook-hub-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    expect(cookie).not.toContain('Secure'); // plain HTTP on loopback here; see the HTTPS test below
    const sessionId = web.cookie!.split('=')[1]!;
    expect(sessionId).not.toContain(token);
    const rows = await running.database.db.selectFrom('web_sessions').selectAll().execute();
    expect(rows.map((row) => row.id_hash)).toEqual([sha256(sessionId)]);

    const portfolio = await web.get('/web/');
    expect(portfolio.status).toBe(200);
    expect(portfolio.text).toContain('Signed in as Ines from IT');
    expect((await running.store.auditLog()).map((row) => row.action)).toContain('web.sign-in');
  });

  it('behind a TLS proxy the cookie is Secure, __Host- prefixed, and HSTS is sent', async () => {
    const place = await createHubTestDatabase(backend);
    cleanups.push(() => place.drop());
    const running = await startHub(place, { trustProxy: true });
    cleanups.push(() => running.close());
    const { token } = await running.store.addStaff('Ines');
    const web = new WebClient(running.url);
    const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'hub.example.org' };
    const signedIn = await web.post('/web/sign-in', { token }, { origin: 'https://hub.example.org', headers: proxied });
    expect(signedIn.status).toBe(303);
    expect(web.lastSetCookie).toMatch(/^__Host-fieldbook-hub-session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);
    const page = await web.get('/web/', proxied);
    expect(page.status).toBe(200);
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('a wrong token, a device token and a revoked staff token are refused with a message, and no session is made', async () => {
    const { running, place } = await hub();
    const device = await enrollDevice(running, 'Anna’s laptop');
    const { token: revoked } = await running.store.addStaff('Former colleague');
    expect((await cli(place, 'staff', 'revoke', 'Former colleague')).code).toBe(0);

    const web = new WebClient(running.url);
    const wrong = await web.signIn('fbs_this-is-not-a-real-token-at-all-000000000000');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('This staff token is not valid: it may be mistyped, or it was revoked.');
    expect(wrong.text).toContain('aria-invalid="true"');

    const asDevice = await web.signIn(device.token);
    expect(asDevice.status).toBe(403);
    expect(asDevice.text).toContain('This is a device token. The web view is for IT staff');

    expect((await web.signIn(revoked)).status).toBe(401);
    expect((await web.signIn('   ')).text).toContain('Enter your staff token.');
    expect(web.cookie).toBeNull();
    expect(await running.database.db.selectFrom('web_sessions').selectAll().execute()).toEqual([]);
    const refusals = (await running.store.auditLog()).filter((row) => row.action === 'web.sign-in.refused').map((row) => JSON.parse(row.detail!).reason);
    expect(refusals.sort()).toEqual(['bad-token', 'bad-token', 'device-token']);
  });

  it('a device token never opens the web view, neither as a bearer token nor as a cookie', async () => {
    const { running } = await hub();
    const device = await enrollDevice(running, 'Anna’s laptop');
    const web = new WebClient(running.url);
    const bearer = await web.get('/web/', { authorization: `Bearer ${device.token}` });
    expect(bearer.status).toBe(303);
    expect(bearer.location).toBe('/web/sign-in');
    web.cookie = `fieldbook-hub-session=${device.token}`;
    const asCookie = await web.get('/web/export.json');
    expect(asCookie.status).toBe(303);
    expect(asCookie.location).toBe('/web/sign-in?ended=1');
  });

  it('a form from another site, or without any origin, is refused; so is a missing or foreign form token', async () => {
    const { running } = await hub();
    const { token } = await running.store.addStaff('Ines');
    const device = await enrollDevice(running, 'Anna’s laptop');
    const entryId = randomUUID();
    await device.share(entryId, 1, sharePayload(entryId, { name: 'Quote pricer' }));

    const web = new WebClient(running.url);
    const crossSiteSignIn = await web.post('/web/sign-in', { token }, { origin: 'https://evil.example' });
    expect(crossSiteSignIn.status).toBe(403);
    expect(crossSiteSignIn.text).toContain('This form came from https://evil.example, not from the hub');
    expect(web.cookie).toBeNull();

    await web.signIn(token);
    const csrf = await web.csrf(`/web/entries/${entryId}`);
    const path = `/web/entries/${entryId}/comments`;
    const crossSite = await web.post(path, { csrf, text: 'from evil' }, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const noOrigin = await web.post(path, { csrf, text: 'no origin' }, { origin: null });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.text).toContain('did not say which page this form came from');
    const noToken = await web.post(path, { text: 'no token' });
    expect(noToken.status).toBe(403);
    expect(noToken.text).toContain('the comment was not added yet');
    expect(noToken.text).toContain('>\nno token</textarea>'); // the text is kept, not lost

    // Another staff member's form token does not fit this session.
    const other = new WebClient(running.url);
    await other.signIn((await running.store.addStaff('Marco')).token);
    const foreign = await web.post(path, { csrf: await other.csrf(), text: 'foreign token' });
    expect(foreign.status).toBe(403);

    // A Referer from the hub itself stands in for a missing Origin.
    const viaReferer = await web.post(path, { csrf, text: 'via referer' }, { origin: null, headers: { referer: `${running.url}/web/entries/${entryId}` } });
    expect(viaReferer.status).toBe(303);
    const comments = (await running.call('GET', `/v1/entries/${entryId}`, { token: device.token })).body.comments.map((comment: { text: string }) => comment.text);
    expect(comments).toEqual(['via referer']);

    const signOutWithoutToken = await web.post('/web/sign-out', {});
    expect(signOutWithoutToken.status).toBe(403);
  });

  it('signing out ends the session on the hub, not only in the browser', async () => {
    const { running } = await hub();
    const { token } = await running.store.addStaff('Ines');
    const web = new WebClient(running.url);
    await web.signIn(token);
    const kept = web.cookie;
    const signedOut = await web.post('/web/sign-out', { csrf: await web.csrf() });
    expect(signedOut.location).toBe('/web/sign-in?signed-out=1');
    expect(web.cookie).toBeNull();
    expect((await web.get('/web/sign-in?signed-out=1')).text).toContain('You are signed out.');
    web.cookie = kept;
    expect((await web.get('/web/')).location).toBe('/web/sign-in?ended=1');
    expect((await running.store.auditLog()).map((row) => row.action)).toContain('web.sign-out');
  });

  it('a session ends after eight hours', async () => {
    const { running } = await hub();
    const { staffId } = await running.store.addStaff('Ines');
    const old = await createWebSession(running.database.db, { kind: 'staff', id: staffId, name: 'Ines' }, new Date(Date.now() - 8 * 3_600_000 - 1000));
    const fresh = await createWebSession(running.database.db, { kind: 'staff', id: staffId, name: 'Ines' }, new Date(Date.now() - 7 * 3_600_000));
    const web = new WebClient(running.url);
    web.cookie = `fieldbook-hub-session=${old.sessionId}`;
    expect((await web.get('/web/')).location).toBe('/web/sign-in?ended=1');
    web.cookie = `fieldbook-hub-session=${fresh.sessionId}`;
    expect((await web.get('/web/')).status).toBe(200);
  });

  it('revoking takes effect at once: 401 on the API, the web session ended, and it is in the audit log', async () => {
    const { running, place } = await hub();
    const { token: staffToken } = await running.store.addStaff('Ines from IT');
    const device = await enrollDevice(running, 'Anna’s laptop');
    const web = new WebClient(running.url);
    await web.signIn(staffToken);
    expect((await web.get('/web/')).status).toBe(200);
    expect((await running.call('GET', '/v1/portfolio', { token: staffToken })).status).toBe(200);
    expect((await running.call('GET', '/v1/entries', { token: device.token })).status).toBe(200);

    const staffRevoked = await cli(place, 'staff', 'revoke', 'Ines', 'from', 'IT');
    expect(staffRevoked).toMatchObject({ code: 0, out: 'Revoked the staff token of Ines from IT: it no longer works, from now on. 1 web view session was ended.' });
    expect((await running.call('GET', '/v1/portfolio', { token: staffToken })).status).toBe(401);
    const ended = await web.get('/web/');
    expect(ended.status).toBe(303);
    expect(ended.location).toBe('/web/sign-in?ended=1');
    expect(await running.database.db.selectFrom('web_sessions').selectAll().execute()).toEqual([]);

    const deviceRevoked = await cli(place, 'devices', 'revoke', device.deviceId.slice(0, 8));
    expect(deviceRevoked.code).toBe(0);
    const refused = await running.call('GET', '/v1/entries', { token: device.token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('bad-token');

    const audit = await running.store.auditLog();
    expect(audit.filter((row) => row.action === 'staff.revoke').map((row) => [row.actor_kind, JSON.parse(row.detail!)])).toEqual([['cli', { name: 'Ines from IT', sessionsEnded: 1 }]]);
    expect(audit.filter((row) => row.action === 'device.revoke').map((row) => row.target)).toEqual([device.deviceId]);
  });

  it('sign-in attempts from one address are limited', async () => {
    const place = await createHubTestDatabase(backend);
    cleanups.push(() => place.drop());
    const running = await startHub(place, { rateLimits: { enrollMax: 3 } });
    cleanups.push(() => running.close());
    const web = new WebClient(running.url);
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await web.signIn(`fbs_wrong-guess-number-${n}-000000000000000000000`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
