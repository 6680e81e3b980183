import { describe, expect, it } from 'vitest';
import { createHttpBridge, UNREACHABLE } from '../../renderer/bridge/httpBridge';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
  send(name: string, data: unknown): void {
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
}

describe('the browser bridge', () => {
  it('posts the input as JSON to /api/call/<method> and returns the answer', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const bridge = createHttpBridge({
      fetch: async (url, init) => {
        seen.push({ url: String(url), init });
        return jsonResponse(200, { ok: true, value: { total: 0, offset: 0, items: [] } });
      },
    });
    const result = await bridge.call('entries.list', { query: 'pricing' });
    expect(result).toEqual({ ok: true, value: { total: 0, offset: 0, items: [] } });
    expect(seen[0]?.url).toBe('/api/call/entries.list');
    expect(seen[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(seen[0]?.init?.body))).toEqual({ query: 'pricing' });
  });

  it('passes on the error of a 4xx answer as it came', async () => {
    const error = { code: 'invalid_input', message: 'Give the tool a name.', hint: 'Correct it.' };
    const bridge = createHttpBridge({ fetch: async () => jsonResponse(400, { ok: false, error }) });
    expect(await bridge.call('entries.get', { id: 'x' })).toEqual({ ok: false, error });
  });

  it('says Fieldbook is not reachable when the request cannot be made', async () => {
    const bridge = createHttpBridge({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(await bridge.call('app.info', {})).toEqual({ ok: false, error: UNREACHABLE });
  });

  it('explains a refused connection (no token cookie) instead of failing on the text answer', async () => {
    const bridge = createHttpBridge({ fetch: async () => new Response('Fieldbook needs its connection link.', { status: 401 }) });
    const result = await bridge.call('app.info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.hint).toMatch(/token/);
  });

  it('delivers named server events to their listeners until they unsubscribe', () => {
    const bridge = createHttpBridge({ createEventSource: (url) => new FakeEventSource(url) as unknown as EventSource });
    const received: unknown[] = [];
    const stop = bridge.on('entries.changed', (payload) => received.push(payload));
    expect(FakeEventSource.last?.url).toBe('/api/events');
    FakeEventSource.last?.send('entries.changed', { ids: [], action: 'updated' });
    stop();
    FakeEventSource.last?.send('entries.changed', { ids: [], action: 'deleted' });
    expect(received).toEqual([{ ids: [], action: 'updated' }]);
  });
});
