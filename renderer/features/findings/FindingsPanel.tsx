import { useEffect, useMemo, useRef } from 'react';
import { routeHref } from '../../app/route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import type { EntryEditState } from '../entry/entryState';
import { ReadFileAction } from '../files/ReadFileAction';
import { indexRules, ruleKey } from '../guidelines/guidelinesState';
import { useGuidelinesStore } from '../guidelines/guidelinesStore';
import { FindingItem } from './FindingItem';
import { countPhrases, findingKey, groupFindings, isGroupOpen, type FindingGroup } from './findingsState';
import { useFindingsStore } from './findingsStore';

const GROUP_NOTES: Partial<Record<FindingGroup['key'], string>> = {
  'waiting-for-file':
    'These guidelines look at what is inside the file: macros, links, hidden sheets, saved passwords. Fieldbook answers them once it has read this tool’s file. It only reads it: nothing is opened in Office, run or sent anywhere.',
  'set-aside': 'Guidelines you said do not fit this tool, with your reason.',
};

function Group({ group, edit }: { group: FindingGroup; edit: EntryEditState }) {
  const open = useFindingsStore((store) => isGroupOpen(store, group.key));
  const toggleGroup = useFindingsStore((store) => store.toggleGroup);
  const rules = useGuidelinesStore((store) => store.rules);
  const byKey = useMemo(() => indexRules(rules ?? []), [rules]);
  const headingId = `findings-${group.key}`;
  const listId = `findings-${group.key}-list`;
  const note = GROUP_NOTES[group.key];
  return (
    <section className={`finding-group finding-group-${group.key}`} aria-labelledby={headingId}>
      <h2 className="finding-group-heading" id={headingId}>
        <button
          type="button"
          className="finding-group-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => toggleGroup(group.key)}
        >
          <Icon name="chevron" className="finding-chevron" />
          {group.title}
          <span className="count-badge">{group.findings.length}</span>
        </button>
      </h2>
      {note && <p className="finding-group-note">{note}</p>}
      {group.key === 'waiting-for-file' && <ReadFileAction edit={edit} />}
      <ul id={listId} className="findings" hidden={!open}>
        {open &&
          group.findings.map((finding) => (
            <FindingItem
              key={findingKey(finding)}
              finding={finding}
              rule={byKey.get(ruleKey({ packId: finding.packId, id: finding.ruleId }))}
              edit={edit}
            />
          ))}
      </ul>
    </section>
  );
}

/** How this entry stands against the guidelines in force: grouped, most important first. */
export function FindingsPanel({ edit }: { edit: EntryEditState }) {
  const findings = useFindingsStore((store) => store.findings);
  const loadError = useFindingsStore((store) => store.loadError);
  const load = useFindingsStore((store) => store.load);
  const announcement = useFindingsStore((store) => store.announcement);
  const announcementSeq = useFindingsStore((store) => store.announcementSeq);
  const rulesStale = useGuidelinesStore((store) => store.stale);
  const loadRules = useGuidelinesStore((store) => store.load);
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const groups = useMemo(() => groupFindings(findings ?? []), [findings]);

  useEffect(() => {
    if (rulesStale) void loadRules();
  }, [rulesStale, loadRules]);

  // After an answer, focus would otherwise be lost with the form it was in: it goes to what happened.
  useEffect(() => {
    const active = document.activeElement;
    if (announcementSeq > 0 && (active === null || active === document.body || !active.isConnected)) {
      announcementRef.current?.focus();
    }
  }, [announcementSeq]);

  if (findings === null) {
    return loadError ? (
      <ErrorAlert error={loadError} title="The guidelines could not be checked." onRetry={() => void load()} />
    ) : (
      <p className="muted" role="status">
        Checking the guidelines…
      </p>
    );
  }

  return (
    <div className="findings-panel">
      <div className="findings-intro">
        <p className="muted">
          Checked privately on this computer against the guidelines in force; nothing is reported anywhere.{' '}
          <a href={routeHref({ view: 'guidelines' })}>See every guideline</a>
        </p>
        {groups.length > 0 && (
          <ul className="finding-counts" aria-label="In short">
            {countPhrases(groups).map((phrase) => (
              <li key={phrase.key} className={`finding-count finding-count-${phrase.key}`}>
                {phrase.text}
              </li>
            ))}
          </ul>
        )}
      </div>
      {loadError && <ErrorAlert error={loadError} title="The guidelines may be out of date." onRetry={() => void load()} />}
      <p ref={announcementRef} className="findings-announcement" role="status" tabIndex={-1}>
        {announcement}
      </p>
      {groups.length === 0 && <p className="muted">No guidelines are in force.</p>}
      {groups.map((group) => (
        <Group key={group.key} group={group} edit={edit} />
      ))}
    </div>
  );
}
