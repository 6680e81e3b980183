import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFieldbook } from '../../main/core/fieldbook';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('looking through a folder', () => {
  it('a cancel stops the reading at once: no file is handed to the inspection workers after it', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    const folder = tempDir();
    for (let i = 0; i < 400; i++) writeFileSync(join(folder, `script-${i}.py`), 'print(1)\n');
    // Count the files handed to the workers.
    const pool = book.files.inspector();
    const inspect = pool.inspect.bind(pool);
    let handedOver = 0;
    pool.inspect = (path) => {
      handedOver += 1;
      return inspect(path);
    };

    const { scanId } = await book.discovery.start(folder);
    while (book.discovery.results(scanId).status.inspected < 4) await tick();
    book.discovery.cancel(scanId);
    const atCancel = handedOver;
    while (book.discovery.results(scanId).status.state === 'running') await tick();

    expect(book.discovery.results(scanId).status.state).toBe('cancelled');
    // Only a few at a time are ever handed over (not all 400 at once), and none after the cancel.
    expect(atCancel).toBeLessThan(400);
    expect(handedOver).toBe(atCancel);
    await book.files.close();
    book.close();
  });
});
