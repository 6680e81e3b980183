// Worker thread entry: inspects one file per message, inside the limits the pool set for it.
import { parentPort } from 'node:worker_threads';
import { inspectInThread } from './inspectInThread';
import type { InspectionLimits } from './limits';

interface InspectRequest {
  id: number;
  path: string;
  limits: InspectionLimits;
}

parentPort?.on('message', (request: InspectRequest) => {
  inspectInThread(request.path, request.limits).then(
    (result) => parentPort?.postMessage({ id: request.id, result }),
    (error: unknown) => parentPort?.postMessage({ id: request.id, failure: String(error) }),
  );
});
