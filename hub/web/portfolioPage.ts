import type { HubEntry } from '../../shared/hub';
import { CRITICALITY_LABELS, SENSITIVITY_LABELS } from '../../shared/labels';
import { formatHubTime } from '../formatHubTime';
import { valueLabel } from './fieldText';
import { html, type SafeHtml } from './html';
import { isFiltered, type PortfolioFilter } from './portfolioFilter';
import type { SharedView } from './sharedView';
import { renderPage } from './webLayout';
import type { WebSession } from './webSessions';

/** The most rows one page shows; a narrower search finds the rest. */
export const PORTFOLIO_PAGE_ROWS = 500;

export interface PortfolioPageOptions {
  session: WebSession;
  filter: PortfolioFilter;
  /** The matching entries, newest share first. */
  matches: { entry: HubEntry; view: SharedView }[];
  /** Every shared entry, matching or not. */
  total: number;
  problem?: string | null;
}

function levelOptions(labels: Record<string, string>, chosen: string): SafeHtml {
  const option = (value: string, label: string) => html`<option value="${value}"${chosen === value ? html` selected` : null}>${label}</option>`;
  return html`${option('', 'Any')}${Object.entries(labels).map(([value, label]) => option(value, label))}${option('none', 'Not given')}`;
}

function guidelinesSummary(view: SharedView): SafeHtml {
  if (view.findings === null) return html`<span class="note">Kept private</span>`;
  if (view.findings.length === 0) return html`<span class="note">None checked</span>`;
  if (view.notMet + view.needsInfo === 0) return html`<span class="tag fine">Nothing waiting</span>`;
  return html`${view.notMet > 0 ? html`<span class="tag not-met">${view.notMet} not met yet</span>` : null}${
    view.needsInfo > 0 ? html`<span class="tag needs-info">${view.needsInfo} ${view.needsInfo === 1 ? 'needs' : 'need'} info</span>` : null
  }`;
}

function plainField(view: SharedView, key: string): string {
  const value = view.fields.find(([name]) => name === key)?.[1];
  return typeof value === 'string' ? valueLabel(key, value) : '';
}

function row({ entry, view }: { entry: HubEntry; view: SharedView }): SafeHtml {
  return html`<tr>
<th scope="row"><a href="/web/entries/${encodeURIComponent(entry.entryId)}">${view.name ?? 'An entry without a name'}</a></th>
<td>${plainField(view, 'kind')}</td>
<td>${plainField(view, 'owner')}</td>
<td>${plainField(view, 'criticality')}</td>
<td>${plainField(view, 'sensitivity')}</td>
<td>${guidelinesSummary(view)}</td>
<td>${entry.deviceName}</td>
<td><time datetime="${entry.receivedAt}">${formatHubTime(entry.receivedAt)}</time></td>
<td>${entry.comments.length}</td>
</tr>`;
}

export function renderPortfolioPage(options: PortfolioPageOptions): string {
  const { filter, matches, total } = options;
  const shown = matches.slice(0, PORTFOLIO_PAGE_ROWS);
  const entriesWord = (count: number) => (count === 1 ? '1 shared entry' : `${count} shared entries`);
  let summary: string;
  if (total === 0) summary = 'Nothing has been shared yet. When someone shares an entry from their fieldbook, it appears here.';
  else if (!isFiltered(filter)) summary = `${entriesWord(total)}.`;
  else if (matches.length === 0) summary = `No shared entry matches these filters. Clear the filters to see all ${entriesWord(total)}.`;
  else summary = `${matches.length} of ${entriesWord(total)} match these filters.`;
  if (shown.length < matches.length) summary += ` Showing the ${PORTFOLIO_PAGE_ROWS} shared most recently; search for more.`;

  return renderPage({
    title: 'Shared portfolio',
    session: options.session,
    body: html`<h1>Shared portfolio</h1>
<p class="lead">What people chose to share from their fieldbooks. Fields they kept private and entries they withdrew are not here.</p>
${options.problem ? html`<p class="problem" role="alert">${options.problem}</p>` : null}
<form class="filters" method="get" action="/web/" role="search" aria-label="Filter the shared portfolio">
<div><label for="q">Search</label><input id="q" name="q" type="search" value="${filter.q}" maxlength="200"></div>
<div><label for="criticality">Criticality</label><select id="criticality" name="criticality">${levelOptions(CRITICALITY_LABELS, filter.criticality)}</select></div>
<div><label for="sensitivity">Sensitivity</label><select id="sensitivity" name="sensitivity">${levelOptions(SENSITIVITY_LABELS, filter.sensitivity)}</select></div>
<div class="check"><input id="attention" name="attention" type="checkbox" value="1"${filter.attention ? html` checked` : null}><label for="attention">Only entries with guidelines not met yet or needing info</label></div>
<div class="actions"><button type="submit">Show</button>${isFiltered(filter) ? html`<a href="/web/">Clear filters</a>` : null}</div>
</form>
<p role="status">${summary}</p>
${
  shown.length > 0
    ? html`<table>
<caption class="visually-hidden">Shared entries</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Owner</th><th scope="col">Criticality</th><th scope="col">Sensitivity</th><th scope="col">Guidelines</th><th scope="col">Shared by</th><th scope="col">Last shared</th><th scope="col">Comments</th></tr></thead>
<tbody>
${shown.map(row)}
</tbody>
</table>`
    : null
}
<section aria-labelledby="export-heading">
<h2 id="export-heading">Export</h2>
<p>The whole shared portfolio, whatever the filters: <a href="/web/export.html">as a document (HTML)</a>, <a href="/web/export.md">as Markdown</a>, <a href="/web/export.xlsx">as an Excel workbook</a>, <a href="/web/export.csv">as CSV, for a spreadsheet</a> or <a href="/web/export.json">as JSON</a>. Each export is noted in the hub's audit log.</p>
</section>`,
  });
}
