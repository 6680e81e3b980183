import { z } from 'zod';
import type { HubEntry } from '../../shared/hub';
import { CRITICALITY_LEVELS, SENSITIVITY_LEVELS } from '../../shared/vocabulary';
import { fieldText } from './fieldText';
import type { SharedView } from './sharedView';

/** The portfolio page's filters, as its form sends them in the query string. */
export interface PortfolioFilter {
  q: string;
  /** '' for any, 'none' for entries that do not say. */
  criticality: string;
  sensitivity: string;
  /** Only entries with guidelines not met yet or needing info. */
  attention: boolean;
}

const NOT_GIVEN = 'none';
const filterMessage = (what: string) => `Choose a ${what} from the list.`;

const PortfolioQuery = z.object({
  q: z.string('Search for one piece of text at a time.').max(200, 'The search text is too long (200 characters at most).').optional(),
  criticality: z.enum(['', NOT_GIVEN, ...CRITICALITY_LEVELS], filterMessage('criticality')).optional(),
  sensitivity: z.enum(['', NOT_GIVEN, ...SENSITIVITY_LEVELS], filterMessage('sensitivity')).optional(),
  attention: z.enum(['', '1'], 'The "needs attention" box is either ticked or not.').optional(),
});

/** Reads the filters; a value the form cannot send gets a message instead. */
export function parsePortfolioFilter(query: unknown): { filter: PortfolioFilter } | { problem: string } {
  const result = PortfolioQuery.safeParse(query ?? {});
  if (!result.success) return { problem: result.error.issues[0]?.message ?? 'The filters could not be read.' };
  const { q = '', criticality = '', sensitivity = '', attention = '' } = result.data;
  return { filter: { q: q.trim(), criticality, sensitivity, attention: attention === '1' } };
}

export function isFiltered(filter: PortfolioFilter): boolean {
  return filter.q !== '' || filter.criticality !== '' || filter.sensitivity !== '' || filter.attention;
}

function matchesLevel(wanted: string, actual: string | null): boolean {
  if (wanted === '') return true;
  if (wanted === NOT_GIVEN) return actual === null || actual === '';
  return actual === wanted;
}

export function matchesFilter(entry: HubEntry, view: SharedView, filter: PortfolioFilter): boolean {
  if (!matchesLevel(filter.criticality, view.criticality)) return false;
  if (!matchesLevel(filter.sensitivity, view.sensitivity)) return false;
  if (filter.attention && view.notMet + view.needsInfo === 0) return false;
  if (filter.q === '') return true;
  const needle = filter.q.toLocaleLowerCase();
  const haystack = [entry.deviceName, ...view.fields.map(([key, value]) => fieldText(key, value)), ...(view.files ?? []).map((file) => file.name)];
  return haystack.some((text) => text.toLocaleLowerCase().includes(needle));
}
