import type { HubEntry } from '../../shared/hub';
import { OUTCOME_LABELS, SEVERITY_LABELS } from '../../shared/labels';
import { fieldValueHtml, timeHtml, type SharedNames } from './fieldValueHtml';
import { fieldLabel } from './fieldText';
import { html, type SafeHtml } from './html';
import { answersByQuestion, type FindingView, type SharedView } from './sharedView';
import type { ShareHistoryItem } from './webQueries';
import { renderPage } from './webLayout';
import type { WebSession } from './webSessions';

export interface EntryPageOptions {
  session: WebSession;
  entry: HubEntry;
  view: SharedView;
  history: ShareHistoryItem[];
  names: SharedNames;
  notice?: string | null;
  /** The comment being written, kept when it could not be added. */
  draft?: string;
  commentProblem?: string | null;
}

// What to look at first: what is not met yet or needs info, then the rest.
const OUTCOME_ORDER = ['not-met', 'needs-info', 'error', 'set-aside', 'met', 'not-applicable'];

function findingRank(finding: FindingView): number {
  const rank = finding.outcome === null ? -1 : OUTCOME_ORDER.indexOf(finding.outcome);
  return rank < 0 ? OUTCOME_ORDER.length : rank;
}

function findingsSection(view: SharedView): SafeHtml {
  if (view.findings === null) return html`<p class="note">The owner kept the guideline results private.</p>`;
  const unreadable =
    view.unreadableFindings > 0 ? html`<p class="note">${view.unreadableFindings === 1 ? '1 result' : `${view.unreadableFindings} results`} in this share could not be read.</p>` : null;
  if (view.findings.length === 0) return html`<p class="note">No guideline results were shared.</p>${unreadable}`;
  const sorted = [...view.findings].sort((a, b) => findingRank(a) - findingRank(b));
  return html`<table>
<caption class="visually-hidden">Guideline results, as shared</caption>
<thead><tr><th scope="col">Guideline</th><th scope="col">How much it matters</th><th scope="col">Result</th><th scope="col">Set aside because</th></tr></thead>
<tbody>
${sorted.map(
  (finding) => html`<tr>
<th scope="row">${finding.title}${finding.pack ? html`<br><span class="note">${finding.pack}</span>` : null}</th>
<td>${finding.severity ? SEVERITY_LABELS[finding.severity] : (finding.severityText ?? '')}</td>
<td>${
    finding.outcome === 'not-met' || finding.outcome === 'needs-info'
      ? html`<span class="tag ${finding.outcome}">${OUTCOME_LABELS[finding.outcome]}</span>`
      : finding.outcome
        ? OUTCOME_LABELS[finding.outcome]
        : (finding.outcomeText ?? 'Not given')
  }</td>
<td>${finding.setAsideReason ?? ''}${finding.setAsideUntil ? html`<br><span class="note">Until ${finding.setAsideUntil}</span>` : null}</td>
</tr>`,
)}
</tbody>
</table>${unreadable}`;
}

function filesSection(view: SharedView): SafeHtml {
  if (view.files === null) return html`<p class="note">The owner kept what Fieldbook found in the files private.</p>`;
  if (view.files.length === 0) return html`<p class="note">No file facts were shared.</p>`;
  return html`${view.files.map(
    (file) => html`<h3>${file.name}${file.format ? html` <span class="note">(${file.format})</span>` : null}</h3>
${file.facts.length > 0 ? html`<ul>${file.facts.map((fact) => html`<li>${fact}</li>`)}</ul>` : html`<p class="note">Nothing to report.</p>`}`,
  )}`;
}

function historySection(history: ShareHistoryItem[]): SafeHtml {
  if (history.length === 0) return html`<p class="note">No history is recorded for this entry.</p>`;
  return html`<ol class="plain">${history.map(
    (item) =>
      html`<li>${item.action === 'withdraw' ? 'Withdrawn by its owner' : item.revision === null ? 'Shared' : `Revision ${item.revision} shared`} · ${timeHtml(item.at)}</li>`,
  )}</ol>`;
}

export function renderEntryPage(options: EntryPageOptions): string {
  const { entry, view, session } = options;
  const name = view.name ?? 'An entry without a name';
  const commentProblem = options.commentProblem ?? null;
  return renderPage({
    title: name,
    session,
    body: html`<nav aria-label="Breadcrumb"><a href="/web/">Shared portfolio</a></nav>
<h1>${name}</h1>
<p class="meta">Shared by ${entry.deviceName} · revision ${entry.revision}${entry.sharedAt ? html` · shared ${timeHtml(entry.sharedAt)}` : null} · received ${timeHtml(entry.receivedAt)}</p>
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : null}

<section aria-labelledby="fields-heading">
<h2 id="fields-heading">What was shared</h2>
${
  view.fields.length > 0
    ? html`<dl>${view.fields.map(
        ([key, value]) => html`<dt>${fieldLabel(key)}</dt><dd>${fieldValueHtml(key, key === 'answers' ? answersByQuestion(value, view.answerQuestions) : value, options.names)}</dd>`,
      )}</dl>`
    : html`<p class="note">No fields were shared.</p>`
}
<p class="note">Fields the owner kept private are not shown, and were never sent.</p>
</section>

<section aria-labelledby="findings-heading">
<h2 id="findings-heading">Guidelines</h2>
${findingsSection(view)}
</section>

<section aria-labelledby="files-heading">
<h2 id="files-heading">What Fieldbook found in its files</h2>
${filesSection(view)}
</section>

<section aria-labelledby="history-heading">
<h2 id="history-heading">History of shares</h2>
${historySection(options.history)}
</section>

<section aria-labelledby="comments-heading" id="comments">
<h2 id="comments-heading">Comments from IT</h2>
${
  entry.comments.length > 0
    ? html`<ol class="plain">${entry.comments.map(
        (comment) => html`<li class="comment"><strong>${comment.author}</strong> · ${timeHtml(comment.createdAt)}<p>${comment.text}</p></li>`,
      )}</ol>`
    : html`<p class="note">No comments yet.</p>`
}
<form method="post" action="/web/entries/${encodeURIComponent(entry.entryId)}/comments">
<input type="hidden" name="csrf" value="${session.csrfToken}">
<label for="comment">Add a comment</label>
${commentProblem ? html`<p class="problem" role="alert" id="comment-problem">${commentProblem}</p>` : null}
<textarea id="comment" name="text" maxlength="10000" required aria-describedby="comment-help${commentProblem ? ' comment-problem' : ''}"${
      commentProblem ? html` aria-invalid="true"` : null
    }>
${options.draft ?? ''}</textarea>
<p class="help" id="comment-help">Write as a helpful colleague: what you noticed, and what would help. ${entry.deviceName} sees it in Fieldbook the next time it checks in.</p>
<button type="submit">Add comment</button>
</form>
</section>`,
  });
}
