import { fail } from '../limits';

/**
 * MS-OVBA 2.4.1 decompression of a CompressedContainer (the dir stream and module source).
 * Output is capped; a damaged chunk ends the output early instead of throwing.
 */
export function ovbaDecompress(data: Uint8Array, maxBytes = 32 * 1024 * 1024): Buffer {
  if (data.length === 0 || data[0] !== 0x01) fail('corrupt', 'The VBA data is not in the compressed container format.');
  let output = Buffer.alloc(Math.min(maxBytes, Math.max(4096, data.length * 8)));
  let length = 0;
  let at = 1;
  const ensure = (extra: number): boolean => {
    if (length + extra <= output.length) return true;
    if (length + extra > maxBytes) return false;
    const bigger = Buffer.alloc(Math.min(maxBytes, Math.max(output.length * 2, length + extra)));
    output.copy(bigger, 0, 0, length);
    output = bigger;
    return true;
  };
  while (at + 2 <= data.length) {
    const header = data[at]! | (data[at + 1]! << 8);
    const chunkSize = (header & 0x0fff) + 3;
    const compressed = (header & 0x8000) !== 0;
    const chunkEnd = Math.min(data.length, at + chunkSize);
    at += 2;
    const chunkStart = length;
    if (!compressed) {
      const take = Math.min(4096, data.length - at);
      if (!ensure(take)) break;
      output.set(data.subarray(at, at + take), length);
      length += take;
      at += 4096;
      continue;
    }
    while (at < chunkEnd) {
      const flags = data[at++]!;
      for (let bit = 0; bit < 8 && at < chunkEnd; bit++) {
        if ((flags & (1 << bit)) === 0) {
          if (!ensure(1)) return output.subarray(0, length);
          output[length++] = data[at++]!;
          continue;
        }
        if (at + 1 >= data.length) return output.subarray(0, length);
        const token = data[at]! | (data[at + 1]! << 8);
        at += 2;
        const difference = length - chunkStart;
        let bitCount = 4;
        while (1 << bitCount < difference) bitCount++;
        bitCount = Math.min(bitCount, 12);
        const lengthMask = 0xffff >> bitCount;
        const copyLength = (token & lengthMask) + 3;
        const offset = (token >> (16 - bitCount)) + 1;
        if (offset > difference) return output.subarray(0, length);
        if (!ensure(copyLength)) return output.subarray(0, length);
        for (let i = 0; i < copyLength; i++) {
          output[length] = output[length - offset]!;
          length++;
        }
      }
    }
    at = chunkEnd;
  }
  return output.subarray(0, length);
}
