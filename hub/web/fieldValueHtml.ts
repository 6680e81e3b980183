import { formatHubTime } from '../formatHubTime';
import { valueLabel } from './fieldText';
import { html, type SafeHtml } from './html';
import { isPlainObject } from './sharedView';

/** Names of other shared entries, by id, so a dependency can link to them. */
export type SharedNames = ReadonlyMap<string, string>;

const notGiven = html`<span class="note">Not given</span>`;

/** A shared field's value as HTML: vocabulary in words, lists as lists, links to shared entries; everything escaped. */
export function fieldValueHtml(key: string, value: unknown, names: SharedNames, depth = 0): SafeHtml {
  if (value === null || value === undefined || value === '') return notGiven;
  if (typeof value === 'string') return key === 'lastReviewed' ? html`${value}` : html`${valueLabel(key, value)}`;
  if (typeof value === 'number') return html`${Number.isFinite(value) ? String(value) : ''}`;
  if (typeof value === 'boolean') return html`${value ? 'Yes' : 'No'}`;
  // Deeper than a form ever nests: shown as the data it is.
  if (depth > 3) return html`${JSON.stringify(value)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return html`<span class="note">None</span>`;
    return html`<ul class="plain">${value.map((item) => html`<li>${fieldValueHtml(key, item, names, depth + 1)}</li>`)}</ul>`;
  }
  if (isPlainObject(value)) {
    if (value.type === 'entry' && typeof value.entryId === 'string') {
      const name = names.get(value.entryId);
      return name === undefined
        ? html`<span class="note">An entry that is not shared with IT</span>`
        : html`<a href="/web/entries/${encodeURIComponent(value.entryId)}">${name}</a>`;
    }
    if (value.type === 'system' && typeof value.name === 'string') return html`${value.name}`;
    const inner = Object.entries(value);
    if (inner.length === 0) return notGiven;
    return html`<dl>${inner.map(([innerKey, innerValue]) => html`<dt>${innerKey}</dt><dd>${fieldValueHtml(innerKey, innerValue, names, depth + 1)}</dd>`)}</dl>`;
  }
  return notGiven;
}

/** The ids of other entries a shared entry links to (dependsOn, feeds), to look their names up. */
export function linkedEntryIds(fields: readonly [string, unknown][]): string[] {
  const ids = new Set<string>();
  for (const [, value] of fields) {
    if (!Array.isArray(value)) continue;
    for (const item of value) if (isPlainObject(item) && item.type === 'entry' && typeof item.entryId === 'string') ids.add(item.entryId);
  }
  return [...ids].slice(0, 200);
}

/** A time as an HTML <time>, or the text as sent when it is not a time. */
export function timeHtml(iso: string): SafeHtml {
  return Number.isNaN(Date.parse(iso)) ? html`${iso}` : html`<time datetime="${iso}">${formatHubTime(iso)}</time>`;
}
