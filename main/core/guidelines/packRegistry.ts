import type { PackSummary, PackTrust, RuleInfo, TrustedPublisher } from '../../../shared/guidelines';
import { FieldbookError, notFound } from '../errors';
import type { Database } from '../store/database';
import { readBaselinePack } from './baselinePack';
import { compilePack, formatProblems, type CompiledPack } from './compilePack';
import { fingerprintOf, keyIdOf, publicKeyFromBase64, signatureKeyId, verifyPack, type TrustedKey } from './signing';

export interface PackImport {
  text: string;
  signature: string | null;
  /** The user deliberately imports an unsigned pack as their own. */
  unsignedOwn: boolean;
}

/** One rule in force, at a fixed index for as long as the same packs are in force. */
export interface RuleInForce {
  pack: CompiledPack['pack'];
  compiled: CompiledPack['rules'][number];
}

/** The packs in force, compiled: the built-in pack first, then the ones the user imported. */
export interface PacksInForce {
  /** `signedBy`: the id of the key a signed pack was verified with (null for the others). */
  packs: { compiled: CompiledPack; trust: PackTrust; signedBy: string | null }[];
  rules: RuleInForce[];
  /** `id@version,…`: findings computed under another key are stale. */
  key: string;
}

/**
 * Which guideline packs are in force, and the publisher keys the user trusts. Packs are compiled
 * on first use, not at start-up, so opening Fieldbook stays quick.
 */
export class PackRegistry {
  private compiled: PacksInForce | null = null;
  private readonly statements;

  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
    private readonly baselineText: string = readBaselinePack(),
  ) {
    this.statements = {
      storedPacks: db.prepare<[], { id: string; source: string; trust: PackTrust; signature: string | null }>(
        'SELECT id, source, trust, signature FROM guideline_packs ORDER BY id',
      ),
      signedPacks: db.prepare<[], { id: string; signature: string }>("SELECT id, signature FROM guideline_packs WHERE trust = 'signed' AND signature IS NOT NULL"),
      savePack: db.prepare('INSERT OR REPLACE INTO guideline_packs (id, version, source, trust, imported_at, signature) VALUES (?, ?, ?, ?, ?, ?)'),
      deletePack: db.prepare('DELETE FROM guideline_packs WHERE id = ?'),
      trusted: db.prepare<[], { key_id: string; name: string; public_key: string; added_at: string }>(
        'SELECT key_id, name, public_key, added_at FROM trusted_publishers ORDER BY name, key_id',
      ),
      trust: db.prepare('INSERT OR REPLACE INTO trusted_publishers (key_id, name, public_key, added_at) VALUES (?, ?, ?, ?)'),
      untrust: db.prepare('DELETE FROM trusted_publishers WHERE key_id = ?'),
    };
  }

  inForce(): PacksInForce {
    this.compiled ??= this.compileAll();
    return this.compiled;
  }

  summaries(): PackSummary[] {
    return this.inForce().packs.map(({ compiled: { pack }, trust }) => ({
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
    return this.inForce().packs.flatMap(({ compiled: { pack } }) =>
      pack.rules.map(({ examples: _examples, ...rule }) => ({ ...rule, packId: pack.id, packName: pack.name, packVersion: pack.version })),
    );
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
    if (pack.id === this.inForce().packs[0]!.compiled.pack.id) {
      throw new FieldbookError('invalid_input', `“${pack.id}” is the id of the built-in pack.`, 'Give your pack its own id.');
    }
    this.statements.savePack.run(
      pack.id,
      pack.version,
      request.text,
      verification.ok ? 'signed' : 'unsigned-own',
      this.clock().toISOString(),
      verification.ok ? request.signature : null,
    );
    this.compiled = null;
    return this.summaries().find((summary) => summary.id === pack.id)!;
  }

  removePack(packId: string): void {
    if (this.statements.deletePack.run(packId).changes === 0) throw notFound('This guideline pack');
    this.compiled = null;
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

  /** The publishers the user trusts, each with the packs in force signed with its key. */
  trustedPublishers(): TrustedPublisher[] {
    const packs = this.inForce().packs;
    return this.statements.trusted.all().map((row) => ({
      keyId: row.key_id,
      name: row.name,
      fingerprint: fingerprintOf(publicKeyFromBase64(row.public_key)),
      trustedAt: row.added_at,
      packs: packs
        .filter((pack) => pack.signedBy === row.key_id)
        .map(({ compiled: { pack } }) => ({ id: pack.id, name: pack.name, version: pack.version, ruleCount: pack.rules.length })),
    }));
  }

  /**
   * Stops trusting a publisher key. The packs signed with it are removed with it, in one
   * transaction: nothing vouches for them any more. Returns the ids of the removed packs.
   */
  removePublisher(keyId: string): string[] {
    const removed: string[] = [];
    this.db.transaction(() => {
      if (this.statements.untrust.run(keyId).changes === 0) throw notFound('This trusted publisher');
      for (const stored of this.statements.signedPacks.all()) {
        if (signatureKeyId(stored.signature) !== keyId) continue;
        this.statements.deletePack.run(stored.id);
        removed.push(stored.id);
      }
    }).immediate();
    this.compiled = null;
    return removed;
  }

  private compileAll(): PacksInForce {
    const baseline = compilePack(this.baselineText, this.clock);
    if (!baseline.ok) throw new Error(`The built-in guideline pack is broken:\n${formatProblems(baseline.problems)}`);
    const packs: PacksInForce['packs'] = [{ compiled: baseline.compiled, trust: 'built-in', signedBy: null }];
    const trusted = this.trustedKeys();
    for (const stored of this.statements.storedPacks.all()) {
      // Verified again before use. (Packs imported before signatures were kept have none to check.)
      if (stored.trust === 'signed' && stored.signature !== null) {
        const verification = verifyPack(Buffer.from(stored.source, 'utf8'), stored.signature, trusted);
        if (!verification.ok) {
          console.error(`Guideline pack ${stored.id} is not in force: ${verification.message}`);
          continue;
        }
      }
      const result = compilePack(stored.source, this.clock);
      // A pack that no longer compiles (after an app update) is left out, not deleted.
      if (result.ok) packs.push({ compiled: result.compiled, trust: stored.trust, signedBy: stored.trust === 'signed' ? signatureKeyId(stored.signature) : null });
      else console.error(`Guideline pack ${stored.id} is not in force:\n${formatProblems(result.problems)}`);
    }
    return {
      packs,
      rules: packs.flatMap(({ compiled }) => compiled.rules.map((rule) => ({ pack: compiled.pack, compiled: rule }))),
      key: packs.map(({ compiled: { pack } }) => `${pack.id}@${pack.version}`).join(','),
    };
  }
}
