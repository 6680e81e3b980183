import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PackSummary, RuleInfo } from '../../../shared/guidelines';
import { SEVERITY_LABELS } from '../../../shared/labels';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';
import { useFocusHeading } from '../../app/hooks/useFocusHeading';
import { ConfirmQuestion, useConfirmation } from '../../components/ConfirmQuestion';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { calendarDate } from '../../format/time';
import { filterRules, groupByCategory, ruleKey, trustLabel } from './guidelinesState';
import { useGuidelinesStore } from './guidelinesStore';
import { PackImportForm } from './PackImportForm';
import { RuleExplanation } from './RuleExplanation';
import { TrustedPublishers } from './TrustedPublishers';
import { TrustPublisherForm } from './TrustPublisherForm';

function PackItem({ pack, onRemoved }: { pack: PackSummary; onRemoved: () => void }) {
  const removePack = useGuidelinesStore((store) => store.removePack);
  const removing = useGuidelinesStore((store) => store.removing === pack.id);
  const { confirming, openerRef, ask, cancel } = useConfirmation();
  const headingId = useId();
  const rules = pack.ruleCount === 1 ? '1 guideline' : `${pack.ruleCount} guidelines`;

  async function onRemove(): Promise<void> {
    if (await removePack(pack.id)) onRemoved();
  }

  return (
    <li className="pack">
      <div className="pack-main">
        <h3 id={headingId} className="pack-name">
          {pack.name} <span className="pack-version">{pack.version}</span>
        </h3>
        <p className="pack-meta">
          <span className={`trust trust-${pack.trust}`}>{trustLabel(pack)}</span>
          <span>
            From {pack.publisher} · <time dateTime={pack.date}>{calendarDate(pack.date)}</time> · {rules}
          </span>
        </p>
        {pack.description && <p className="pack-description">{pack.description}</p>}
      </div>
      {pack.trust !== 'built-in' &&
        (confirming ? (
          <ConfirmQuestion
            question={`Remove “${pack.name}”? Its guidelines stop applying to your entries.`}
            confirmLabel="Remove pack"
            busyLabel="Removing…"
            cancelLabel="Keep it"
            busy={removing}
            onConfirm={() => void onRemove()}
            onCancel={cancel}
          />
        ) : (
          <button ref={openerRef} type="button" className="button button-quiet" onClick={ask}>
            <Icon name="trash" />
            Remove<span className="visually-hidden"> {pack.name}</span>…
          </button>
        ))}
    </li>
  );
}

function RuleItem({ rule, expanded, onToggle, showPack }: { rule: RuleInfo; expanded: boolean; onToggle: () => void; showPack: boolean }) {
  const bodyId = useId();
  return (
    <li className="finding rule">
      <h4 className="finding-heading">
        <button type="button" className="finding-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle}>
          <Icon name="chevron" className="finding-chevron" />
          <span className="finding-title">{rule.title}</span>
          <span className="finding-tags">
            {showPack && <span className="badge badge-quiet">{rule.packName}</span>}
            <span className={`severity severity-${rule.severity}`}>{SEVERITY_LABELS[rule.severity]}</span>
          </span>
        </button>
      </h4>
      <div id={bodyId} className="finding-body" hidden={!expanded}>
        {expanded && <RuleExplanation rule={rule} headingLevel={5} />}
      </div>
    </li>
  );
}

