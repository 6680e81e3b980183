import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fault-injecting HTTP proxy between devices and a real hub, for sync tests. For each request
 * it asks `decide` what to do: pass it on, or misbehave the way networks and servers do.
 */
export type Fault =
  | { kind: 'pass' }
  /** Reset the connection before the hub sees the request. */
  | { kind: 'drop-request' }
  /** Let the hub handle it, then reset the connection: the answer is lost. */
  | { kind: 'drop-answer' }
  /** Send the request to the hub twice (at once), answer with the first reply. */
  | { kind: 'duplicate' }
  /** Hold the request this long before passing it on (longer than the client waits: it times out and the hub still gets it). */
  | { kind: 'delay'; ms: number }
  /** Answer 502/503 without passing it on. */
  | { kind: 'error'; status: number }
  /** Pass it on, then answer 503 anyway: the hub did the work, the device thinks it failed. */
  | { kind: 'error-after'; status: number };

export interface FaultProxy {
  url: string;
  /** Requests seen and what was done to each. */
  log: { method: string; path: string; fault: Fault['kind'] }[];
  setDecider(decide: (method: string, path: string) => Fault): void;
  /** Resolves when every request already passed on to the hub has been answered. */
  quiet(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, decide: (method: string, path: string) => Fault = () => ({ kind: 'pass' })): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const sockets = new Set<Socket>();
  const pending = new Set<Promise<unknown>>();
  const log: FaultProxy['log'] = [];
  let decider = decide;

  const forward = (incoming: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers = { ...incoming.headers, host: targetUrl.host };
      const outgoing = httpRequest(
        { host: targetUrl.hostname, port: targetUrl.port, method: incoming.method, path: incoming.url, headers, agent: false },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const kept: Record<string, string> = {};
            for (const name of ['content-type', 'cache-control']) if (typeof answer.headers[name] === 'string') kept[name] = answer.headers[name];
            resolve({ status: answer.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
          });
          answer.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => undefined);
    return promise;
  };

  const handle = async (incoming: IncomingMessage, reply: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const fault = decider(incoming.method ?? 'GET', incoming.url ?? '/');
    log.push({ method: incoming.method ?? 'GET', path: incoming.url ?? '/', fault: fault.kind });
    const send = (answer: { status: number; headers: Record<string, string>; body: Buffer }) => {
      if (!reply.writableEnded && !reply.destroyed) reply.writeHead(answer.status, answer.headers).end(answer.body);
    };
    switch (fault.kind) {
      case 'drop-request':
        incoming.socket.destroy();
        return;
      case 'error':
        send({ status: fault.status, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"error":{"code":"proxy","message":"The proxy failed."}}') });
        return;
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        send(await track(forward(incoming, body)));
        return;
      case 'drop-answer':
        await track(forward(incoming, body));
        incoming.socket.destroy();
        return;
      case 'duplicate': {
        const [first] = await Promise.all([track(forward(incoming, body)), track(forward(incoming, body))]);
        send(first);
        return;
      }
      case 'error-after':
        await track(forward(incoming, body));
        send({ status: fault.status, headers: { 'content-type': 'text/plain' }, body: Buffer.from('Service unavailable') });
        return;
      default:
        send(await track(forward(incoming, body)));
    }
  };

  const server = createServer((incoming, reply) => {
    track(handle(incoming, reply)).catch(() => {
      if (!reply.headersSent) reply.writeHead(502).end();
      else reply.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    setDecider: (next) => {
      decider = next;
    },
    quiet: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close: async () => {
      // Let requests already passed on finish, so the hub is quiet before anyone reads it.
      await Promise.allSettled([...pending]);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
