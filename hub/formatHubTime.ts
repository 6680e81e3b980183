/**
 * A hub time (ISO-8601, UTC) as people read it: "2026-11-25 10:42 UTC". The hub serves people in
 * many time zones and has no idea which one the reader is in, so it says UTC rather than guess.
 * Text that is not a time comes back as it was.
 */
export function formatHubTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
