import type { TrustedPublisher } from '../../../shared/guidelines';

/** A SHA-256 fingerprint as people compare it aloud: upper case, in groups of four. */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

function quotedList(names: string[]): string {
  const quoted = names.map((name) => `“${name}”`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

const guidelines = (count: number) => (count === 1 ? '1 guideline' : `${count} guidelines`);

/** Which packs in force a publisher's key signs, in a sentence. */
export function signedPacksSentence(publisher: Pick<TrustedPublisher, 'packs'>): string {
  const { packs } = publisher;
  if (packs.length === 0) return 'No pack in force is signed with this key.';
  const names = quotedList(packs.map((pack) => `${pack.name} ${pack.version}`));
  return packs.length === 1 ? `Signs the pack ${names}.` : `Signs ${packs.length} packs in force: ${names}.`;
}

/** What stopping to trust a publisher will do, asked before it is done. */
export function stopTrustingQuestion(publisher: Pick<TrustedPublisher, 'name' | 'packs'>): string {
  const { name, packs } = publisher;
  const lead = `Stop trusting “${name}”? Fieldbook will no longer accept packs signed with this key.`;
  if (packs.length === 0) return `${lead} No pack in force is signed with it, so your guidelines stay as they are.`;
  const rules = guidelines(packs.reduce((sum, pack) => sum + pack.ruleCount, 0));
  const names = quotedList(packs.map((pack) => pack.name));
  if (packs.length === 1) {
    return `${lead} The pack signed with it, ${names} (${rules}), will be removed, so its guidelines stop applying to your entries. To use it again, trust this publisher again and import the pack once more.`;
  }
  return `${lead} The ${packs.length} packs signed with it, ${names} (${rules}), will be removed, so their guidelines stop applying to your entries. To use them again, trust this publisher again and import the packs once more.`;
}

/** The confirming button says what it will do. */
export function stopTrustingButton(publisher: Pick<TrustedPublisher, 'packs'>): string {
  const count = publisher.packs.length;
  if (count === 0) return 'Stop trusting';
  return count === 1 ? 'Stop trusting and remove 1 pack' : `Stop trusting and remove ${count} packs`;
}

/** What was done, once it is done. */
export function stoppedTrustingSentence(publisher: Pick<TrustedPublisher, 'name' | 'packs'>, removedPackIds: readonly string[]): string {
  const lead = `You no longer trust “${publisher.name}”.`;
  if (removedPackIds.length === 0) return lead;
  const names = removedPackIds.map((id) => publisher.packs.find((pack) => pack.id === id)?.name ?? id);
  return `${lead} Removed ${quotedList(names)}; your entries were checked again.`;
}
