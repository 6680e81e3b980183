/**
 * What inspection found in an entry's files, as guideline rules see it. Until a file has been
 * inspected, `inspected` is false and rules that need facts say "needs info".
 * Field names follow the inspection output (`fieldbook inspect --json`).
 */
export interface RuleFacts {
  inspected: boolean;
  encrypted: boolean;
  vba: { present: boolean; autoRun: string[]; behaviours: string[] };
  xlmMacroSheets: boolean;
  sheets: { name: string; state: string; kind: string }[];
  externalLinks: string[];
  connections: { kind: string; target: string; hasSavedPassword: boolean }[];
  linkedTables: string[];
  personalData: string[];
  secrets: string[];
  sensitivityLabels: string[];
}

export function noFacts(): RuleFacts {
  return {
    inspected: false,
    encrypted: false,
    vba: { present: false, autoRun: [], behaviours: [] },
    xlmMacroSheets: false,
    sheets: [],
    externalLinks: [],
    connections: [],
    linkedTables: [],
    personalData: [],
    secrets: [],
    sensitivityLabels: [],
  };
}
