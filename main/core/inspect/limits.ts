import type { InspectionErrorCode } from '../../../shared/inspection';

/** Per-file limits. Every inspection stops at the first one it reaches, with a clear error. */
export interface InspectionLimits {
  /** Wall-clock time for one file, including reading it. */
  timeMs: number;
  /** V8 heap for the worker that reads one file (worker resourceLimits). */
  memoryMb: number;
  /** Total bytes inflated from one package (all parts together). */
  maxUncompressedBytes: number;
  /** Inflated size ÷ compressed size for one part, checked once the part passes 1 MiB. */
  maxCompressionRatio: number;
  /** Longest text run kept from one XML text node or attribute. */
  maxTextChars: number;
  /** Largest file read whole into memory (compound files, Access, text). */
  maxWholeFileBytes: number;
}

export const DEFAULT_LIMITS: InspectionLimits = {
  timeMs: 60_000,
  memoryMb: 512,
  maxUncompressedBytes: 2 * 1024 ** 3,
  maxCompressionRatio: 200,
  maxTextChars: 1_000_000,
  maxWholeFileBytes: 256 * 1024 ** 2,
};

/** A problem with the file itself, reported in the result's `error`, never thrown to the caller. */
export class InspectionFailure extends Error {
  constructor(
    readonly code: InspectionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InspectionFailure';
  }
}

export function fail(code: InspectionErrorCode, message: string): never {
  throw new InspectionFailure(code, message);
}
