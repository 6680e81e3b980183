import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInspectionPool, type InspectionPool } from '../../main/core/inspect/inspectionPool';
import { InspectionResult } from '../../shared/inspection';
import { compareAll, CORPUS, requireCorpus, formatReport, loadGroundTruth, type FieldTally, type TruthRecord } from './inspect-groundTruth';

const TIME_LIMIT_MS = 30_000;
requireCorpus();
const records: TruthRecord[] = loadGroundTruth();
const results = new Map<string, InspectionResult>();
const seconds = new Map<string, number>();
let fields = new Map<string, FieldTally>();
let pool: InspectionPool;

describe('inspection agrees with the corpus ground truth (../shared/corpus)', () => {
  beforeAll(async () => {
    pool = createInspectionPool({ size: 2, limits: { timeMs: TIME_LIMIT_MS, memoryMb: 384 } });
    await Promise.all(
      records.map(async (record) => {
        const started = performance.now();
        results.set(record.file, await pool.inspect(`${CORPUS}/${record.file}`));
        seconds.set(record.file, (performance.now() - started) / 1000);
      }),
    );
    fields = compareAll(records, results);
    console.log(formatReport(fields));
  }, 600_000);

  afterAll(async () => {
    await pool?.close();
  });

  it('every corpus file yields facts or a clear error, in the published shape, within the time limit', () => {
    expect(results.size).toBe(records.length);
    for (const record of records) {
      const result = results.get(record.file)!;
      expect(() => InspectionResult.parse(result), record.file).not.toThrow();
      expect(result.bytes, record.file).toBe(record.bytes);
      expect(seconds.get(record.file)!, record.file).toBeLessThan(TIME_LIMIT_MS / 1000);
      if (result.error) {
        expect(result.error.message.length, record.file).toBeGreaterThan(10);
        expect(['timeout', 'out_of_memory', 'worker_failed'], `${record.file}: ${result.error.message}`).not.toContain(result.error.code);
      }
    }
  });

  it('the fingerprint is the sha256 the manifest lists', () => {
    for (const record of records) {
      const result = results.get(record.file)!;
      const expected = (record as unknown as { sha256: string }).sha256;
      expect(result.sha256, record.file).toBe(expected);
    }
  });

  const rate = (field: string) => {
    const tally = fields.get(field)!;
    return tally.agree / tally.total;
  };

  it('encryption, sheet names and states, VBA presence, external link count and pivot tables agree at least 98% of the time', () => {
    for (const field of ['encrypted', 'sheet names', 'sheet states', 'VBA present', 'external link count', 'pivot tables']) {
      expect(fields.get(field)?.total ?? 0, field).toBeGreaterThan(100);
      expect(rate(field), `${field}: ${fields.get(field)!.disagreements.join('\n')}`).toBeGreaterThanOrEqual(0.98);
    }
  });

  it('formula counts are exact wherever the ground truth counts the same thing (one per <f> element)', () => {
    const tally = fields.get('formula count (same definition: one per <f>)')!;
    expect(tally.total).toBeGreaterThan(100);
    expect(tally.disagreements).toEqual([]);
  });

  it('VBA module names and types, defined names, labels, protection and document properties agree at least 97% of the time', () => {
    for (const field of ['VBA modules (names and types)', 'defined names count', 'sensitivity labels', 'workbook protected', 'protected sheets', 'author', 'last modified by', 'created', 'modified', 'application']) {
      expect(rate(field), `${field}: ${fields.get(field)!.disagreements.join('\n')}`).toBeGreaterThanOrEqual(0.97);
    }
  });

  it('Access tables, queries and linked tables, and text encodings and byte-order marks, agree with the tools', () => {
    for (const field of ['Access tables', 'Access queries', 'Access linked tables', 'text BOM', 'text encoding']) {
      expect(fields.get(field)!.disagreements, field).toEqual([]);
    }
  });
});
