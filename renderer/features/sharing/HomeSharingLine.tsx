import { useEffect } from 'react';
import { routeHref } from '../../app/route';
import { ShareLineText } from './ShareLineText';
import { isConnected, sharedSummary } from './sharingState';
import { useSharingStore } from './sharingStore';
import { syncStatusLine } from './syncWords';

/** Home's one line about sharing, shown only once this computer is connected to IT's hub. */
export function HomeSharingLine() {
  const overview = useSharingStore((store) => store.overview);
  const stale = useSharingStore((store) => store.stale);
  const load = useSharingStore((store) => store.load);

  useEffect(() => {
    if (stale) void load();
  }, [stale, load]);

  if (!overview || !isConnected(overview.status)) return null;
  return (
    <section className="home-sharing" aria-labelledby="home-sharing-title">
      <h2 id="home-sharing-title" className="home-sharing-title">
        Sharing with IT
      </h2>
      <p className="home-sharing-text">
        <ShareLineText line={syncStatusLine(overview.status)} />
        <span className="muted"> · {sharedSummary(overview)} · </span>
        <a href={routeHref({ view: 'sharing' })}>Open Sharing</a>
      </p>
    </section>
  );
}
