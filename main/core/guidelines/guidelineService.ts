import type { Entry } from '../../../shared/entry';
import {
  OUTCOMES,
  compareFindings,
  needsAction,
  type Finding,
  type PackSummary,
  type PackTrust,
  type RuleInfo,
  type SetAside,
} from '../../../shared/guidelines';
import { FieldbookError, notFound } from '../errors';
import type { EntryStore } from '../entries';
import type { EventHub } from '../events';
import type { Database } from '../store/database';
import { readBaselinePack } from './baselinePack';
import { entryView } from './celEnvironment';
import { compilePack, formatProblems, type CompiledPack } from './compilePack';
import { OUTCOME_CODE, evaluateRule, type RuleDetail } from './evaluateRule';
import { noFacts, type RuleFacts } from './facts';
import { keyIdOf, publicKeyFromBase64, verifyPack, type TrustedKey } from './signing';

interface LoadedPack {
  compiled: CompiledPack;
  trust: PackTrust;
}

/** One rule in force, at a fixed index for as long as the same packs are in force. */
interface RuleInForce {
  pack: CompiledPack['pack'];
  compiled: CompiledPack['rules'][number];
}

/**
 * The result of checking one entry, kept compact: one outcome code per rule in force,
 * and details only for the few results that have them.
 */
export interface EntryCheck {
  revision: number;
  packKey: string;
  outcomes: Uint8Array;
  details: Map<number, RuleDetail>;
}

const NEEDS_INFO = OUTCOME_CODE['needs-info'];
const NOT_MET = OUTCOME_CODE['not-met'];

export interface PackImport {
  text: string;
  signature: string | null;
  /** The user deliberately imports an unsigned pack as their own. */
  unsignedOwn: boolean;
}

/**
 * Runs the guidelines in force against entries, privately, on this machine.
 * Findings are kept per entry with the pack versions they came from, and re-checked on each edit.
 */
export class GuidelineService {
  private packs: LoadedPack[] = [];
  private rulesInForce: RuleInForce[] = [];
  private readonly cache = new Map<string, EntryCheck>();
  private packKey = '';
  private readonly statements;

