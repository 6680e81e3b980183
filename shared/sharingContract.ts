import { z } from 'zod';
import { EntryId } from './entry';
import { ENTRY_FIELD_NAMES } from './vocabulary';
import { SHARE_EXTRAS } from './sharing';

/** The calls and answers of the Sharing feature (see shared/contract.ts for the rest). */

export const PrivatePartName = z.enum([...ENTRY_FIELD_NAMES, ...SHARE_EXTRAS]);
export const PrivateParts = z.array(PrivatePartName).max(ENTRY_FIELD_NAMES.length + SHARE_EXTRAS.length);

export const SYNC_STATES = ['not-connected', 'up-to-date', 'sending', 'waiting-for-connection', 'needs-attention'] as const;
export const SyncState = z.enum(SYNC_STATES);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  state: SyncState,
  /** What is happening, in plain words. */
  message: z.string(),
  hubUrl: z.string().nullable(),
  deviceName: z.string().nullable(),
  connectedAt: z.string().nullable(),
  /** Where the hub token is kept on this machine, in plain words. */
  tokenKeptIn: z.string(),
  /** Shares and withdrawals not yet confirmed by the hub. */
  waiting: z.number().int(),
  lastContactAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const ItComment = z.object({ commentId: z.string(), text: z.string(), author: z.string(), createdAt: z.string() });
export type ItComment = z.infer<typeof ItComment>;

export const SHARE_STATES = ['not-shared', 'shared', 'withdrawn'] as const;

export const EntrySharing = z.object({
  entryId: EntryId,
  name: z.string(),
  state: z.enum(SHARE_STATES),
  autoShare: z.boolean(),
  privateParts: z.array(z.string()),
  /** The entry (or its findings) changed since it was last shared, and the change is not queued. */
  changesWaiting: z.boolean(),
  /** A share or withdrawal waiting to reach the hub. */
  queued: z.enum(['push', 'withdraw']).nullable(),
  /** Why a queued share cannot go out (the hub refused it), and what to do. */
  problem: z.string().nullable(),
  /** When the hub last confirmed what it holds of this entry. */
  confirmedAt: z.string().nullable(),
  comments: z.array(ItComment),
});
export type EntrySharing = z.infer<typeof EntrySharing>;

export const PackUpdate = z.object({
  publicationId: z.string(),
  packId: z.string(),
  version: z.string(),
  receivedAt: z.string(),
  status: z.enum(['applied', 'waiting-for-trust', 'refused']),
  message: z.string(),
});
export type PackUpdate = z.infer<typeof PackUpdate>;

export const SharingOverview = z.object({
  status: SyncStatus,
  entries: z.array(EntrySharing),
  packUpdates: z.array(PackUpdate),
});
export type SharingOverview = z.infer<typeof SharingOverview>;

export const SharePreview = z.object({
  entryId: EntryId,
  /** The payload exactly as it would be sent (JSON text). */
  payload: z.string(),
  /** Pass back to sharing.share: the share is refused if the payload changed since. */
  digest: z.string(),
  /** What the hub holds now, for reviewing changes; null if never shared. */
  previous: z.string().nullable(),
  privateParts: z.array(z.string()),
});
export type SharePreview = z.infer<typeof SharePreview>;

export const HubAddress = z.string().trim().min(1, 'Type the hub address.').max(500);

export const sharingCalls = {
  'sharing.overview': { input: z.object({}).strict(), output: SharingOverview },
  'sharing.entry': { input: z.object({ id: EntryId }), output: EntrySharing },
  'sharing.connect': {
    input: z.object({
      url: HubAddress,
      code: z.string().trim().min(4, 'Type the enrollment code IT gave you.').max(64),
      deviceName: z.string().trim().min(1, 'Give this computer a name IT will recognise.').max(120),
      publisherName: z.string().trim().max(200).default(''),
      publisherKey: z.string().trim().max(1_000).default(''),
    }),
    output: SharingOverview,
  },
  'sharing.disconnect': { input: z.object({}).strict(), output: SharingOverview },
  'sharing.preview': { input: z.object({ id: EntryId, privateParts: PrivateParts }), output: SharePreview },
  'sharing.share': {
    input: z.object({ id: EntryId, privateParts: PrivateParts, digest: z.string().regex(/^[0-9a-f]{64}$/), autoShare: z.boolean().default(false) }),
    output: EntrySharing,
  },
  'sharing.setAutoShare': { input: z.object({ id: EntryId, autoShare: z.boolean() }), output: EntrySharing },
  'sharing.withdraw': { input: z.object({ id: EntryId }), output: EntrySharing },
  'sharing.retry': { input: z.object({}).strict(), output: SharingOverview },
} as const;

export const sharingEvents = {
  'sharing.changed': z.object({ ids: z.array(EntryId), status: SyncStatus }),
} as const;
