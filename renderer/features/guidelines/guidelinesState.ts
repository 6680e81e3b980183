import type { PackSummary, RuleInfo } from '../../../shared/guidelines';
import { SEVERITY_LABELS } from '../../../shared/labels';

/** The largest pack file the Node side accepts (characters). */
export const MAX_PACK_BYTES = 1024 * 1024;
/** The largest signature file the Node side accepts (characters). */
export const MAX_SIGNATURE_BYTES = 4_096;

/** Who stands behind a pack, in the words the Guidelines screen shows. */
export function trustLabel(pack: Pick<PackSummary, 'trust' | 'publisher'>): string {
  switch (pack.trust) {
    case 'built-in':
      return 'Built in';
    case 'signed':
      return `Signed by ${pack.publisher}`;
    case 'unsigned-own':
      return 'Unsigned, my own';
  }
}

export function ruleKey(rule: { packId: string; id: string }): string {
  return `${rule.packId}/${rule.id}`;
}

/** Rules by `packId/ruleId`, the key findings use, so a finding can show its rule's why and how. */
export function indexRules(rules: readonly RuleInfo[]): Map<string, RuleInfo> {
  return new Map(rules.map((rule) => [ruleKey(rule), rule]));
}

function searchableText(rule: RuleInfo): string {
  return [rule.title, rule.question, rule.why, ...rule.how, rule.category, rule.packName, SEVERITY_LABELS[rule.severity]]
    .join('\n')
    .toLowerCase();
}

/** The rules that contain every word of the query (anywhere: title, question, why, how, category). */
export function filterRules(rules: readonly RuleInfo[], query: string): RuleInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rules];
  return rules.filter((rule) => {
    const text = searchableText(rule);
    return words.every((word) => text.includes(word));
  });
}

export interface RuleCategory {
  category: string;
  rules: RuleInfo[];
}

/** Rules grouped by category, in the order the packs introduce them (the order their authors chose). */
export function groupByCategory(rules: readonly RuleInfo[]): RuleCategory[] {
  const groups = new Map<string, RuleInfo[]>();
  for (const rule of rules) {
    const list = groups.get(rule.category) ?? [];
    list.push(rule);
    groups.set(rule.category, list);
  }
  return [...groups].map(([category, list]) => ({ category, rules: list }));
}

/** A refusal's message split into its first sentence and the details (rule problems, one per paragraph). */
export function splitProblemMessage(message: string): { lead: string; details: string } {
  const at = message.indexOf('\n');
  if (at < 0) return { lead: message, details: '' };
  return { lead: message.slice(0, at).trim(), details: message.slice(at).replace(/^\n+/, '').trimEnd() };
}

export interface ImportForm {
  packFile: { name: string; size: number } | null;
  signatureFile: { name: string; size: number } | null;
  unsignedOwn: boolean;
}

/** Why the chosen files cannot be imported yet, before anything is read; null when they can. */
export function importFormProblem(form: ImportForm): string | null {
  if (form.packFile === null) return 'Choose the pack file (.yaml) first.';
  if (form.packFile.size > MAX_PACK_BYTES) return `“${form.packFile.name}” is larger than 1 MB, which is more than a pack can be.`;
  if (form.signatureFile !== null && form.signatureFile.size > MAX_SIGNATURE_BYTES) {
    return `“${form.signatureFile.name}” is too large to be a pack signature. Choose the .sig file that came with the pack.`;
  }
  return null;
}

/** What a successful import says. */
export function importedSentence(pack: PackSummary): string {
  const rules = pack.ruleCount === 1 ? '1 guideline' : `${pack.ruleCount} guidelines`;
  return `Imported “${pack.name}” ${pack.version} (${trustLabel(pack)}). Its ${rules} now apply to your entries.`;
}
