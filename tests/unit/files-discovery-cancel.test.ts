import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFieldbook } from '../../main/core/fieldbook';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('cancelling a look through a folder', () => {
  it('ends the scan while large files are still being read, instead of waiting for them', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    const folder = tempDir();
    // 12 MB scripts: each takes the workers a good fraction of a second to read.
    const long = Buffer.from('print("merge the monthly exports")\n'.repeat(350_000));
    for (let i = 0; i < 4; i++) writeFileSync(join(folder, `long-${i}.py`), long);
    // Count the files the workers are reading right now (the real pool, watched).
    const pool = book.files.inspector();
    const inspect = pool.inspect.bind(pool);
    let reading = 0;
    pool.inspect = async (path) => {
      reading += 1;
      try {
        return await inspect(path);
      } finally {
        reading -= 1;
      }
    };

    const { scanId } = await book.discovery.start(folder);
    while (reading === 0) await tick();
    book.discovery.cancel(scanId);
    while (book.discovery.results(scanId).status.state === 'running') await tick();

    expect(book.discovery.results(scanId).status.state).toBe('cancelled');
    expect(reading).toBeGreaterThan(0);
    // What was being read at the cancel is dropped, not added afterwards.
    while (reading > 0) await tick();
    expect(book.discovery.results(scanId).candidates).toEqual([]);
    await book.files.close();
    book.close();
  });
});
