import type { Entry } from '../../../shared/entry';
import type { Finding, GuidelinePack, SetAside } from '../../../shared/guidelines';
import type { EntryView } from './celEnvironment';
import { missingInputs } from './celEnvironment';
import type { CompiledRule } from './compilePack';
import type { RuleFacts } from './facts';

export interface RuleContext {
  entry: Entry;
  view: EntryView;
  facts: RuleFacts;
  /** Set-asides of this entry by `${packId}/${ruleId}`. */
  setAsides: ReadonlyMap<string, SetAside>;
  today: string;
}

/**
 * One rule on one entry. Never throws: a rule that fails at evaluation time yields an "error"
 * finding naming the rule, and the other rules and entries are unaffected.
 */
export function evaluateRule(pack: GuidelinePack, compiled: CompiledRule, context: RuleContext): Finding {
  const { rule } = compiled;
  const base = {
    packId: pack.id,
    packVersion: pack.version,
    ruleId: rule.id,
    title: rule.title,
    question: rule.question,
    severity: rule.severity,
    category: rule.category,
    missingFields: [] as string[],
    missingFacts: [] as string[],
    // A set-aside whose look-again date has passed is shown, but the rule is back in force.
    setAside: context.setAsides.get(`${pack.id}/${rule.id}`) ?? null,
    setAsideExpired: false,
    error: null as string | null,
  };
  if (base.setAside) {
    if (base.setAside.until === null || base.setAside.until >= context.today) return { ...base, outcome: 'set-aside' };
    base.setAsideExpired = true;
  }
  const variables = { entry: context.view, facts: context.facts };
  try {
    if (compiled.appliesWhen(variables) !== true) return { ...base, outcome: 'not-applicable' };
    const missing = missingInputs(rule.inputs, context.entry, context.facts);
    if (missing.fields.length > 0 || missing.facts.length > 0) {
      return { ...base, outcome: 'needs-info', missingFields: missing.fields, missingFacts: missing.facts };
    }
    return { ...base, outcome: compiled.check(variables) === true ? 'met' : 'not-met' };
  } catch (error) {
    return {
      ...base,
      outcome: 'error',
      error: `The guideline “${rule.title}” (${pack.id}/${rule.id}) could not be checked: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}
