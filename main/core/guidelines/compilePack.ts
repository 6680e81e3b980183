import type { Environment } from '@marcbachmann/cel-js';
import { parseDocument } from 'yaml';
import { CRITICALITY_LEVELS, DATA_CATEGORIES, SENSITIVITY_LEVELS } from '../../../shared/entry';
import { GuidelinePack, type GuidelineRule, type PackProblem } from '../../../shared/guidelines';
import { ANSWER_INPUT, ENTRY_INPUTS, FACT_INPUTS, createCheckingEnvironment, createEvaluationEnvironment } from './celEnvironment';
import { compileCelToJs, type Evaluate } from './celToJs';

export const MAX_PACK_BYTES = 1024 * 1024;

export interface CompiledRule {
  rule: GuidelineRule;
  appliesWhen: Evaluate;
  check: Evaluate;
}

export interface CompiledPack {
  pack: GuidelinePack;
  rules: CompiledRule[];
}

export type CompileResult = { ok: true; compiled: CompiledPack } | { ok: false; problems: PackProblem[] };

export interface CompileOptions {
  /**
   * Evaluate with a generated JavaScript function where it covers the expression, falling back to the
   * CEL interpreter (celToJs.ts). Off gives the straightforward path, which tests compare against.
   */
  fastPath: boolean;
}

const KNOWN_VOCABULARY: Record<string, readonly string[]> = {
  sensitivityLevels: SENSITIVITY_LEVELS,
  dataCategories: DATA_CATEGORIES,
  criticalityLevels: CRITICALITY_LEVELS,
};
const KNOWN_INPUTS = new Set<string>([...ENTRY_INPUTS, ...FACT_INPUTS]);

let checkingEnvironment: Environment | undefined;

/**
 * Reads a pack from YAML text and checks it completely before use: the schema, the vocabularies,
 * the inputs, and every expression type-checked against the entry and facts model.
 * Every problem names its rule and field; expression errors show the position with a caret.
 */
export function compilePack(text: string, now: () => Date = () => new Date(), options: CompileOptions = { fastPath: true }): CompileResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_PACK_BYTES) {
    return fail(null, 'file', `The pack is larger than ${MAX_PACK_BYTES / 1024} KiB. Split it into smaller packs.`);
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return { ok: false, problems: document.errors.slice(0, 10).map((error) => ({ ruleId: null, field: 'yaml', message: error.message })) };
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return fail(null, 'yaml', (error as Error).message);
  }
  const parsed = GuidelinePack.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 20).map((issue) => {
        const [first, index, ...rest] = issue.path;
        const ruleId = first === 'rules' && typeof index === 'number' ? ruleIdAt(raw, index) : null;
        const field = first === 'rules' && typeof index === 'number' ? rest.join('.') || 'rule' : issue.path.join('.') || 'pack';
        return { ruleId, field, message: issue.message };
      }),
    };
  }
  const pack = parsed.data;
  const problems: PackProblem[] = [];
  for (const [name, values] of Object.entries(pack.vocabularies)) {
    const unknown = (values ?? []).filter((value) => !KNOWN_VOCABULARY[name]!.includes(value));
    if (unknown.length > 0) {
      problems.push({ ruleId: null, field: `vocabularies.${name}`, message: `Fieldbook does not know ${unknown.map((v) => `"${v}"`).join(', ')}; it knows ${KNOWN_VOCABULARY[name]!.join(', ')}.` });
    }
  }
  const seen = new Set<string>();
  checkingEnvironment ??= createCheckingEnvironment();
  const evaluation = createEvaluationEnvironment(now);
  const rules: CompiledRule[] = [];
  for (const rule of pack.rules) {
    if (seen.has(rule.id)) problems.push({ ruleId: rule.id, field: 'id', message: 'Another rule in this pack has the same id.' });
    seen.add(rule.id);
    const checkInput = (input: string, field: string) => {
      if (!KNOWN_INPUTS.has(input) && !ANSWER_INPUT.test(input)) {
        problems.push({ ruleId: rule.id, field, message: `"${input}" is not an entry field, an answer (answers.name) or a file fact Fieldbook knows.` });
      }
    };
    for (const input of rule.inputs) checkInput(input, 'inputs');
    (rule.alternativeInputs ?? []).forEach((group, index) => {
      for (const input of group) checkInput(input, `alternativeInputs.${index}`);
      if (new Set(group).size < group.length) {
        problems.push({ ruleId: rule.id, field: `alternativeInputs.${index}`, message: 'A group names the same input twice. List each alternative once.' });
      }
    });
    const appliesWhen = compileExpression(checkingEnvironment, evaluation, rule, 'appliesWhen', problems, options.fastPath ? now : null);
    const check = compileExpression(checkingEnvironment, evaluation, rule, 'check', problems, options.fastPath ? now : null);
    if (appliesWhen && check) rules.push({ rule, appliesWhen, check });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, compiled: { pack, rules } };
}

function compileExpression(
  checking: Environment,
  evaluation: Environment,
  rule: GuidelineRule,
  field: 'appliesWhen' | 'check',
  problems: PackProblem[],
  fastPathNow: (() => Date) | null,
): Evaluate | null {
  const source = rule[field];
  try {
    const result = checking.check(source);
    if (!result.valid) {
      problems.push({ ruleId: rule.id, field, message: result.error?.message ?? 'The expression is not valid.' });
      return null;
    }
    if (result.type !== 'bool') {
      problems.push({ ruleId: rule.id, field, message: `The expression must give true or false, but gives ${result.type}.\n\n>    1 | ${source}` });
      return null;
    }
    const interpreted = evaluation.parse(source);
    const interpreter = interpreted as unknown as Evaluate;
    return fastPathNow === null ? interpreter : (compileCelToJs(interpreted.ast, fastPathNow, interpreter) ?? interpreter);
  } catch (error) {
    problems.push({ ruleId: rule.id, field, message: (error as Error).message });
    return null;
  }
}

function ruleIdAt(raw: unknown, index: number): string | null {
  const rules = (raw as { rules?: unknown[] } | null)?.rules;
  const id = (rules?.[index] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : `rule #${index + 1}`;
}

function fail(ruleId: string | null, field: string, message: string): CompileResult {
  return { ok: false, problems: [{ ruleId, field, message }] };
}

/** Problems as lines a person reads: `rule owner-named, check: …`. */
export function formatProblems(problems: PackProblem[]): string {
  return problems
    .map((problem) => `${problem.ruleId ? `rule ${problem.ruleId}, ` : ''}${problem.field}: ${problem.message}`)
    .join('\n\n');
}
