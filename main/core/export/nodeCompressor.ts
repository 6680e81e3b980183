import { crc32, deflateRawSync } from 'node:zlib';
import type { Compressor } from '../../../shared/export/zip';

/** The ZIP writer's compression on the Node side: zlib's raw deflate and CRC-32. */
export const nodeCompressor: Compressor = { deflateRaw: (data, level) => deflateRawSync(data, { level }), crc32 };
