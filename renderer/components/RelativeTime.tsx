import { fullTime, relativeTime } from '../format/time';

/** "5 minutes ago", with the exact time on hover and for assistive technology. */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={fullTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}
