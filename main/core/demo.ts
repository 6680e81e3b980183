import { randomUUID } from 'node:crypto';
import {
  CRITICALITY_LEVELS,
  type DataCategory,
  type DependencyLink,
  type EntryKind,
  type EntryPatch,
  type Lifecycle,
  type Sensitivity,
  type UsageFrequency,
} from '../../shared/entry';

/** The tools a real finance, operations or lab team builds, as templates for sample entries. */
const TEMPLATES: ReadonlyArray<{
  name: string;
  kind: EntryKind;
  purpose: string;
  process: string;
  data: DataCategory[];
  file?: string;
}> = [
  { name: 'Quote pricing workbook', kind: 'spreadsheet', purpose: 'Prices every customer quote from the list price, volume discounts and freight costs.', process: 'Sales quoting', data: ['customer', 'financial'], file: 'Pricing_v7.xlsm' },
  { name: 'Returns database', kind: 'database', purpose: 'Tracks customer returns from receipt to credit note.', process: 'Returns handling', data: ['customer', 'personal'], file: 'Returns.accdb' },
  { name: 'Monday merge script', kind: 'script', purpose: 'Merges the CRM export with the ERP open-orders export every Monday morning.', process: 'Weekly sales reporting', data: ['customer', 'financial'], file: 'merge_exports.py' },
  { name: 'Month-end accruals', kind: 'spreadsheet', purpose: 'Calculates accruals for the month-end close and posts the journal file.', process: 'Month-end close', data: ['financial', 'confidential'], file: 'Accruals_MonthEnd.xlsx' },
  { name: 'Shift planner', kind: 'spreadsheet', purpose: 'Plans warehouse shifts and overtime for the next four weeks.', process: 'Workforce planning', data: ['employee', 'personal'], file: 'ShiftPlan.xlsm' },
  { name: 'Supplier scorecard', kind: 'report', purpose: 'Scores suppliers on delivery, quality and price each quarter.', process: 'Supplier management', data: ['confidential'] },
  { name: 'Sample tracking', kind: 'database', purpose: 'Follows lab samples from arrival to result and archive.', process: 'Lab operations', data: ['health', 'personal'], file: 'Samples.mdb' },
  { name: 'Invoice approval flow', kind: 'flow', purpose: 'Routes supplier invoices above 5,000 EUR to the budget owner for approval.', process: 'Accounts payable', data: ['financial'] },
  { name: 'Survey tool', kind: 'saas', purpose: 'Runs customer satisfaction surveys after each delivery.', process: 'Customer experience', data: ['customer', 'personal'] },
  { name: 'Budget model', kind: 'spreadsheet', purpose: 'Builds next year’s budget from department inputs and the sales forecast.', process: 'Budgeting', data: ['financial', 'confidential'], file: 'Budget_Model.xlsx' },
  { name: 'Stock reconciliation', kind: 'script', purpose: 'Compares warehouse stock counts with the ERP and lists differences.', process: 'Inventory control', data: ['financial'], file: 'reconcile_stock.ps1' },
  { name: 'Training records', kind: 'database', purpose: 'Keeps who completed which safety training and when it expires.', process: 'Health and safety', data: ['employee', 'personal'], file: 'Training.accdb' },
  { name: 'Sales dashboard', kind: 'report', purpose: 'Shows daily orders, margin and pipeline per region.', process: 'Sales management', data: ['customer', 'financial'] },
  { name: 'Contract register', kind: 'saas', purpose: 'Stores supplier contracts and reminds before renewal dates.', process: 'Procurement', data: ['confidential'] },
  { name: 'Price list publisher', kind: 'flow', purpose: 'Publishes the approved price list to the web shop every night.', process: 'Pricing', data: ['public'] },
  { name: 'Travel expense checker', kind: 'script', purpose: 'Flags expense claims that break the travel policy before approval.', process: 'Expense management', data: ['employee', 'financial'], file: 'check_expenses.sql' },
];
const TEAMS = ['Finance', 'Sales operations', 'Warehouse', 'Quality lab', 'Procurement', 'HR operations', 'Customer service'];
const PEOPLE = ['Anna Berg', 'Marco Rossi', 'Priya Shah', 'Tom Müller', 'Sofia García', 'Lena Novak', 'James O’Neill', 'Yuki Tanaka', 'Fatima Idrissi', 'Ole Hansen'];
const SYSTEMS = ['SAP export', 'Salesforce', 'Workday', 'Web shop', 'Data warehouse', 'Outlook', 'SharePoint'];
const FREQUENCIES: UsageFrequency[] = ['daily', 'weekly', 'monthly', 'quarterly'];
const LIFECYCLES: Lifecycle[] = ['in-use', 'in-use', 'in-use', 'in-use', 'being-replaced', 'idea', 'retired'];
const SENSITIVITIES: (Sensitivity | null)[] = ['internal', 'confidential', 'restricted', 'public', null];
const TAGS = ['month-end', 'audit', 'customer-facing', 'legacy', 'quick-win', 'regulatory'];