  constructor(
    private readonly db: Database,
    private readonly entries: EntryStore,
    private readonly events: EventHub,
    private readonly clock: () => Date,
    private readonly baselineText: string = readBaselinePack(),
  ) {
    this.statements = {
      storedPacks: db.prepare<[], { id: string; source: string; trust: PackTrust }>('SELECT id, source, trust FROM guideline_packs ORDER BY id'),
      savePack: db.prepare('INSERT OR REPLACE INTO guideline_packs (id, version, source, trust, imported_at) VALUES (?, ?, ?, ?, ?)'),
      deletePack: db.prepare('DELETE FROM guideline_packs WHERE id = ?'),
      setAsidesOf: db.prepare<[string], { pack_id: string; rule_id: string; reason: string; until: string | null; by: string; at: string }>(
        'SELECT pack_id, rule_id, reason, until, by, at FROM set_asides WHERE entry_id = ?',
      ),
      allSetAsides: db.prepare<[], { entry_id: string; pack_id: string; rule_id: string; reason: string; until: string | null; by: string; at: string }>(
        'SELECT entry_id, pack_id, rule_id, reason, until, by, at FROM set_asides',
      ),
      saveSetAside: db.prepare('INSERT OR REPLACE INTO set_asides (entry_id, pack_id, rule_id, reason, until, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      clearSetAside: db.prepare('DELETE FROM set_asides WHERE entry_id = ? AND pack_id = ? AND rule_id = ?'),
      saveFindings: db.prepare('INSERT OR REPLACE INTO findings (entry_id, entry_revision, packs, results, checked_at) VALUES (?, ?, ?, ?, ?)'),
      trusted: db.prepare<[], { key_id: string; name: string; public_key: string }>('SELECT key_id, name, public_key FROM trusted_publishers ORDER BY name'),
      trust: db.prepare('INSERT OR REPLACE INTO trusted_publishers (key_id, name, public_key, added_at) VALUES (?, ?, ?, ?)'),
    };
    this.loadPacks();
    // Edits re-check their entry at once; the next read finds fresh findings.
    events.subscribe((event, payload) => {
      if (event !== 'entries.changed') return;
      for (const id of (payload as { ids: string[] }).ids) this.cache.delete(id);
    });
  }

  packsInForce(): PackSummary[] {
    return this.packs.map(({ compiled: { pack }, trust }) => ({
      id: pack.id,
      name: pack.name,
      version: pack.version,
      publisher: pack.publisher,
      date: pack.date,
      description: pack.description ?? '',
      trust,
      ruleCount: pack.rules.length,
    }));
  }

  rules(): RuleInfo[] {
    return this.packs.flatMap(({ compiled: { pack } }) =>
      pack.rules.map(({ examples: _examples, ...rule }) => ({ ...rule, packId: pack.id, packName: pack.name, packVersion: pack.version })),
    );
  }

  /** The findings of one entry, most important first. */
  findings(entryId: string): Finding[] {
    const entry = this.entries.get(entryId);
    return this.expand(this.fresh(entry) ?? this.check([entry], this.setAsidesByEntry([entryId]))[0]!).sort(compareFindings);
  }

  /** Every live entry with its findings, most important first (for exports). */
  allFindings(entries: Entry[] = this.entries.all()): Map<Entry, Finding[]> {
    this.checkStale(entries);
    return new Map(entries.map((entry) => [entry, this.expand(this.cache.get(entry.id)!).sort(compareFindings)]));
  }

  /** For each live entry, the findings that ask something of the user (not met, needs info). */
  actionableFindings(entries: Entry[] = this.entries.all()): Map<Entry, Finding[]> {
    this.checkStale(entries);
    const result = new Map<Entry, Finding[]>();
    for (const entry of entries) {
      const { outcomes } = this.cache.get(entry.id)!;
      if (outcomes.some((code) => code === NOT_MET || code === NEEDS_INFO)) {
        result.set(entry, this.expand(this.cache.get(entry.id)!).filter(needsAction));
      }
    }
    return result;
  }

  /** Checks entries against every rule in force and stores the results with the pack versions. */
  check(entries: Entry[], setAsides: Map<string, Map<string, SetAside>>): EntryCheck[] {
    const checks = this.evaluate(entries, setAsides);
    const checkedAt = this.clock().toISOString();
    this.db.transaction(() => {
      entries.forEach((entry, index) => {
        const check = checks[index]!;
        const stored = { outcomes: check.outcomes.join(''), details: Object.fromEntries(check.details) };
        this.statements.saveFindings.run(entry.id, entry.revision, this.packKey, JSON.stringify(stored), checkedAt);
        this.cache.set(entry.id, check);
      });
    }).immediate();
    return checks;
  }

  /** Evaluates every rule in force on each entry. Stores nothing. This is the hot path of a full check. */
  evaluate(entries: Entry[], setAsides: Map<string, Map<string, SetAside>>): EntryCheck[] {
    const today = this.clock().toISOString().slice(0, 10);
    const facts: RuleFacts = noFacts();
    const rules = this.rulesInForce;
    const sink: { detail: RuleDetail | null } = { detail: null };
    const noSetAsides = new Map<string, SetAside>();
    const checks: EntryCheck[] = new Array(entries.length);
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e]!;
      const context = { entry, variables: { entry: entryView(entry), facts }, facts, setAsides: setAsides.get(entry.id) ?? noSetAsides, today };
      const outcomes = new Uint8Array(rules.length);
      const details = new Map<number, RuleDetail>();
      for (let r = 0; r < rules.length; r++) {
        outcomes[r] = evaluateRule(rules[r]!.pack, rules[r]!.compiled, context, sink);
        if (sink.detail !== null) details.set(r, sink.detail);
      }
      checks[e] = { revision: entry.revision, packKey: this.packKey, outcomes, details };
    }
    return checks;
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

