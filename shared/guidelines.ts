import { z } from 'zod';
import { OUTCOMES, SEVERITIES } from './vocabulary';

export { OUTCOMES, SEVERITIES };
export { compareFindings, needsAction, severityRank } from './findingOrder';

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

const Identifier = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, dots, dashes or underscores');

/** A CEL expression. YAML reads a bare `true` as a boolean; take it as the expression it is. */
const Expression = z.preprocess((value) => (typeof value === 'boolean' ? String(value) : value), z.string().min(1).max(2_000));

/** One guideline: the question it asks, why it matters, how to meet it, and its check in CEL. */
export const GuidelineRule = z
  .object({
    id: Identifier,
    title: z.string().min(1).max(200),
    question: z.string().min(1).max(300),
    severity: Severity,
    category: z.string().min(1).max(80),
    why: z.string().min(1).max(4_000),
    how: z.array(z.string().min(1).max(1_000)).min(1).max(20),
    links: z.array(z.object({ title: z.string().min(1).max(200), url: z.url({ protocol: /^https?$/ }) })).max(10).default([]),
    /**
     * What the check needs: entry fields (`owner`), answers to this pack's own questions
     * (`answers.singleSignOn`) or file facts (`facts.vba`). Missing ones make the finding "needs info".
     */
    inputs: z.array(z.string().min(1).max(80)).max(20).default([]),
    /**
     * Groups of inputs where any one is enough (`[dependsOn, answers.standsAlone]`): the finding
     * is "needs info" only while no input of a group is given.
     */
    alternativeInputs: z
      .array(z.array(z.string().min(1).max(80)).min(2, 'A group needs at least two inputs; put a single one under inputs.').max(10))
      .min(1)
      .max(5)
      .optional(),
    /** Offered answers for an `answers.*` input; free text when absent. */
    choices: z.array(z.string().min(1).max(100)).max(10).optional(),
    appliesWhen: Expression.default('true'),
    check: Expression,
    /** Sample entries that meet and do not meet the rule: documentation, and tested. */
    examples: z
      .object({ meets: z.record(z.string(), z.unknown()), notMet: z.record(z.string(), z.unknown()) })
      .partial()
      .optional(),
  })
  .strict();
export type GuidelineRule = z.infer<typeof GuidelineRule>;

export const PackVocabularies = z
  .object({
    sensitivityLevels: z.array(z.string()).max(20),
    dataCategories: z.array(z.string()).max(50),
    criticalityLevels: z.array(z.string()).max(20),
  })
  .partial()
  .strict();

/** A guideline pack: a versioned set of rules from one publisher. */
export const GuidelinePack = z
  .object({
    fieldbookPack: z.literal(1),
    id: Identifier,
    name: z.string().min(1).max(200),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use a version like 1.0.0'),
    publisher: z.string().min(1).max(200),
    date: z.iso.date(),
    description: z.string().max(4_000).optional(),
    vocabularies: PackVocabularies.default({}),
    rules: z.array(GuidelineRule).min(1).max(1_000),
  })
  .strict();
export type GuidelinePack = z.infer<typeof GuidelinePack>;

/** A detached signature over the exact bytes of a pack file (the `.sig` file beside it). */
export const PackSignature = z.object({
  fieldbookSignature: z.literal(1),
  algorithm: z.literal('ed25519'),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.base64(),
});
export type PackSignature = z.infer<typeof PackSignature>;

export const PACK_TRUST = ['built-in', 'signed', 'unsigned-own'] as const;
export const PackTrust = z.enum(PACK_TRUST);
export type PackTrust = z.infer<typeof PackTrust>;

export const PackSummary = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  publisher: z.string(),
  date: z.string(),
  description: z.string(),
  trust: PackTrust,
  ruleCount: z.number().int(),
});
export type PackSummary = z.infer<typeof PackSummary>;

/** A publisher key the user trusts, and the packs in force that are signed with it. */
export const TrustedPublisher = z.object({
  keyId: z.string(),
  name: z.string(),
  /** SHA-256 of the public key, in hex: what to compare with the publisher when in doubt. */
  fingerprint: z.string(),
  trustedAt: z.string(),
  packs: z.array(z.object({ id: z.string(), name: z.string(), version: z.string(), ruleCount: z.number().int() })),
});
export type TrustedPublisher = z.infer<typeof TrustedPublisher>;

export const SetAside = z.object({
  reason: z.string().min(1).max(2_000),
  until: z.iso.date().nullable(),
  by: z.string(),
  at: z.iso.datetime(),
});
export type SetAside = z.infer<typeof SetAside>;

/** A rule's result on one entry, with everything needed to explain it. */
export const Finding = z.object({
  packId: z.string(),
  packVersion: z.string(),
  ruleId: z.string(),
  title: z.string(),
  question: z.string(),
  severity: Severity,
  category: z.string(),
  outcome: Outcome,
  /** For needs-info: the entry fields the user can fill in right here. */
  missingFields: z.array(z.string()),
  /** For needs-info on file facts: the facts that need an inspected file. */
  missingFacts: z.array(z.string()),
  setAside: SetAside.nullable(),
  /** A set-aside that ran out: the finding is back in force. */
  setAsideExpired: z.boolean(),
  /** For outcome "error": what went wrong with the rule (never the user's fault). */
  error: z.string().nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const RuleInfo = GuidelineRule.omit({ examples: true }).extend({
  packId: z.string(),
  packName: z.string(),
  packVersion: z.string(),
});
export type RuleInfo = z.infer<typeof RuleInfo>;

/** A problem in a pack, named by rule and field, with the position in the expression. */
export const PackProblem = z.object({
  ruleId: z.string().nullable(),
  field: z.string(),
  message: z.string(),
});
export type PackProblem = z.infer<typeof PackProblem>;
