import type { ReactNode } from 'react';
import type { PrivatePart, SharedEntryPayload } from '../../../shared/sharing';
import { EMPTY, EXTRA_LABELS, fileFactsText, findingResultText, previewFields } from './payloadView';

interface PayloadListProps {
  payload: SharedEntryPayload;
  privateParts: readonly PrivatePart[];
  names: Record<string, string>;
  onKeepPrivate: (part: PrivatePart, keepPrivate: boolean) => void;
}

const KEPT_PRIVATE = 'Kept private — not sent';

function PartRow({ part, label, privateParts, onKeepPrivate, children }: {
  part: PrivatePart;
  label: string;
  privateParts: readonly PrivatePart[];
  onKeepPrivate: PayloadListProps['onKeepPrivate'];
  children: ReactNode;
}) {
  const kept = privateParts.includes(part);
  return (
    <li className={kept ? 'payload-row is-private' : 'payload-row'}>
      <div className="payload-text">
        <span className="payload-label">{label}</span>
        <div className="payload-value">{children}</div>
      </div>
      <label className="checkbox payload-private">
        {/* The visible words, then which part: "Keep private: Notes". */}
        <input type="checkbox" aria-label={`Keep private: ${label}`} checked={kept} onChange={(event) => onKeepPrivate(part, event.target.checked)} />
        Keep private
      </label>
    </li>
  );
}

/**
 * What IT will receive, field by field, read from the payload itself; each part has a
 * "Keep private" box. A part kept private is absent from the payload, so it shows as not sent.
 */
export function PayloadList({ payload, privateParts, names, onKeepPrivate }: PayloadListProps) {
  const rowProps = { privateParts, onKeepPrivate };
  return (
    <ul className="payload-list" aria-label="What IT will receive, part by part">
      {previewFields(payload, names).map((field) => (
        <PartRow key={field.part} part={field.part} label={field.label} {...rowProps}>
          {field.sent ? (field.text === '' ? <span className="muted">{EMPTY}</span> : field.text) : <span className="muted">{KEPT_PRIVATE}</span>}
        </PartRow>
      ))}
      <PartRow part="findings" label={EXTRA_LABELS.findings} {...rowProps}>
        {payload.findings === undefined ? (
          <span className="muted">{KEPT_PRIVATE}</span>
        ) : payload.findings.length === 0 ? (
          <span className="muted">No guideline results</span>
        ) : (
          <ul className="payload-items">
            {payload.findings.map((finding) => (
              <li key={`${finding.packId}/${finding.ruleId}`}>
                {finding.title}: {findingResultText(finding)}
              </li>
            ))}
          </ul>
        )}
      </PartRow>
      <PartRow part="fileFacts" label={EXTRA_LABELS.fileFacts} {...rowProps}>
        {payload.files === undefined ? (
          <span className="muted">{KEPT_PRIVATE}</span>
        ) : payload.files.length === 0 ? (
          <span className="muted">No files read</span>
        ) : (
          <ul className="payload-items">
            {payload.files.map((file, index) => (
              <li key={`${index}-${file.name}`}>
                {file.name} — {fileFactsText(file)}
              </li>
            ))}
          </ul>
        )}
      </PartRow>
    </ul>
  );
}
