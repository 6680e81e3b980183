import type { Entry } from '../../../shared/entry';
import type { Finding, GuidelinePack, Outcome, SetAside } from '../../../shared/guidelines';
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
  // A set-aside whose look-again date has passed is shown, but the rule is back in force.
  const setAside = context.setAsides.size === 0 ? null : (context.setAsides.get(`${pack.id}/${rule.id}`) ?? null);
  const setAsideActive = setAside !== null && (setAside.until === null || setAside.until >= context.today);
  let outcome: Outcome = 'set-aside';
  let missing: { fields: string[]; facts: string[] } = NOTHING_MISSING;
  let error: string | null = null;
  if (!setAsideActive) {
    const variables = { entry: context.view, facts: context.facts };
    try {
      if (compiled.appliesWhen(variables) !== true) outcome = 'not-applicable';
      else {
        missing = rule.inputs.length === 0 ? NOTHING_MISSING : missingInputs(rule.inputs, context.entry, context.facts);
        if (missing.fields.length > 0 || missing.facts.length > 0) outcome = 'needs-info';
        else outcome = compiled.check(variables) === true ? 'met' : 'not-met';
      }
    } catch (thrown) {
      outcome = 'error';
      error = `The guideline “${rule.title}” (${pack.id}/${rule.id}) could not be checked: ${(thrown as Error).message.split('\n')[0]}`;
    }
  }
  return {
    packId: pack.id,
    packVersion: pack.version,
    ruleId: rule.id,
    title: rule.title,
    question: rule.question,
    severity: rule.severity,
    category: rule.category,
    outcome,
    missingFields: missing.fields,
    missingFacts: missing.facts,
    setAside,
    setAsideExpired: setAside !== null && !setAsideActive,
    error,
  };
}

const NOTHING_MISSING: { fields: string[]; facts: string[] } = Object.freeze({ fields: [], facts: [] }) as never;