  /** Adds or replaces a pack after checking its signature and compiling every rule. */
  importPack(request: PackImport): PackSummary {
    const verification = verifyPack(Buffer.from(request.text, 'utf8'), request.signature, this.trustedKeys());
    if (!verification.ok && !(verification.reason === 'unsigned' && request.unsignedOwn)) {
      throw new FieldbookError(
        'invalid_input',
        `The pack was not imported. ${verification.message}`,
        verification.reason === 'unsigned'
          ? 'Ask IT for the signed pack (with its .sig file), or import it deliberately as “unsigned, my own”.'
          : verification.reason === 'unknown-key'
            ? 'If IT gave you their publisher key, add it as a trusted publisher first. Your current packs stay in force.'
            : 'Get a fresh copy of the pack and its signature from IT. Your current packs stay in force.',
      );
    }
    const result = compilePack(request.text, this.clock);
    if (!result.ok) {
      throw new FieldbookError(
        'invalid_input',
        `The pack was not imported because it has problems:\n\n${formatProblems(result.problems)}`,
        'Your current packs stay in force. Send these messages to whoever wrote the pack.',
      );
    }
    const { pack } = result.compiled;
    if (pack.id === this.packs[0]?.compiled.pack.id) {
      throw new FieldbookError('invalid_input', `“${pack.id}” is the id of the built-in pack.`, 'Give your pack its own id.');
    }
    const trust: PackTrust = verification.ok ? 'signed' : 'unsigned-own';
    this.statements.savePack.run(pack.id, pack.version, request.text, trust, this.clock().toISOString());
    this.loadPacks();
    this.events.emit('guidelines.changed', { packs: this.packKey });
    return this.packsInForce().find((summary) => summary.id === pack.id)!;
  }

  removePack(packId: string): PackSummary[] {
    if (this.statements.deletePack.run(packId).changes === 0) throw notFound('This guideline pack');
    this.loadPacks();
    this.events.emit('guidelines.changed', { packs: this.packKey });
    return this.packsInForce();
  }

  trustPublisher(name: string, publicKey: string): TrustedKey {
    let keyId: string;
    try {
      const key = publicKeyFromBase64(publicKey);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
      keyId = keyIdOf(key);
    } catch {
      throw new FieldbookError('invalid_input', 'That is not an Ed25519 publisher key.', 'Paste the public key exactly as IT sent it (a line of base64).');
    }
    this.statements.trust.run(keyId, name, publicKey, this.clock().toISOString());
    return { keyId, name, publicKey };
  }

  trustedKeys(): TrustedKey[] {
    return this.statements.trusted.all().map((row) => ({ keyId: row.key_id, name: row.name, publicKey: row.public_key }));
  }

  private checkStale(entries: Entry[]): void {
    const stale = entries.filter((entry) => !this.fresh(entry));
    if (stale.length > 0) this.check(stale, this.setAsidesByEntry(null));
  }

  private fresh(entry: Entry): EntryCheck | null {
    const cached = this.cache.get(entry.id);
    return cached && cached.revision === entry.revision && cached.packKey === this.packKey ? cached : null;
  }

  /** Turns a compact check into findings a person can read. */
  private expand(check: EntryCheck): Finding[] {
    return this.rulesInForce.map(({ pack, compiled: { rule } }, index) => {
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

  private loadPacks(): void {
    const baseline = compilePack(this.baselineText, this.clock);
    if (!baseline.ok) throw new Error(`The built-in guideline pack is broken:\n${formatProblems(baseline.problems)}`);
    const packs: LoadedPack[] = [{ compiled: baseline.compiled, trust: 'built-in' }];
    for (const stored of this.statements.storedPacks.all()) {
      const result = compilePack(stored.source, this.clock);
      // A pack that no longer compiles (after an app update) is left out, not deleted.
      if (result.ok) packs.push({ compiled: result.compiled, trust: stored.trust });
      else console.error(`Guideline pack ${stored.id} is not in force:\n${formatProblems(result.problems)}`);
    }
    this.packs = packs;
    this.rulesInForce = packs.flatMap(({ compiled }) => compiled.rules.map((rule) => ({ pack: compiled.pack, compiled: rule })));
    this.packKey = packs.map(({ compiled: { pack } }) => `${pack.id}@${pack.version}`).join(',');
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
}
