import type { AttentionItem } from '../../../shared/contract';
import type { Entry } from '../../../shared/entry';
import {
  OUTCOMES,
  compareFindings,
  needsAction,
  severityRank,
  type Finding,
  type PackSummary,
  type RuleInfo,
  type SetAside,
  type TrustedPublisher,
} from '../../../shared/guidelines';
import { notFound } from '../errors';
import type { EntryStore } from '../entries';
import type { EventHub } from '../events';
import type { Database } from '../store/database';
import { evaluateEntries, type EntryCheck } from './evaluateEntries';
import { OUTCOME_CODE, type RuleDetail } from './evaluateRule';
import type { RuleFacts } from './facts';
import type { PackImport, PackRegistry } from './packRegistry';
import type { TrustedKey } from './signing';

export type { EntryCheck };

/** Where rules get the facts found in an entry's files. */
export interface FactsSource {
  ruleFacts(entryId: string): RuleFacts;
  ruleFactsByEntry(): Map<string, RuleFacts>;
}

const NEEDS_INFO = OUTCOME_CODE['needs-info'];

/** A question only the tool's file can answer: nothing for the user to do but wait for it to be read. */
function waitsForFile(detail: Pick<RuleDetail, 'missingFields' | 'missingFacts'> | undefined): boolean {
  return detail !== undefined && detail.missingFacts.length > 0 && detail.missingFields.length === 0;
}
const NOT_MET = OUTCOME_CODE['not-met'];

/**
 * Runs the guidelines in force against entries, privately, on this machine. Each entry's check
 * is stored with the pack versions it came from and its revision, re-checked after each edit,
 * and read back from the store on start-up instead of checking everything again.
 */
export class GuidelineService {
  private readonly cache = new Map<string, EntryCheck>();
  private storedChecksLoadedFor: string | null = null;
  private readonly statements;

