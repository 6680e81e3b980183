import type { Entry } from '../../../shared/entry';
import { OUTCOMES, type Outcome, type GuidelinePack, type SetAside } from '../../../shared/guidelines';
import type { EntryView } from './celEnvironment';
import { missingInputs } from './celEnvironment';
import type { CompiledRule } from './compilePack';
import type { RuleFacts } from './facts';

export interface RuleContext {
  entry: Entry;
  /** What CEL expressions see: `entry` (the view) and `facts`. Made once per entry. */
  variables: { entry: EntryView; facts: RuleFacts };
  facts: RuleFacts;
  /** Set-asides of this entry by `${packId}/${ruleId}`. */
  setAsides: ReadonlyMap<string, SetAside>;
  today: string;
}

/** Everything about a result beyond its outcome; most results have none. */
export interface RuleDetail {
  missingFields: string[];
  missingFacts: string[];
  setAside: SetAside | null;
  setAsideExpired: boolean;
  error: string | null;
}

/** Outcomes as small numbers (their index in OUTCOMES), so a full check allocates little. */
export const OUTCOME_CODE = Object.fromEntries(OUTCOMES.map((outcome, index) => [outcome, index])) as Record<Outcome, number>;
const MET = OUTCOME_CODE.met;
const NOT_MET = OUTCOME_CODE['not-met'];
const NEEDS_INFO = OUTCOME_CODE['needs-info'];
const NOT_APPLICABLE = OUTCOME_CODE['not-applicable'];
const SET_ASIDE = OUTCOME_CODE['set-aside'];
const ERROR = OUTCOME_CODE.error;

/**
 * One rule on one entry. Returns the outcome code, and puts any detail in `sink.detail` (null
 * when there is none). Never throws: a rule that fails at evaluation time yields an "error"
 * naming the rule, and the other rules and entries are unaffected.
 */
export function evaluateRule(pack: GuidelinePack, compiled: CompiledRule, context: RuleContext, sink: { detail: RuleDetail | null }): number {
  sink.detail = null;
  const { rule } = compiled;
  // A set-aside whose look-again date has passed is shown, but the rule is back in force.
  const setAside = context.setAsides.size === 0 ? null : (context.setAsides.get(`${pack.id}/${rule.id}`) ?? null);
  if (setAside !== null && (setAside.until === null || setAside.until >= context.today)) {
    sink.detail = { missingFields: [], missingFacts: [], setAside, setAsideExpired: false, error: null };
    return SET_ASIDE;
  }
  const { variables } = context;
  let code: number;
  try {
    if (compiled.appliesWhen(variables) !== true) code = NOT_APPLICABLE;
    else {
      const missing =
        rule.inputs.length === 0 && rule.alternativeInputs === undefined
          ? null
          : missingInputs(rule.inputs, rule.alternativeInputs ?? [], context.entry, context.facts);
      if (missing !== null) {
        sink.detail = { missingFields: missing.fields, missingFacts: missing.facts, setAside, setAsideExpired: setAside !== null, error: null };
        return NEEDS_INFO;
      }
      code = compiled.check(variables) === true ? MET : NOT_MET;
    }
  } catch (thrown) {
    sink.detail = {
      missingFields: [],
      missingFacts: [],
      setAside,
      setAsideExpired: setAside !== null,
      error: `The guideline “${rule.title}” (${pack.id}/${rule.id}) could not be checked: ${(thrown as Error).message.split('\n')[0]}`,
    };
    return ERROR;
  }
  if (setAside !== null) sink.detail = { missingFields: [], missingFacts: [], setAside, setAsideExpired: true, error: null };
  return code;
}
