import { useEffect, useRef } from 'react';
import type { HomeSummary } from '../../../shared/contract';
import { CRITICALITY_LEVELS, ENTRY_KINDS, LIFECYCLE_STAGES } from '../../../shared/vocabulary';
import { CRITICALITY_LABELS, KIND_LABELS, LIFECYCLE_LABELS } from '../../../shared/labels';
import { routeHref } from '../../app/route';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';
import { useFocusHeading } from '../../app/hooks/useFocusHeading';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { RelativeTime } from '../../components/RelativeTime';
import { useAddStore } from '../add/addStore';
import { fieldLabel } from '../entry/fieldLabels';
import { HomeSharingLine } from '../sharing/HomeSharingLine';
import { useHomeStore } from './homeStore';

const ACTION_WORDS = { created: 'Added', updated: 'Changed', deleted: 'Deleted', restored: 'Brought back' } as const;

interface BreakdownProps {
  title: string;
  counts: Record<string, number>;
  order: readonly string[];
  labels: Record<string, string>;
}

function Breakdown({ title, counts, order, labels }: BreakdownProps) {
  const keys = [...order, 'unknown'].filter((key) => (counts[key] ?? 0) > 0);
  const max = Math.max(1, ...keys.map((key) => counts[key] ?? 0));
  const headingId = `breakdown-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {keys.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <dl className="breakdown">
          {keys.map((key) => (
            <div key={key} className="breakdown-row">
              <dt>{labels[key] ?? 'Not set'}</dt>
              <dd>
                <span className="breakdown-bar" aria-hidden="true">
                  <span
                    className={`breakdown-fill breakdown-fill-${key}`}
                    style={{ width: `${((counts[key] ?? 0) / max) * 100}%` }}
                  />
                </span>
                <span className="breakdown-count">{counts[key]}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function attentionCountText(count: number): string {
  return count === 1 ? '1 to look at' : `${count} to look at`;
}

function Summary({ summary }: { summary: HomeSummary }) {
  const important = (summary.byCriticality.high ?? 0) + (summary.byCriticality.critical ?? 0);
  return (
    <>
      <ul className="stats" aria-label="At a glance">
        <li className="stat">
          <span className="stat-value">{summary.total}</span>
          <span className="stat-label">Tools written down</span>
        </li>
        <li className="stat">
          <span className="stat-value">{important}</span>
          <span className="stat-label">High or critical</span>
        </li>
        <li className="stat">
          <span className="stat-value">{summary.personalDataCount}</span>
          <span className="stat-label">Handle personal or customer data</span>
        </li>
        <li className="stat">
          <span className="stat-value">{summary.attentionCount}</span>
          <span className="stat-label">Worth a look</span>
        </li>
      </ul>

      <div className="home-columns">
        <section className="card card-wide" aria-labelledby="needs-attention">
          <h2 id="needs-attention">Needs attention</h2>
          {summary.needsAttention.length === 0 ? (
            <p className="muted">Nothing stands out right now. Nicely documented.</p>
          ) : (
            <>
              <p className="muted small attention-intro">
                {summary.openFindings === 1 ? 'One guideline' : `${summary.openFindings} guidelines`} to look at across{' '}
                {summary.attentionCount === 1 ? 'one tool' : `${summary.attentionCount} tools`}, most important first.
                Open one to see why and how.
              </p>
              <ul className="attention-list">
                {summary.needsAttention.map((item) => (
                  <li key={item.id}>
                    <a className="attention-item" href={routeHref({ view: 'entry', id: item.id, tab: 'guidelines' })}>
                      <span className="attention-head">
                        <span className="attention-name">{item.name}</span>
                        <span className="badge badge-quiet">{KIND_LABELS[item.kind]}</span>
                        {item.criticality && (
                          <span className={`badge badge-criticality-${item.criticality}`}>
                            {CRITICALITY_LABELS[item.criticality]}
                          </span>
                        )}
                        <span className="attention-count">{attentionCountText(item.openCount)}</span>
                      </span>
                      <ul className="attention-reasons">
                        {item.reasons.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                        {item.openCount > item.reasons.length && (
                          <li className="attention-more">and {item.openCount - item.reasons.length} more</li>
                        )}
                      </ul>
                    </a>
                  </li>
                ))}
              </ul>
              {summary.attentionCount > summary.needsAttention.length && (
                <p className="muted small">
                  {summary.attentionCount - summary.needsAttention.length} more{' '}
                  {summary.attentionCount - summary.needsAttention.length === 1 ? 'tool has' : 'tools have'} something to
                  look at; each entry’s Guidelines tab shows what.
                </p>
              )}
            </>
          )}
        </section>

        <section className="card" aria-labelledby="recent-changes">
          <h2 id="recent-changes">Recent changes</h2>
          {summary.recentChanges.length === 0 ? (
            <p className="muted">No changes yet.</p>
          ) : (
            <ul className="recent-list">
              {summary.recentChanges.map((change) => (
                <li key={`${change.entryId}-${change.at}-${change.action}`} className="recent-item">
                  <a href={routeHref({ view: 'entry', id: change.entryId })}>{change.name}</a>
                  <span className="recent-meta">
                    {ACTION_WORDS[change.action]}
                    {change.action === 'updated' &&
                      change.fields.length > 0 &&
                      `: ${change.fields.slice(0, 3).map(fieldLabel).join(', ')}${change.fields.length > 3 ? '…' : ''}`}
                    {' · '}
                    <RelativeTime iso={change.at} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <div className="home-breakdowns">
        <Breakdown title="By kind" counts={summary.byKind} order={ENTRY_KINDS} labels={KIND_LABELS} />
        <Breakdown
          title="By criticality"
          counts={summary.byCriticality}
          order={[...CRITICALITY_LEVELS].reverse()}
          labels={CRITICALITY_LABELS}
        />
        <Breakdown title="By stage" counts={summary.byLifecycle} order={LIFECYCLE_STAGES} labels={LIFECYCLE_LABELS} />
      </div>
    </>
  );
}

/** The fieldbook at a glance: how many tools, which deserve a look first, what changed lately. */
export function HomeView() {
  const summary = useHomeStore((store) => store.summary);
  const error = useHomeStore((store) => store.error);
  const stale = useHomeStore((store) => store.stale);
  const load = useHomeStore((store) => store.load);
  const showAdd = useAddStore((store) => store.show);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Home');

  useEffect(() => {
    if (stale) void load();
  }, [stale, load]);

  useFocusHeading(headingRef, summary !== null);

  if (summary === null) {
    return (
      <div className="view">
        <h1 ref={headingRef} tabIndex={-1}>
          Home
        </h1>
        {error ? (
          <ErrorAlert error={error} title="The overview could not be loaded." onRetry={() => void load()} />
        ) : (
          <p className="muted">Loading…</p>
        )}
      </div>
    );
  }

  if (summary.total === 0) {
    return (
      <div className="view view-narrow">
        <div className="welcome">
          <span className="welcome-icon" aria-hidden="true">
            <Icon name="book" />
          </span>
          <h1 ref={headingRef} tabIndex={-1}>
            Welcome to your fieldbook
          </h1>
          <p className="lead">
            Write down the workbooks, databases, scripts and apps your team relies on: what they do, who looks after
            them, and what would happen if they stopped. It stays on this computer until you choose to share it.
          </p>
          <div className="welcome-actions">
            <button type="button" className="button button-primary button-large" onClick={showAdd}>
              <Icon name="plus" />
              Add your first tool
            </button>
            <a className="button button-large" href={routeHref({ view: 'discover' })}>
              <Icon name="folder" />
              Find tools in a folder
            </a>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="view">
      <header className="view-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            Your fieldbook
          </h1>
          <p className="muted">
            {summary.total === 1 ? 'One tool' : `${summary.total} tools`} written down.{' '}
            <a href={routeHref({ view: 'list' })}>See them all</a>
          </p>
        </div>
      </header>
      {error && <ErrorAlert error={error} title="The overview may be out of date." onRetry={() => void load()} />}
      <HomeSharingLine />
      <Summary summary={summary} />
    </div>
  );
}
