import { describe, expect, it } from 'vitest';
import type { TrustedPublisher } from '../../shared/guidelines';
import {
  formatFingerprint,
  signedPacksSentence,
  stoppedTrustingSentence,
  stopTrustingButton,
  stopTrustingQuestion,
} from '../../renderer/features/guidelines/publishersState';

const finance = { id: 'acme.finance', name: 'ACME finance guidelines', version: '1.2.0', ruleCount: 5 };
const security = { id: 'acme.security', name: 'ACME security guidelines', version: '2.0.0', ruleCount: 1 };

function publisher(packs: TrustedPublisher['packs']): TrustedPublisher {
  return { keyId: '0123456789abcdef', name: 'ACME IT', fingerprint: '0123456789abcdef'.repeat(4), trustedAt: '2026-11-20T09:00:00.000Z', packs };
}

describe('trusted publishers on the Guidelines screen', () => {
  it('shows a fingerprint in groups of four, as people read it out to each other', () => {
    expect(formatFingerprint('0123456789abcdef0123')).toBe('0123 4567 89AB CDEF 0123');
    expect(formatFingerprint('0123456789abcdef'.repeat(4)).split(' ')).toHaveLength(16);
  });

  it('says which packs in force each key signs', () => {
    expect(signedPacksSentence(publisher([]))).toBe('No pack in force is signed with this key.');
    expect(signedPacksSentence(publisher([finance]))).toBe('Signs the pack “ACME finance guidelines 1.2.0”.');
    expect(signedPacksSentence(publisher([finance, security]))).toBe(
      'Signs 2 packs in force: “ACME finance guidelines 1.2.0” and “ACME security guidelines 2.0.0”.',
    );
  });

  it('before she stops trusting a key, says that the packs signed only with it will be removed, and how to undo it', () => {
    const one = stopTrustingQuestion(publisher([finance]));
    expect(one).toContain('Stop trusting “ACME IT”? Fieldbook will no longer accept packs signed with this key.');
    expect(one).toContain('“ACME finance guidelines” (5 guidelines), will be removed, so its guidelines stop applying to your entries');
    expect(one).toContain('trust this publisher again and import the pack once more');
    expect(stopTrustingButton(publisher([finance]))).toBe('Stop trusting and remove 1 pack');

    const two = stopTrustingQuestion(publisher([finance, security]));
    expect(two).toContain('The 2 packs signed with it, “ACME finance guidelines” and “ACME security guidelines” (6 guidelines), will be removed');
    expect(stopTrustingButton(publisher([finance, security]))).toBe('Stop trusting and remove 2 packs');
  });

  it('when the key signs no pack, says nothing else changes', () => {
    expect(stopTrustingQuestion(publisher([]))).toContain('No pack in force is signed with it, so your guidelines stay as they are.');
    expect(stopTrustingButton(publisher([]))).toBe('Stop trusting');
  });

  it('afterwards, says what was done in calm words', () => {
    expect(stoppedTrustingSentence(publisher([]), [])).toBe('You no longer trust “ACME IT”.');
    expect(stoppedTrustingSentence(publisher([finance, security]), ['acme.finance', 'acme.security'])).toBe(
      'You no longer trust “ACME IT”. Removed “ACME finance guidelines” and “ACME security guidelines”; your entries were checked again.',
    );
    // A pack removed with the key but not in force (it did not compile) is named by its id.
    expect(stoppedTrustingSentence(publisher([finance]), ['acme.old'])).toContain('Removed “acme.old”');
  });
});
