import type { RuleFacts } from '../guidelines/facts';
import { noFacts } from '../guidelines/facts';
import type { InspectionResult } from '../../../shared/inspection';

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * What guideline rules see of an entry's inspected files (main/core/guidelines/facts.ts).
 * A file that could not be read adds nothing; with no readable file, `inspected` stays false and
 * rules that need facts say "needs info".
 */
export function toRuleFacts(results: InspectionResult[]): RuleFacts {
  const facts = noFacts();
  for (const result of results) {
    if (result.error) continue;
    facts.inspected = true;
    facts.encrypted ||= result.encrypted;
    facts.vba.present ||= result.vba.present;
    facts.vba.autoRun.push(...result.vba.autoRun);
    facts.vba.behaviours.push(...result.vba.behaviours);
    facts.xlmMacroSheets ||= result.xlmMacroSheets > 0 || result.sheets.some((s) => s.kind === 'macrosheet');
    facts.sheets.push(...result.sheets.map(({ name, state, kind }) => ({ name, state, kind })));
    facts.externalLinks.push(...result.externalLinks.map((link) => link.target));
    facts.connections.push(...result.connections.map(({ kind, target, hasSavedPassword }) => ({ kind, target, hasSavedPassword })));
    facts.linkedTables.push(...result.linkedTables.map((table) => table.target));
    facts.personalData.push(...result.personalData.map((finding) => finding.kind));
    facts.secrets.push(...result.secrets.map((secret) => secret.kind));
    facts.sensitivityLabels.push(...result.sensitivityLabels.map((label) => label.name ?? label.id));
  }
  facts.vba.autoRun = unique(facts.vba.autoRun);
  facts.vba.behaviours = unique(facts.vba.behaviours);
  facts.externalLinks = unique(facts.externalLinks);
  facts.linkedTables = unique(facts.linkedTables);
  facts.personalData = unique(facts.personalData);
  facts.secrets = unique(facts.secrets);
  facts.sensitivityLabels = unique(facts.sensitivityLabels);
  return facts;
}
