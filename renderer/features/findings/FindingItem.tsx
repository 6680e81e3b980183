import { useEffect, useId, useRef, useState } from 'react';
import type { Finding, RuleInfo } from '../../../shared/guidelines';
import { OUTCOME_LABELS, SEVERITY_LABELS } from '../../../shared/labels';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { calendarDate, fullTime } from '../../format/time';
import type { EntryEditState } from '../entry/entryState';
import { RuleExplanation } from '../guidelines/RuleExplanation';
import { findingKey, groupOf, whoSetAside } from './findingsState';
import { useFindingsStore } from './findingsStore';
import { NeedsInfoForm } from './NeedsInfoForm';
import { SetAsideForm } from './SetAsideForm';

const FILE_NOTE = 'Fieldbook answers this once it has read this tool’s file (see “Read the file now” above).';

function SetAsideNote({ finding }: { finding: Finding }) {
  const takeBack = useFindingsStore((store) => store.takeBack);
  const busy = useFindingsStore((store) => store.busyKey === findingKey(finding));
  const setAside = finding.setAside;
  if (!setAside) return null;
  const who = whoSetAside(setAside.by);
  return (
    <div className={finding.setAsideExpired ? 'callout callout-attention' : 'callout'}>
      <div className="callout-text">
        {finding.setAsideExpired ? (
          <p className="callout-title">Set aside until {calendarDate(setAside.until ?? '')} — worth another look</p>
        ) : (
          <p className="callout-title">
            Set aside by {who} on <time dateTime={setAside.at}>{calendarDate(setAside.at.slice(0, 10))}</time>
          </p>
        )}
        <p className="set-aside-reason">
          <span className="visually-hidden">Reason: </span>“{setAside.reason}”
        </p>
        {!finding.setAsideExpired && (
          <p className="muted small">
            {setAside.until
              ? `Fieldbook brings it back on ${calendarDate(setAside.until)}, to look at again.`
              : 'It stays set aside until you take it back.'}
          </p>
        )}
        {finding.setAsideExpired && (
          <p className="muted small" title={fullTime(setAside.at)}>
            The guideline is back in force. Take the old reason back, or set it aside again with a new date.
          </p>
        )}
      </div>
      <button type="button" className="button" onClick={() => void takeBack(finding)} disabled={busy}>
        <Icon name="undo" />
        Take back
      </button>
    </div>
  );
}

interface FindingItemProps {
  finding: Finding;
  rule: RuleInfo | undefined;
  edit: EntryEditState;
}

/** One guideline on this entry: a line that opens to the question, why, how, and what she can do. */
export function FindingItem({ finding, rule, edit }: FindingItemProps) {
  const key = findingKey(finding);
  const expanded = useFindingsStore((store) => store.expanded[key] ?? false);
  const toggle = useFindingsStore((store) => store.toggle);
  const focusKey = useFindingsStore((store) => store.focusKey);
  const focused = useFindingsStore((store) => store.focused);
  const actionError = useFindingsStore((store) => (store.actionError?.key === key ? store.actionError.error : null));
  const [settingAside, setSettingAside] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const setAsideButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const bodyId = useId();
  const group = groupOf(finding);

  // Cancel puts focus back on the "Set aside…" button it came from.
  useEffect(() => {
    if (!settingAside && returnFocus.current) {
      returnFocus.current = false;
      setAsideButtonRef.current?.focus();
    }
  }, [settingAside]);

  useEffect(() => {
    if (focusKey === key && buttonRef.current) {
      buttonRef.current.focus();
      focused();
    }
  }, [focusKey, key, focused]);

  const canSetAside = finding.outcome !== 'set-aside' && finding.outcome !== 'met' && finding.outcome !== 'not-applicable';

  return (
    <li className={`finding finding-${group}`}>
      <h3 className="finding-heading">
        <button
          ref={buttonRef}
          type="button"
          className="finding-toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => toggle(key)}
        >
          <Icon name="chevron" className="finding-chevron" />
          <span className="finding-title">{finding.title}</span>
          <span className="finding-tags">
            {finding.setAsideExpired && <span className="outcome outcome-look-again">Worth another look</span>}
            <span className={`severity severity-${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</span>
            <span className={`outcome outcome-${finding.outcome}`}>
              <span className="visually-hidden">, </span>
              {OUTCOME_LABELS[finding.outcome]}
            </span>
          </span>
        </button>
      </h3>
      <div id={bodyId} className="finding-body" hidden={!expanded}>
        {expanded && (
          <>
            {finding.setAside && <SetAsideNote finding={finding} />}
            {actionError && !settingAside && <ErrorAlert error={actionError} title="That did not go through." />}
            {finding.outcome === 'error' && (
              <div className="callout">
                <div className="callout-text">
                  <p className="callout-title">This guideline could not be checked</p>
                  <p>That is a problem with the guideline itself, not with your entry. Whoever wrote the pack can fix it.</p>
                  {finding.error && <p className="muted small">{finding.error}</p>}
                </div>
              </div>
            )}
            {group === 'needs-info' && <NeedsInfoForm finding={finding} rule={rule} edit={edit} />}
            {group === 'waiting-for-file' && (
              <>
                <p className="finding-note">
                  <Icon name="file" />
                  {FILE_NOTE}
                </p>
                {finding.missingFields.length > 0 && (
                  <NeedsInfoForm
                    finding={finding}
                    rule={rule}
                    edit={edit}
                    lead="You can answer this part now; Fieldbook uses it once it has read the file."
                  />
                )}
              </>
            )}
            {rule ? (
              <RuleExplanation rule={rule} showQuestion={group !== 'needs-info'} />
            ) : (
              <p className="muted">Loading the explanation…</p>
            )}
            {canSetAside &&
              (settingAside ? (
                <SetAsideForm
                  finding={finding}
                  onClose={() => {
                    returnFocus.current = true;
                    setSettingAside(false);
                  }}
                />
              ) : (
                <div className="finding-actions">
                  <button
                    ref={setAsideButtonRef}
                    type="button"
                    className="button button-quiet"
                    onClick={() => setSettingAside(true)}
                  >
                    {finding.setAsideExpired ? 'Set aside again…' : 'Set aside…'}
                  </button>
                  <span className="muted small">If this guideline does not fit this tool, say why and it stops counting.</span>
                </div>
              ))}
          </>
        )}
      </div>
    </li>
  );
}
