import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FieldbookError } from '../../main/core/errors';
import { findChromium } from '../../main/core/export/htmlToPdf';
import { runExport } from '../../main/core/export/runExport';
import { exportFixture } from './helpers/exportFixture';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-26T09:00:00Z');

/** Share of pixels in a binary PPM (P6) page that are not near-white. */
function inkShare(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PPM image');
  const [, width, height] = header.map(Number) as [number, number, number];
  const pixels = ppm.subarray(header[0].length);
  let ink = 0;
  for (let offset = 0; offset + 2 < pixels.length; offset += 3) {
    if (pixels[offset]! < 200 || pixels[offset + 1]! < 200 || pixels[offset + 2]! < 200) ink++;
  }
  return ink / (width * height);
}

beforeAll(() => {
  if (!findChromium()) throw new Error('The PDF export uses Chromium: apt-get install -y chromium');
  if (spawnSync('pdftoppm', ['-v']).status !== 0) throw new Error('This test turns PDF pages into images with pdftoppm: apt-get install -y poppler-utils');
});

describe('the PDF export', () => {
  it('renders pages with content: cover, contents, the diagram and one page or more per entry', async () => {
    const { book } = exportFixture(tempDir());
    const dir = tempDir();
    const out = join(dir, 'fieldbook.pdf');
    await runExport(book, { format: 'pdf', entryId: null, outPath: out, appVersion: '0.1.0', now: NOW });
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = join(dir, 'page');
    const rendered = spawnSync('pdftoppm', ['-r', '40', out, pages], { encoding: 'utf8' });
    expect(rendered.stderr).toBe('');
    const images = readdirSync(dir).filter((name) => name.startsWith('page')).sort();
    // Cover, contents, diagram, then three entries each starting on a new page.
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const image of images) expect(inkShare(readFileSync(join(dir, image)))).toBeGreaterThan(0.002);
    // Nothing but the PDF is left beside it.
    expect(readdirSync(dir).filter((name) => !name.startsWith('page'))).toEqual(['fieldbook.pdf']);
    book.close();
  }, 60_000);

  it('says clearly that Chromium is needed when none is installed, and writes nothing', async () => {
    const { book } = exportFixture(tempDir());
    const dir = tempDir();
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const error = await runExport(book, { format: 'pdf', entryId: null, outPath: join(dir, 'x.pdf'), appVersion: '0.1.0' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FieldbookError);
      expect((error as FieldbookError).message).toBe('PDF export needs Chromium (or Google Chrome), and none is installed here.');
      expect((error as FieldbookError).hint).toContain('export HTML');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    book.close();
  });
});
