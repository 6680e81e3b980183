import type { Finding, Outcome, Severity } from './guidelines';

/** How findings are ordered and read. No zod here, so the renderer can use it cheaply. */
const SEVERITY_RANK: Record<Severity, number> = { advice: 0, recommended: 1, important: 2, required: 3 };
const OUTCOME_RANK: Record<Outcome, number> = {
  'not-met': 0,
  'needs-info': 1,
  error: 2,
  'set-aside': 3,
  met: 4,
  'not-applicable': 5,
};

/** Most important first: what to do (not met, needs info) before what is fine, then by severity. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome] ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    // Plain comparison: this runs for every finding of a full check.
    (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)
  );
}

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

export function needsAction(finding: Finding): boolean {
  return finding.outcome === 'not-met' || finding.outcome === 'needs-info';
}
