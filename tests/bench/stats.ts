/** Small statistics helpers for the benchmark table. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface BenchRow {
  measure: string;
  target: string;
  median: number;
  p95: number;
  baseline?: string;
}

export function printTable(rows: BenchRow[]): void {
  const format = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  const table = rows.map((row) => ({
    measure: row.measure,
    target: row.target,
    median: format(row.median),
    p95: format(row.p95),
    'baseline / peer (same run)': row.baseline ?? '',
  }));
  console.table(table);
}
