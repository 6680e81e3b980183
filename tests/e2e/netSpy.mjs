// Loaded with `node --import` into a Fieldbook process under test: writes every outgoing
// connection attempt and name lookup (in the main thread and in worker threads) to the file
// named by FIELDBOOK_NET_SPY_LOG, one JSON object per line. It records; it blocks nothing.
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import process from 'node:process';
import { isMainThread, threadId } from 'node:worker_threads';

const logFile = process.env.FIELDBOOK_NET_SPY_LOG;
if (logFile) {
  const record = (entry) => appendFileSync(logFile, `${JSON.stringify({ ...entry, thread: isMainThread ? 'main' : `worker ${threadId}` })}\n`);

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (typeof first === 'object' && first !== null) {
      record(first.path ? { kind: 'ipc', path: String(first.path) } : { kind: 'tcp', host: String(first.host ?? 'localhost'), port: Number(first.port) });
    } else if (typeof first === 'string' && Number.isNaN(Number(first))) {
      record({ kind: 'ipc', path: first });
    } else {
      record({ kind: 'tcp', host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) });
    }
    return connect.apply(this, args);
  };

  const lookup = dns.lookup;
  dns.lookup = function (hostname, ...rest) {
    record({ kind: 'lookup', host: String(hostname) });
    return lookup.call(this, hostname, ...rest);
  };
  const promisesLookup = dns.promises.lookup;
  dns.promises.lookup = function (hostname, ...rest) {
    record({ kind: 'lookup', host: String(hostname) });
    return promisesLookup.call(this, hostname, ...rest);
  };

  const send = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function (...args) {
    record({ kind: 'udp', args: args.filter((arg) => typeof arg === 'string' || typeof arg === 'number').map(String) });
    return send.apply(this, args);
  };
}
