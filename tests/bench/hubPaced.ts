import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { newLoadResult, nextShare, recordAnswer, type BenchDevice, type LoadResult } from './hubShares';

/**
 * Shares at a steady rate, as devices in use would send them: each device on its own keep-alive
 * connection sends one share every `devices / perSecond` seconds, the devices' schedules evenly
 * staggered. (autocannon's rate option sends each second's quota back to back at the start of
 * the second, a burst every second, so it cannot measure latency at a given rate.)
 *
 * Latency is counted from when a share was due, not from when it went out: a hub that falls
 * behind delays the shares queued after the slow one, and that wait is counted too.
 */
export async function paceShares(url: string, devices: BenchDevice[], perSecond: number, seconds: number): Promise<LoadResult> {
  const result = newLoadResult();
  const interval = (devices.length / perSecond) * 1000;
  const perDevice = Math.max(1, Math.round((seconds * perSecond) / devices.length));
  const started = performance.now() + 20;
  let lastAnswer = started;
  await Promise.all(
    devices.map(async (device, n) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (let k = 0; k < perDevice; k++) {
          const due = started + (n / devices.length) * interval + k * interval;
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
          const share = nextShare(device, result);
          try {
            const answer = await put(url + share.path, agent, share.headers, share.body);
            result.latencies.push(performance.now() - due);
            recordAnswer(result, device, answer.status, answer.body);
          } catch (error) {
            result.errors += 1;
            if (error instanceof Error && error.message === 'timeout') result.timeouts += 1;
          }
          lastAnswer = Math.max(lastAnswer, performance.now());
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  result.seconds = (lastAnswer - started) / 1000;
  return result;
}

function put(url: string, agent: Agent, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'PUT', agent, timeout: 10_000, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
