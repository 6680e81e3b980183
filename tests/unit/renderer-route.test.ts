import { describe, expect, it } from 'vitest';
import { entryTabRoute, parseRoute, routeHref } from '../../renderer/app/route';
import { describeValue, shorten } from '../../renderer/features/entry/historyFormat';

const ID = '2f1b6a3e-5d4c-4b7a-9e8f-0123456789ab';

describe('addresses inside the app', () => {
  it('an empty address is Home', () => {
    expect(parseRoute('')).toEqual({ view: 'home' });
    expect(parseRoute('#/')).toEqual({ view: 'home' });
  });

  it('reads the list, an entry and settings', () => {
    expect(parseRoute('#/entries')).toEqual({ view: 'list' });
    expect(parseRoute(`#/entries/${ID}`)).toEqual({ view: 'entry', id: ID });
    expect(parseRoute('#/settings/')).toEqual({ view: 'settings' });
  });

  it('reads the Guidelines screen, and an entry opened at its Guidelines or History tab', () => {
    expect(parseRoute('#/guidelines')).toEqual({ view: 'guidelines' });
    expect(parseRoute(`#/entries/${ID}/guidelines`)).toEqual({ view: 'entry', id: ID, tab: 'guidelines' });
    expect(parseRoute(`#/entries/${ID}/history`)).toEqual({ view: 'entry', id: ID, tab: 'history' });
    expect(parseRoute(`#/entries/${ID}/nonsense`)).toEqual({ view: 'missing', path: `/entries/${ID}/nonsense` });
  });

  it('the Details tab has the entry’s plain address', () => {
    expect(routeHref(entryTabRoute(ID, 'details'))).toBe(`#/entries/${ID}`);
    expect(routeHref(entryTabRoute(ID, 'guidelines'))).toBe(`#/entries/${ID}/guidelines`);
  });

  it('an unknown address is shown as missing rather than silently sent Home', () => {
    expect(parseRoute('#/entries/not-an-id')).toEqual({ view: 'missing', path: '/entries/not-an-id' });
  });

  it('every route survives a round trip through its address', () => {
    for (const route of [
      { view: 'home' },
      { view: 'list' },
      { view: 'entry', id: ID },
      { view: 'entry', id: ID, tab: 'guidelines' },
      { view: 'guidelines' },
      { view: 'settings' },
    ] as const) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });
});

describe('values in History', () => {
  it('shows vocabulary values in the words the form uses', () => {
    expect(describeValue('criticality', 'high')).toBe('High');
    expect(describeValue('dataCategories', ['personal', 'financial'])).toBe('Personal data, Financial data');
  });

  it('shows links by name, and empty values as (empty)', () => {
    const links = [{ type: 'entry', entryId: ID }, { type: 'system', name: 'SAP export' }];
    expect(describeValue('dependsOn', links, { [ID]: 'Pricing workbook' })).toBe('Pricing workbook, SAP export');
    expect(describeValue('notes', '')).toBe('(empty)');
    expect(describeValue('sensitivity', null)).toBe('(empty)');
  });

  it('cuts long text short', () => {
    const text = shorten('word '.repeat(50));
    expect(text.length).toBeLessThanOrEqual(80);
    expect(text.endsWith('…')).toBe(true);
  });
});
