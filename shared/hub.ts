import { z } from 'zod';

/**
 * The hub's wire format (API version 1). The hub validates every request against these schemas;
 * the desktop client (main/core sync, later) builds its requests and reads answers with them.
 *
 * Sync model (ARCHITECTURE.md, "Sharing and sync"): the device is the single writer of its
 * entries. A push is keyed by (entry id, revision) and is idempotent; an older revision than the
 * hub holds is ignored; a withdrawal is a tombstone at a revision. IT's comments and published
 * packs come back through one ordered feed read with a cursor.
 */

export const HUB_API_VERSION = 'v1';

/** The largest shared entry payload the hub stores (serialized JSON, in bytes). */
export const HUB_MAX_PAYLOAD_BYTES = 256 * 1024;
/** The largest guideline pack the hub stores (bytes of YAML). */
export const HUB_MAX_PACK_BYTES = 2 * 1024 * 1024;
/** The most changes one pull returns; ask again with the next cursor for more. */
export const HUB_MAX_CHANGES_PER_PULL = 500;

const MAX_REVISION = 2_147_483_647;

export const HubEntryId = z.uuid('The entry id must be a UUID.');
export const HubRevision = z
  .number('The revision must be a number.')
  .int('The revision must be a whole number.')
  .min(1, 'The revision starts at 1.')
  .max(MAX_REVISION, 'The revision is too large.');
export const HubTimestamp = z.iso.datetime({ offset: true, message: 'Use an ISO date and time, like 2026-11-25T10:42:00Z.' });

export const HubEntryParams = z.object({ entryId: HubEntryId });

export const EnrollRequest = z
  .object({
    code: z.string('The enrollment code is missing.').trim().min(4, 'The enrollment code is too short.').max(64, 'The enrollment code is too long.'),
    deviceName: z.string('Say what this device is called.').trim().min(1, 'Say what this device is called.').max(120, 'The device name is too long.'),
  })
  .strict();
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.object({ deviceId: z.string(), token: z.string() });
export type EnrollResponse = z.infer<typeof EnrollResponse>;

/**
 * The shared entry as the device built it for the share preview. The hub checks only that it is
 * a JSON object under the size cap: the device decides what it contains.
 */
export const SharedPayload = z.record(z.string(), z.unknown(), 'The payload must be a JSON object (the shared entry).');

export const PushEntryRequest = z
  .object({
    revision: HubRevision,
    payload: SharedPayload,
    sharedAt: HubTimestamp,
  })
  .strict();
export type PushEntryRequest = z.infer<typeof PushEntryRequest>;

export const WithdrawEntryRequest = z.object({ revision: HubRevision }).strict();
export type WithdrawEntryRequest = z.infer<typeof WithdrawEntryRequest>;

/**
 * What the hub did with a push or a withdrawal:
 * - stored: the revision is now what the hub holds;
 * - withdrawn: the content is deleted and a tombstone at this revision is kept;
 * - unchanged: the hub already held exactly this (a repeated message);
 * - stale: the hub holds a newer revision (or a later withdrawal), so this one was ignored.
 */
export const HUB_WRITE_RESULTS = ['stored', 'withdrawn', 'unchanged', 'stale'] as const;
export const HubWriteResult = z.enum(HUB_WRITE_RESULTS);
export type HubWriteResult = z.infer<typeof HubWriteResult>;

export const EntryWriteResponse = z.object({
  entryId: HubEntryId,
  result: HubWriteResult,
  /** The revision the hub holds now. */
  stored: z.number().int(),
  withdrawn: z.boolean(),
});
export type EntryWriteResponse = z.infer<typeof EntryWriteResponse>;

export const HubEntryState = z.object({
  entryId: HubEntryId,
  revision: z.number().int(),
  withdrawn: z.boolean(),
  sharedAt: z.string().nullable(),
  receivedAt: z.string(),
});
export type HubEntryState = z.infer<typeof HubEntryState>;

export const HubComment = z.object({
  commentId: z.string(),
  entryId: HubEntryId,
  text: z.string(),
  author: z.string(),
  createdAt: z.string(),
});
export type HubComment = z.infer<typeof HubComment>;

export const HubEntry = HubEntryState.extend({
  deviceId: z.string(),
  deviceName: z.string(),
  payload: SharedPayload.nullable(),
  comments: z.array(HubComment),
});
export type HubEntry = z.infer<typeof HubEntry>;

export const ChangesQuery = z
  .object({
    cursor: z
      .string()
      .regex(/^\d{1,15}$/, 'The cursor must be a whole number (0 for the beginning).')
      .default('0')
      .transform(Number),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, 'The limit must be a whole number.')
      .default(String(HUB_MAX_CHANGES_PER_PULL))
      .transform(Number)
      .pipe(z.number().min(1, 'The limit must be at least 1.').max(HUB_MAX_CHANGES_PER_PULL, `The limit is at most ${HUB_MAX_CHANGES_PER_PULL}.`)),
  })
  .strict();

export const HubPackPublication = z.object({
  publicationId: z.string(),
  packId: z.string(),
  version: z.string(),
  publishedAt: z.string(),
});
export type HubPackPublication = z.infer<typeof HubPackPublication>;

export const HubPackFile = HubPackPublication.extend({ text: z.string(), signature: z.string() });
export type HubPackFile = z.infer<typeof HubPackFile>;

export const HubChange = z.discriminatedUnion('kind', [
  z.object({ seq: z.number().int(), kind: z.literal('comment'), comment: HubComment }),
  z.object({ seq: z.number().int(), kind: z.literal('pack'), pack: HubPackFile }),
]);
export type HubChange = z.infer<typeof HubChange>;

export const ChangesResponse = z.object({
  changes: z.array(HubChange),
  /** Pass this back as ?cursor= on the next pull. */
  cursor: z.number().int(),
  /** True when there are more changes after this page. */
  more: z.boolean(),
});
export type ChangesResponse = z.infer<typeof ChangesResponse>;

export const CommentRequest = z
  .object({ text: z.string('The comment text is missing.').trim().min(1, 'The comment is empty.').max(10_000, 'The comment is too long (10,000 characters at most).') })
  .strict();
export type CommentRequest = z.infer<typeof CommentRequest>;


export const PublishPackRequest = z
  .object({
    text: z.string('The pack text is missing.').min(1, 'The pack is empty.').max(HUB_MAX_PACK_BYTES, 'The pack is too large.'),
    signature: z.string('The pack signature is missing: publish the pack with its .sig file.').min(1, 'The pack signature is empty.').max(4_096, 'The signature is too long.'),
  })
  .strict();
export type PublishPackRequest = z.infer<typeof PublishPackRequest>;

export const PortfolioResponse = z.object({ entries: z.array(HubEntry) });
export type PortfolioResponse = z.infer<typeof PortfolioResponse>;

export const HubHealth = z.object({ ok: z.boolean(), api: z.string(), database: z.enum(['sqlite', 'postgres']) });
export type HubHealth = z.infer<typeof HubHealth>;

export const HubErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type HubErrorBody = z.infer<typeof HubErrorBody>;
