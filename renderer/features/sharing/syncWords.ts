import type { EntrySharing, SyncStatus } from '../../../shared/sharingContract';

/** How a line about sharing looks: calm colours, never alarming. */
export type ShareTone = 'ok' | 'busy' | 'waiting' | 'attention' | 'quiet';

export interface ShareLine {
  tone: ShareTone;
  text: string;
}

/** "10:42" today, "25 Nov, 10:42" on another day: the times sharing shows are recent. */
export function clockTime(iso: string, now: Date = new Date(), locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.toLocaleDateString(locale, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** The connection to IT's hub in plain words: "Up to date · last contact 10:42". */
export function syncStatusLine(status: SyncStatus, now: Date = new Date(), locale?: string): ShareLine {
  const at = (iso: string | null) => (iso ? clockTime(iso, now, locale) : '');
  switch (status.state) {
    case 'not-connected':
      return { tone: 'quiet', text: 'Not connected. Nothing leaves this computer.' };
    case 'up-to-date':
      return { tone: 'ok', text: status.lastContactAt ? `Up to date · last contact ${at(status.lastContactAt)}` : 'Up to date' };
    case 'sending':
      return { tone: 'busy', text: 'Talking to IT’s hub…' };
    case 'waiting-for-connection':
      return {
        tone: 'waiting',
        text: status.nextAttemptAt ? `Waiting for connection — next try ${at(status.nextAttemptAt)}` : 'Waiting for connection',
      };
    case 'needs-attention':
      return { tone: 'attention', text: `Needs attention: ${status.message}` };
  }
}

/** Where one entry stands with IT: "Shared · sent 10:42", "Changes not yet shared", "Withdrawn". */
export function entryShareLine(entry: EntrySharing, now: Date = new Date(), locale?: string): ShareLine {
  if (entry.problem) return { tone: 'attention', text: `Not accepted by IT’s hub: ${entry.problem}` };
  if (entry.queued === 'withdraw') return { tone: 'waiting', text: 'Withdrawal waiting to be sent' };
  if (entry.queued === 'push') return { tone: 'waiting', text: 'Waiting to be sent' };
  if (entry.state === 'withdrawn') return { tone: 'quiet', text: 'Withdrawn' };
  if (entry.state === 'not-shared') return { tone: 'quiet', text: 'Not shared' };
  if (entry.changesWaiting) return { tone: 'attention', text: 'Changes not yet shared' };
  return { tone: 'ok', text: entry.confirmedAt ? `Shared · sent ${clockTime(entry.confirmedAt, now, locale)}` : 'Shared' };
}
