import type { SharedEntryPayload } from '../../shared/sharing';
import { SHARE_FORMAT } from '../../shared/sharing';

/**
 * A shared entry as a device sends it to the hub: a documented tool with its findings and the
 * facts Fieldbook read in its files, 2–4 KB of JSON like a real share (notes kept private).
 */
export function benchSharePayload(entryId: string, device: number, entry: number, revision: number, updatedAt: string): SharedEntryPayload {
  const team = ['Finance', 'Sales operations', 'Customer service', 'Logistics', 'HR'][entry % 5]!;
  return {
    format: SHARE_FORMAT,
    entryId,
    entryRevision: revision,
    updatedAt,
    fields: {
      name: `${team} pricing workbook ${device}-${entry}`,
      kind: 'spreadsheet',
      purpose:
        `Calculates the monthly list prices for the ${team.toLowerCase()} team from the cost export and the margin table, ` +
        `then writes the price file that the shop system imports every first Monday. Revision ${revision} of the description.`,
      businessProcess: 'Monthly price update',
      owner: `Owner ${device}`,
      backupOwners: [`Backup ${device}a`, `Backup ${device}b`],
      team,
      users: 'Pricing analysts and the team lead',
      userCount: 4 + (entry % 7),
      frequency: 'monthly',
      locations: [`\\\\fileserver\\${team.replace(/ /g, '')}\\Pricing\\`, 'SharePoint: Pricing / Archive'],
      files: [`Pricing ${device}-${entry}.xlsm`, 'Margin table.xlsx'],
      dataCategories: ['financial', 'customer'],
      sensitivity: 'confidential',
      criticality: entry % 3 === 0 ? 'high' : 'medium',
      criticalityImpact: 'If it fails, the shop keeps last month’s prices: margins drift and special offers do not start on time.',
      dependsOn: [{ type: 'system', name: 'SAP cost export' }],
      feeds: [{ type: 'system', name: 'Shop price import' }],
      lifecycle: 'in-use',
      backup: 'Nightly file server backup; the last twelve monthly price files are kept in the archive folder.',
      changeProcess: 'Changes to the macros are tried on a copy first and reviewed by the backup owner before the monthly run.',
      lastReviewed: '2026-10-01',
      tags: ['pricing', 'monthly', 'macros'],
      answers: { singleSignOn: 'no', vendorSupport: 'none, built in house' },
    },
    findings: [
      finding('baseline.owner-named', 'A named owner and a backup', 'required', 'met'),
      finding('baseline.backup-tested', 'Backups are restored at least once a year', 'important', 'needs-info'),
      finding('baseline.change-review', 'Changes are reviewed before use', 'important', 'met'),
      finding('baseline.personal-data-register', 'Personal data is in the processing register', 'required', 'not-applicable'),
      finding('baseline.macro-signing', 'Macros are signed', 'recommended', 'not-met'),
    ],
    files: [
      { name: `Pricing ${device}-${entry}.xlsm`, format: 'xlsm', facts: ['12 sheets, 2 hidden', 'VBA project with 4 modules', 'links to 1 other workbook', '3 external data connections'] },
      { name: 'Margin table.xlsx', format: 'xlsx', facts: ['2 sheets', 'no macros', '1 defined name'] },
    ],
  };
}

function finding(ruleId: string, title: string, severity: 'advice' | 'recommended' | 'important' | 'required', outcome: 'met' | 'not-met' | 'needs-info' | 'not-applicable') {
  return { packId: 'baseline', packVersion: '1.4.0', ruleId, title, severity, outcome, setAsideReason: null, setAsideUntil: null };
}
