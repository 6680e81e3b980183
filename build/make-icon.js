/* global Buffer, URL, console */
// Draws build/icon.png (512x512): a teal rounded square with a white notebook page, a spine
// and three ruled lines. Pure Node (zlib), no image libraries; 4x4 supersampling for smooth
// edges. Run `node build/make-icon.js` after changing the drawing; the PNG is committed.
// build/icon.svg is the same drawing as a vector, for the README and the web.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;
const TEAL = [15, 118, 110];
const TEAL_DARK = [17, 94, 89];
const WHITE = [255, 255, 255];
const LINE = [153, 204, 199];

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The colour at one sample point, or null for transparent. Later shapes paint over earlier ones. */
function sample(x, y) {
  if (!inRoundedRect(x, y, 16, 16, 496, 496, 104)) return null;
  let colour = TEAL;
  if (inRoundedRect(x, y, 136, 100, 392, 412, 22)) colour = WHITE; // the page
  if (inRoundedRect(x, y, 136, 100, 176, 412, 16)) colour = TEAL_DARK; // the spine
  for (const lineY of [196, 256, 316]) {
    if (inRoundedRect(x, y, 212, lineY - 9, 356, lineY + 9, 9)) colour = LINE; // ruled lines
  }
  return colour;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let py = 0; py < SIZE; py += 1) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let px = 0; px < SIZE; px += 1) {
    let r = 0;
    let g = 0;
    let b = 0;
    let covered = 0;
    for (let sy = 0; sy < SAMPLES; sy += 1) {
      for (let sx = 0; sx < SAMPLES; sx += 1) {
        const colour = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        covered += 1;
      }
    }
    const offset = row + 1 + px * 4;
    if (covered > 0) {
      raw[offset] = Math.round(r / covered);
      raw[offset + 1] = Math.round(g / covered);
      raw[offset + 2] = Math.round(b / covered);
    }
    raw[offset + 3] = Math.round((covered / SAMPLES ** 2) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`Wrote build/icon.png (${SIZE}x${SIZE}, ${png.length} bytes)`);