/** A small deterministic random source, so a demo fieldbook looks the same every time (tests reuse it). */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

/** Realistic sample entries, with ids, linked to each other and to official systems. */
export function demoEntries(count: number, seed = 7): { ids: string[]; entries: EntryPatch[] } {
  const random = randomSource(seed);
  const ids = Array.from({ length: count }, () => randomUUID());
  const entries = ids.map((_, index): EntryPatch => {
    const template = TEMPLATES[index % TEMPLATES.length]!;
    const round = Math.floor(index / TEMPLATES.length);
    const team = random.pick(TEAMS);
    const owner = random.pick(PEOPLE);
    const criticality = random.next() < 0.1 ? null : random.pick(CRITICALITY_LEVELS);
    const important = criticality === 'high' || criticality === 'critical';
    const dependsOn: DependencyLink[] = [{ type: 'system', name: random.pick(SYSTEMS) }];
    if (index > 0 && random.next() < 0.6) dependsOn.push({ type: 'entry', entryId: ids[Math.floor(random.next() * index)]! });
    const reviewedDaysAgo = Math.floor(random.next() * 700);
    return {
      name: round === 0 ? template.name : `${template.name} ${round + 1}`,
      kind: template.kind,
      purpose: template.purpose,
      businessProcess: template.process,
      owner,
      backupOwners: random.next() < 0.6 ? [random.pick(PEOPLE.filter((person) => person !== owner))] : [],
      team,
      users: `${team} team`,
      userCount: 1 + Math.floor(random.next() * 40),
      frequency: random.pick(FREQUENCIES),
      locations: template.file ? [`\\\\fileserver\\${team.replace(/ /g, '')}\\Tools\\${template.file}`] : [`https://${template.name.toLowerCase().replace(/[^a-z]+/g, '-')}.example.com`],
      files: template.file ? [template.file] : [],
      dataCategories: template.data,
      sensitivity: random.pick(SENSITIVITIES),
      criticality,
      criticalityImpact: important ? 'The team cannot finish its daily work; customers or the close would be delayed.' : '',
      dependsOn,
      feeds: random.next() < 0.3 ? [{ type: 'system', name: random.pick(SYSTEMS) }] : [],
      lifecycle: random.pick(LIFECYCLES),
      backup: random.next() < 0.7 ? 'On the team share, which IT backs up nightly.' : '',
      changeProcess: random.next() < 0.5 ? 'Changes are tested on a copy and noted in the change log sheet.' : '',
      lastReviewed: random.next() < 0.8 ? new Date(Date.UTC(2026, 10, 1) - reviewedDaysAgo * 86_400_000).toISOString().slice(0, 10) : null,
      notes: '',
      tags: random.next() < 0.5 ? [random.pick(TAGS)] : [],
    };
  });
  return { ids, entries };
}
