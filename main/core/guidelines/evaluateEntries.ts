import type { Entry } from '../../../shared/entry';
import type { SetAside } from '../../../shared/guidelines';
import { entryView } from './celEnvironment';
import { evaluateRule, type RuleDetail } from './evaluateRule';
import { noFacts, type RuleFacts } from './facts';
import type { PacksInForce } from './packRegistry';

/**
 * The result of checking one entry, kept compact: one outcome code per rule in force,
 * and details only for the few results that have them.
 */
export interface EntryCheck {
  revision: number;
  packKey: string;
  outcomes: Uint8Array;
  details: Map<number, RuleDetail>;
}

/** Evaluates every rule in force on each entry. Stores nothing. This is the hot path of a full check. */
export function evaluateEntries(
  inForce: Pick<PacksInForce, 'rules' | 'key'>,
  entries: readonly Entry[],
  setAsides: ReadonlyMap<string, ReadonlyMap<string, SetAside>>,
  factsByEntry: ReadonlyMap<string, RuleFacts>,
  today: string,
): EntryCheck[] {
  const { rules, key } = inForce;
  const none: RuleFacts = noFacts();
  const sink: { detail: RuleDetail | null } = { detail: null };
  const noSetAsides = new Map<string, SetAside>();
  const checks: EntryCheck[] = new Array(entries.length);
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    const facts = factsByEntry.get(entry.id) ?? none;
    const context = { entry, variables: { entry: entryView(entry), facts }, facts, setAsides: setAsides.get(entry.id) ?? noSetAsides, today };
    const outcomes = new Uint8Array(rules.length);
    const details = new Map<number, RuleDetail>();
    for (let r = 0; r < rules.length; r++) {
      outcomes[r] = evaluateRule(rules[r]!.pack, rules[r]!.compiled, context, sink);
      if (sink.detail !== null) details.set(r, sink.detail);
    }
    checks[e] = { revision: entry.revision, packKey: key, outcomes, details };
  }
  return checks;
}