function EveryGuideline({ rules, packCount }: { rules: RuleInfo[]; packCount: number }) {
  const query = useGuidelinesStore((store) => store.query);
  const setQuery = useGuidelinesStore((store) => store.setQuery);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const matching = useMemo(() => filterRules(rules, query), [rules, query]);
  const categories = useMemo(() => groupByCategory(matching), [matching]);
  const searchId = useId();
  const narrowed = query.trim() !== '';
  const countText = narrowed
    ? `${matching.length} of ${rules.length} guidelines match`
    : `${rules.length} ${rules.length === 1 ? 'guideline' : 'guidelines'}`;

  function toggle(key: string): void {
    setExpanded((before) => {
      const next = new Set(before);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  return (
    <section className="every-guideline" aria-labelledby="every-guideline">
      <div className="section-title-row">
        <h2 id="every-guideline">Every guideline</h2>
        <p className="muted" role="status">
          {countText}
        </p>
      </div>
      <div className="search guideline-search">
        <Icon name="search" className="search-icon" />
        <label htmlFor={searchId} className="visually-hidden">
          Find a guideline
        </label>
        <input
          id={searchId}
          className="input search-input"
          type="search"
          placeholder="Find a guideline: macros, backup, personal data…"
          value={query}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query !== '') {
              event.preventDefault();
              setQuery('');
            }
          }}
        />
      </div>
      {categories.length === 0 && (
        <div className="empty-state">
          <h3>No guideline mentions “{query.trim()}”</h3>
          <p className="muted">Try another word, or clear the search to see them all.</p>
          <button type="button" className="button" onClick={() => setQuery('')}>
            Clear the search
          </button>
        </div>
      )}
      {categories.map(({ category, rules: inCategory }) => {
        const headingId = `category-${category.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
        return (
          <section key={category} className="rule-category" aria-labelledby={headingId}>
            <h3 id={headingId} className="rule-category-heading">
              {category} <span className="count-badge">{inCategory.length}</span>
            </h3>
            <ul className="findings">
              {inCategory.map((rule) => (
                <RuleItem
                  key={ruleKey(rule)}
                  rule={rule}
                  expanded={expanded.has(ruleKey(rule))}
                  onToggle={() => toggle(ruleKey(rule))}
                  showPack={packCount > 1}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

/** The packs in force, every guideline with its explanation, and importing a pack. */
export function GuidelinesView() {
  const packs = useGuidelinesStore((store) => store.packs);
  const rules = useGuidelinesStore((store) => store.rules);
  const loadError = useGuidelinesStore((store) => store.loadError);
  const removeError = useGuidelinesStore((store) => store.removeError);
  const stale = useGuidelinesStore((store) => store.stale);
  const load = useGuidelinesStore((store) => store.load);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const packsHeadingRef = useRef<HTMLHeadingElement>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  useDocumentTitle('Guidelines');

  useEffect(() => {
    if (stale) void load();
  }, [stale, load]);

  useFocusHeading(headingRef, packs !== null);

  return (
    <div className="view view-guidelines">
      <header className="view-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            Guidelines
          </h1>
          <p className="muted">
            What Fieldbook checks your entries against, and why. The checks run privately on this computer; nothing is
            reported anywhere.
          </p>
        </div>
      </header>
      {loadError && (
        <ErrorAlert
          error={loadError}
          title={packs ? 'The guidelines may be out of date.' : 'The guidelines could not be loaded.'}
          onRetry={() => void load()}
        />
      )}
      {packs === null || rules === null ? (
        !loadError && <p className="muted">Loading the guidelines…</p>
      ) : (
        <>
          <section className="card packs-card" aria-labelledby="packs-in-force">
            <h2 id="packs-in-force" ref={packsHeadingRef} tabIndex={-1}>
              Packs in force
            </h2>
            {removeError && <ErrorAlert error={removeError} title="The pack was not removed." />}
            <ul className="packs">
              {packs.map((pack) => (
                <PackItem
                  key={pack.id}
                  pack={pack}
                  onRemoved={() => {
                    setRemoved(pack.name);
                    packsHeadingRef.current?.focus();
                  }}
                />
              ))}
            </ul>
            <p className="muted small packs-status" role="status">
              {removed && `Removed “${removed}”. Its guidelines no longer apply; your entries were checked again.`}
            </p>
          </section>
          <TrustedPublishers />
          <div className="guidelines-forms">
            <div className="card">
              <PackImportForm />
            </div>
            <div className="card">
              <TrustPublisherForm />
            </div>
          </div>
          <EveryGuideline rules={rules} packCount={packs.length} />
        </>
      )}
    </div>
  );
}
