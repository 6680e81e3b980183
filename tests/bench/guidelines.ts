import { performance } from 'node:perf_hooks';
import { Environment } from '@marcbachmann/cel-js';
import type { Fieldbook } from '../../main/core/fieldbook';
import { readBaselinePack } from '../../main/core/guidelines/baselinePack';
import { createCheckingEnvironment, entryView } from '../../main/core/guidelines/celEnvironment';
import { compilePack } from '../../main/core/guidelines/compilePack';
import { evaluateEntries } from '../../main/core/guidelines/evaluateEntries';
import { noFacts } from '../../main/core/guidelines/facts';
import { median, percentile, type BenchRow } from './stats';

/** 10,000 entries × every rule in force: a full check, and a re-check of one entry. */
export function benchGuidelines(book: Fieldbook): BenchRow[] {
  const entries = book.entries.all();
  const service = book.guidelines;
  const ruleCount = service.rules().length;
  const setAsides = service.setAsidesByEntry(null);
  const facts = book.files.ruleFactsByEntry();
  service.evaluate(entries.slice(0, 200), setAsides, facts); // warm up the JIT

  // Peer: the same full check with every expression on the CEL interpreter (no JS closures),
  // alternated with the real one so both see the same noise.
  const interpreted = compilePack(readBaselinePack(), () => new Date(), { fastPath: false });
  if (!interpreted.ok || service.packsInForce().length !== 1) throw new Error('The guideline bench expects the baseline pack alone.');
  const interpreterOnly = { rules: interpreted.compiled.rules.map((compiled) => ({ pack: interpreted.compiled.pack, compiled })), key: 'interpreter' };
  const today = new Date().toISOString().slice(0, 10);
  evaluateEntries(interpreterOnly, entries.slice(0, 200), setAsides, facts, today);

  const full: number[] = [];
  const onInterpreter: number[] = [];
  for (let run = 0; run < 7; run++) {
    let started = performance.now();
    service.evaluate(entries, setAsides, facts);
    full.push(performance.now() - started);
    started = performance.now();
    evaluateEntries(interpreterOnly, entries, setAsides, facts, today);
    onInterpreter.push(performance.now() - started);
  }
  const fullWithStore: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    service.check(entries, setAsides, facts);
    fullWithStore.push(performance.now() - started);
  }
  const one: number[] = [];
  for (let run = 0; run < 300; run++) {
    const entry = entries[(run * 37) % entries.length]!;
    const started = performance.now();
    service.check([entry], service.setAsidesByEntry([entry.id]), new Map([[entry.id, book.files.ruleFacts(entry.id)]]));
    one.push(performance.now() - started);
  }

  // Peer: the same rules evaluated with typed CEL variables (each entry converted to CEL objects).
  const typed: Environment = createCheckingEnvironment();
  const checks = service.rules().map((rule) => typed.parse(rule.check));
  const sample = entries.slice(0, 1000);
  const typedStarted = performance.now();
  for (const entry of sample) {
    const context = { entry: entryView(entry), facts: noFacts() };
    for (const check of checks) {
      try {
        check(context);
      } catch {
        // Same outcome handling cost is not the point here; only evaluation speed is.
      }
    }
  }
  const typedFull = ((performance.now() - typedStarted) * entries.length) / sample.length;

  return [
    {
      measure: `full check: ${entries.length.toLocaleString('en')} entries × ${ruleCount} rules (evaluate)`,
      target: '< 250 ms',
      median: median(full),
      p95: percentile(full, 95),
      baseline: `CEL interpreter only: ${median(onInterpreter).toFixed(0)} ms; typed CEL objects: ~${typedFull.toFixed(0)} ms (est. from 1,000)`,
    },
    {
      measure: 'full check and store the findings',
      target: '—',
      median: median(fullWithStore),
      p95: percentile(fullWithStore, 95),
    },
    { measure: 're-check one entry (evaluate + store)', target: '< 5 ms', median: median(one), p95: percentile(one, 95) },
  ];
}