  constructor(
    private readonly db: Database,
    private readonly entries: EntryStore,
    private readonly events: EventHub,
    private readonly clock: () => Date,
    private readonly facts: FactsSource,
    private readonly packs: PackRegistry,
  ) {
    this.statements = {
      setAsidesOf: db.prepare<[string], { pack_id: string; rule_id: string; reason: string; until: string | null; by: string; at: string }>(
        'SELECT pack_id, rule_id, reason, until, by, at FROM set_asides WHERE entry_id = ?',
      ),
      allSetAsides: db.prepare<[], { entry_id: string; pack_id: string; rule_id: string; reason: string; until: string | null; by: string; at: string }>(
        'SELECT entry_id, pack_id, rule_id, reason, until, by, at FROM set_asides',
      ),
      saveSetAside: db.prepare('INSERT OR REPLACE INTO set_asides (entry_id, pack_id, rule_id, reason, until, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      clearSetAside: db.prepare('DELETE FROM set_asides WHERE entry_id = ? AND pack_id = ? AND rule_id = ?'),
      saveCheck: db.prepare('INSERT OR REPLACE INTO findings (entry_id, entry_revision, packs, results, checked_at) VALUES (?, ?, ?, ?, ?)'),
      storedChecks: db.prepare<[string], { entry_id: string; entry_revision: number; results: string }>(
        'SELECT entry_id, entry_revision, results FROM findings WHERE packs = ?',
      ),
      liveRevisions: db.prepare<[], { id: string; revision: number; name: string; criticality_rank: number }>(
        'SELECT id, revision, name, criticality_rank FROM entries WHERE deleted_at IS NULL',
      ),
    };
    // An edit makes its entry's check stale; the next read checks it again.
    events.subscribe((event, payload) => {
      if (event === 'entries.changed') for (const id of (payload as { ids: string[] }).ids) this.cache.delete(id);
    });
  }

  packsInForce(): PackSummary[] {
    return this.packs.summaries();
  }

  rules(): RuleInfo[] {
    return this.packs.rules();
  }

  /** The question a guideline asks for each answer without a field of its own (`answers.KEY`), by key. */
  answerQuestions(): Map<string, string> {
    const questions = new Map<string, string>();
    for (const rule of this.rules()) {
      for (const input of [...rule.inputs, ...(rule.alternativeInputs ?? []).flat()]) {
        if (input.startsWith('answers.') && !questions.has(input.slice(8))) questions.set(input.slice(8), rule.question);
      }
    }
    return questions;
  }

  importPack(request: PackImport): PackSummary {
    const summary = this.packs.importPack(request);
    this.events.emit('guidelines.changed', { packs: this.packs.inForce().key });
    return summary;
  }

  removePack(packId: string): PackSummary[] {
    this.packs.removePack(packId);
    this.events.emit('guidelines.changed', { packs: this.packs.inForce().key });
    return this.packs.summaries();
  }

  trustPublisher(name: string, publicKey: string): TrustedKey {
    return this.packs.trustPublisher(name, publicKey);
  }

  trustedKeys(): TrustedKey[] {
    return this.packs.trustedKeys();
  }

  trustedPublishers(): TrustedPublisher[] {
    return this.packs.trustedPublishers();
  }

  /**
   * Stops trusting a publisher; the packs signed with its key are removed and stop applying.
   * Returns what is left, and which packs went.
   */
  removePublisher(keyId: string): { publishers: TrustedPublisher[]; removedPacks: string[] } {
    const removedPacks = this.packs.removePublisher(keyId);
    if (removedPacks.length > 0) this.events.emit('guidelines.changed', { packs: this.packs.inForce().key });
    return { publishers: this.packs.trustedPublishers(), removedPacks };
  }

  /** The findings of one entry, most important first. */
  findings(entryId: string): Finding[] {
    const entry = this.entries.get(entryId);
    const check = this.fresh(entry.id, entry.revision) ?? this.check([entry], this.setAsidesByEntry([entryId]), new Map([[entryId, this.facts.ruleFacts(entryId)]]))[0]!;
    return this.expand(check).sort(compareFindings);
  }

  /** Every live entry with its findings, most important first (for exports). */
  allFindings(entries: Entry[] = this.entries.all()): Map<Entry, Finding[]> {
    this.checkStale(entries);
    return new Map(entries.map((entry) => [entry, this.expand(this.cache.get(entry.id)!).sort(compareFindings)]));
  }

  /**
   * What needs attention first across the fieldbook: entries with guidelines not met yet or
   * needing info, the most important guidelines on the most critical tools first.
   */
  attention(limit = 8): { items: AttentionItem[]; openFindings: number; entriesWithOpenFindings: number } {
    const live = this.statements.liveRevisions.all();
    this.loadStoredChecks();
    const staleIds = new Set(live.filter((row) => !this.fresh(row.id, row.revision)).map((row) => row.id));
    if (staleIds.size > 0) this.checkStale(this.entries.all().filter((entry) => staleIds.has(entry.id)));
    const severities = this.packs.inForce().rules.map(({ compiled: { rule } }) => severityRank(rule.severity));
    let openFindings = 0;
    const candidates: { id: string; name: string; weight: number; count: number }[] = [];
    for (const row of live) {
      const { outcomes, details } = this.cache.get(row.id)!;
      let top = -1;
      let count = 0;
      for (let index = 0; index < outcomes.length; index++) {
        if (outcomes[index] !== NOT_MET && outcomes[index] !== NEEDS_INFO) continue;
        if (waitsForFile(details.get(index))) continue;
        count++;
        if (severities[index]! > top) top = severities[index]!;
      }
      openFindings += count;
      if (count > 0) candidates.push({ id: row.id, name: row.name, weight: top * 10 + row.criticality_rank * 2, count });
    }
    candidates.sort((a, b) => b.weight - a.weight || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const items = candidates.slice(0, limit).map(({ id, count }) => {
      const entry = this.entries.get(id);
      const actions = this.expand(this.cache.get(id)!)
        .filter((finding) => needsAction(finding) && !waitsForFile(finding))
        .sort(compareFindings);
      return {
        id,
        name: entry.name,
        kind: entry.kind,
        criticality: entry.criticality,
        reasons: actions.slice(0, 4).map((finding) => (finding.outcome === 'needs-info' ? `Needs info: ${finding.question}` : `Not met yet: ${finding.title}`)),
        openCount: count,
      };
    });
    return { items, openFindings, entriesWithOpenFindings: candidates.length };
  }

  /** Checks entries against every rule in force and stores the results with the pack versions. */
  check(entries: Entry[], setAsides: Map<string, Map<string, SetAside>>, facts: Map<string, RuleFacts>): EntryCheck[] {
    const checks = this.evaluate(entries, setAsides, facts);
    const checkedAt = this.clock().toISOString();
    this.db.transaction(() => {
      entries.forEach((entry, index) => {
        const check = checks[index]!;
        const stored = { outcomes: check.outcomes.join(''), details: Object.fromEntries(check.details) };
        this.statements.saveCheck.run(entry.id, entry.revision, check.packKey, JSON.stringify(stored), checkedAt);
        this.cache.set(entry.id, check);
      });
    }).immediate();
    return checks;
  }

  /** Evaluates every rule in force on each entry. Stores nothing. This is the hot path of a full check. */
  evaluate(entries: Entry[], setAsides: Map<string, Map<string, SetAside>>, factsByEntry: Map<string, RuleFacts>): EntryCheck[] {
    return evaluateEntries(this.packs.inForce(), entries, setAsides, factsByEntry, this.clock().toISOString().slice(0, 10));
  }

  setAside(entryId: string, packId: string, ruleId: string, reason: string, until: string | null, by: string): Finding[] {
    this.entries.get(entryId);
    if (!this.rules().some((rule) => rule.packId === packId && rule.id === ruleId)) throw notFound('This guideline');
    this.statements.saveSetAside.run(entryId, packId, ruleId, reason, until, by || 'me', this.clock().toISOString());
    return this.recheck(entryId);
  }

  clearSetAside(entryId: string, packId: string, ruleId: string): Finding[] {
    this.statements.clearSetAside.run(entryId, packId, ruleId);
    return this.recheck(entryId);
  }

  /** Forgets an entry's check, so the next read checks it again (its facts changed). */
  forget(entryId: string): void {
    this.cache.delete(entryId);
  }

  setAsidesByEntry(entryIds: string[] | null): Map<string, Map<string, SetAside>> {
    const rows =
      entryIds === null
        ? this.statements.allSetAsides.all()
        : entryIds.flatMap((id) => this.statements.setAsidesOf.all(id).map((row) => ({ ...row, entry_id: id })));
    const byEntry = new Map<string, Map<string, SetAside>>();
    for (const row of rows) {
      const map = byEntry.get(row.entry_id) ?? new Map<string, SetAside>();
      map.set(`${row.pack_id}/${row.rule_id}`, { reason: row.reason, until: row.until, by: row.by, at: row.at });
      byEntry.set(row.entry_id, map);
    }
    return byEntry;
  }

  private checkStale(entries: Entry[]): void {
    const stale = entries.filter((entry) => !this.fresh(entry.id, entry.revision));
    if (stale.length > 0) this.check(stale, this.setAsidesByEntry(null), this.facts.ruleFactsByEntry());
  }

  /** Reads the checks stored under the packs in force, once, instead of checking everything again. */
  private loadStoredChecks(): void {
    const { key } = this.packs.inForce();
    if (this.storedChecksLoadedFor === key) return;
    this.storedChecksLoadedFor = key;
    for (const row of this.statements.storedChecks.all(key)) {
      if (this.cache.has(row.entry_id)) continue;
      const stored = JSON.parse(row.results) as { outcomes: string; details: Record<string, RuleDetail> };
      const outcomes = Uint8Array.from(stored.outcomes, (digit) => digit.charCodeAt(0) - 48);
      const details = new Map(Object.entries(stored.details).map(([index, detail]) => [Number(index), detail]));
      this.cache.set(row.entry_id, { revision: row.entry_revision, packKey: key, outcomes, details });
    }
  }

  private fresh(entryId: string, revision: number): EntryCheck | null {
    const cached = this.cache.get(entryId);
    return cached && cached.revision === revision && cached.packKey === this.packs.inForce().key ? cached : null;
  }

  /** Turns a compact check into findings a person can read. */
  private expand(check: EntryCheck): Finding[] {
    return this.packs.inForce().rules.map(({ pack, compiled: { rule } }, index) => {
      const detail = check.details.get(index);
      return {
        packId: pack.id,
        packVersion: pack.version,
        ruleId: rule.id,
        title: rule.title,
        question: rule.question,
        severity: rule.severity,
        category: rule.category,
        outcome: OUTCOMES[check.outcomes[index]!]!,
        missingFields: detail?.missingFields ?? [],
        missingFacts: detail?.missingFacts ?? [],
        setAside: detail?.setAside ?? null,
        setAsideExpired: detail?.setAsideExpired ?? false,
        error: detail?.error ?? null,
      };
    });
  }

  private recheck(entryId: string): Finding[] {
    this.cache.delete(entryId);
    const findings = this.findings(entryId);
    this.events.emit('findings.changed', { ids: [entryId] });
    return findings;
  }
}
