import { DEFAULT_PRIVATE_PARTS, type PrivatePart } from '../../../shared/sharing';
import type { EntrySharing, ItComment, PackUpdate, SharingOverview, SyncStatus } from '../../../shared/sharingContract';
import { privatePartOrder } from './payloadView';

export interface ConnectForm {
  url: string;
  code: string;
  deviceName: string;
  publisherName: string;
  publisherKey: string;
}

export type ConnectProblems = Partial<Record<keyof ConnectForm, string>>;

export const EMPTY_CONNECT_FORM: ConnectForm = { url: '', code: '', deviceName: '', publisherName: '', publisherKey: '' };

/** "Anna’s computer" from her profile name, so IT recognises the device; '' when no name is set. */
export function defaultDeviceName(profileName: string): string {
  const name = profileName.trim().split(/\s+/)[0] ?? '';
  return name ? `${name}’s computer` : '';
}

/** What is missing from the Connect form, field by field, before anything is sent; null when nothing is. */
export function connectFormProblems(form: ConnectForm): ConnectProblems | null {
  const problems: ConnectProblems = {};
  if (form.url.trim() === '') problems.url = 'Type the hub address IT gave you, like https://fieldbook-hub.example.com.';
  if (form.code.trim().length < 4) problems.code = 'Type the enrollment code IT gave you.';
  if (form.deviceName.trim() === '') problems.deviceName = 'Give this computer a name IT will recognise, like “Anna’s laptop”.';
  if (form.publisherName.trim() !== '' && form.publisherKey.trim() === '') {
    problems.publisherKey = 'Paste IT’s publisher key as well, or leave both publisher fields empty.';
  }
  return Object.keys(problems).length > 0 ? problems : null;
}

/** The parts kept private when she opens the preview: her earlier choice for this entry, or the default. */
export function initialPrivateParts(sharing: EntrySharing | null): PrivatePart[] {
  const chosen: readonly string[] = sharing?.privateParts ?? DEFAULT_PRIVATE_PARTS;
  return privatePartOrder().filter((part) => chosen.includes(part));
}

/** Keeps a part private or lets it be sent; the list stays in the preview's order. */
export function setPrivatePart(parts: readonly PrivatePart[], part: PrivatePart, keepPrivate: boolean): PrivatePart[] {
  const next = new Set(parts);
  if (keepPrivate) next.add(part);
  else next.delete(part);
  return privatePartOrder().filter((candidate) => next.has(candidate));
}

export interface CommentOnEntry {
  entryId: string;
  entryName: string;
  comment: ItComment;
}

/** IT's comments across the shared entries, newest first. */
export function recentComments(entries: readonly EntrySharing[], limit = 8): CommentOnEntry[] {
  return entries
    .flatMap((entry) => entry.comments.map((comment) => ({ entryId: entry.entryId, entryName: entry.name, comment })))
    .sort((a, b) => b.comment.createdAt.localeCompare(a.comment.createdAt))
    .slice(0, limit);
}

export const PACK_STATUS_LABELS: Record<PackUpdate['status'], string> = {
  applied: 'In force',
  'waiting-for-trust': 'Waiting for IT’s key',
  refused: 'Not applied',
};

export function packUpdatesNewestFirst(updates: readonly PackUpdate[]): PackUpdate[] {
  return [...updates].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

export function isConnected(status: SyncStatus | null | undefined): boolean {
  return status !== null && status !== undefined && status.state !== 'not-connected';
}

/** "2 entries shared · 1 with changes not yet shared": Home's one line about sharing. */
export function sharedSummary(overview: SharingOverview): string {
  const shared = overview.entries.filter((entry) => entry.state === 'shared');
  const parts = [shared.length === 1 ? '1 entry shared' : `${shared.length} entries shared`];
  const changed = shared.filter((entry) => entry.changesWaiting && entry.queued === null).length;
  if (changed > 0) parts.push(`${changed} with changes not yet shared`);
  const waiting = overview.entries.filter((entry) => entry.queued !== null && entry.problem === null).length;
  if (waiting > 0) parts.push(`${waiting} waiting to be sent`);
  const problems = overview.entries.filter((entry) => entry.problem !== null).length;
  if (problems > 0) parts.push(problems === 1 ? '1 not accepted by the hub' : `${problems} not accepted by the hub`);
  const comments = overview.entries.reduce((count, entry) => count + entry.comments.length, 0);
  if (comments > 0) parts.push(comments === 1 ? '1 comment from IT' : `${comments} comments from IT`);
  return parts.join(' · ');
}

/** What Disconnect leaves behind, said before she confirms. */
export function disconnectWarning(status: SyncStatus): string {
  const base =
    'What you shared stays on IT’s hub until it is withdrawn, and after disconnecting this computer can no longer withdraw it: withdraw any entry IT should stop seeing first. IT’s comments and guideline packs stop arriving.';
  if (status.waiting === 0) return base;
  const waiting = status.waiting === 1 ? '1 share or withdrawal has' : `${status.waiting} shares or withdrawals have`;
  return `${base} ${waiting} not reached the hub yet and will not be sent.`;
}
