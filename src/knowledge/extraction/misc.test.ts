import { describe, expect, it } from 'vitest';
import { extractReferences, type Lang, type ReferenceKind } from './index.ts';

const get = (text: string, lang: Lang, kind: ReferenceKind) =>
  extractReferences(text, { lang, kinds: [kind] }).map((r) => {
    expect(text.slice(r.start, r.end)).toBe(r.text);
    const { start: _s, end: _e, text: _t, kind: _k, ...rest } = r;
    return rest;
  });

describe('resolutions and decisions', () => {
  it('finds bodies and numbers', () => {
    expect(get('第 8/2 号决议', 'zh', 'resolution')).toEqual([{ body: 'COP', number: '8/2' }]);
    expect(get('第 2/6 号决定', 'zh', 'decision')).toEqual([{ body: 'COP', number: '2/6' }]);
    expect(get('大会第 55/25 号决议', 'zh', 'resolution')).toEqual([{ body: 'GA', number: '55/25' }]);
    expect(get('General Assembly resolution 55/25 and Security Council resolution 2331 (2016)', 'en', 'resolution')).toEqual([{ body: 'GA', number: '55/25' }, { body: 'SC', number: '2331 (2016)' }]);
    expect(get('resolutions 5/5 and 7/1', 'en', 'resolution')).toEqual([{ body: 'COP', number: '5/5' }, { body: 'COP', number: '7/1' }]);
    expect(get('résolution 8/2', 'fr', 'resolution')).toEqual([{ body: 'COP', number: '8/2' }]);
    expect(get('resolución 8/2', 'es', 'resolution')).toEqual([{ body: 'COP', number: '8/2' }]);
    expect(get('резолюция 8/2', 'ru', 'resolution')).toEqual([{ body: 'COP', number: '8/2' }]);
    expect(get('القرار 8/2', 'ar', 'resolution')).toEqual([{ body: 'COP', number: '8/2' }]);
  });
});

describe('symbols', () => {
  it('finds UN document symbols, not job numbers', () => {
    const t = 'CTOC/COP/WG.2/2016/1, CTOC/COP/2016/L.3, A/RES/55/25, CTOC/COP/WG.3/2016/1/Add.1, E/CN.15/2016/10; V.16-07290; E.05.V.2';
    expect(get(t, 'en', 'symbol').map((r) => (r as { symbol: string }).symbol)).toEqual(['CTOC/COP/WG.2/2016/1', 'CTOC/COP/2016/L.3', 'A/RES/55/25', 'CTOC/COP/WG.3/2016/1/Add.1', 'E/CN.15/2016/10']);
    expect(get(t, 'en', 'job-number')).toEqual([{ jobNumber: 'V.16-07290' }]);
  });
});

describe('states', () => {
  it('avoids the classic traps', () => {
    expect(get('发展中国家和中国', 'zh', 'state')).toEqual([{ iso3: 'CHN' }]);
    expect(get('司法国际合作', 'zh', 'state')).toEqual([]);
    expect(get('Papua New Guinea, Equatorial Guinea, Guinea, Nigeria, Niger, the Dominican Republic and Dominica; chad', 'en', 'state').map((r) => (r as { iso3: string }).iso3)).toEqual(['PNG', 'GNQ', 'GIN', 'NGA', 'NER', 'DOM', 'DMA']);
    expect(get('Royaume-Uni de Grande-Bretagne et d’Irlande du Nord', 'fr', 'state')).toEqual([{ iso3: 'GBR' }]);
    expect(get('Estado Plurinacional de Bolivia', 'es', 'state')).toEqual([{ iso3: 'BOL' }]);
    expect(get('в Российской Федерации', 'ru', 'state')).toEqual([{ iso3: 'RUS' }]);
    expect(get('الولايات المتحدة الأمريكية وفرنسا', 'ar', 'state')).toEqual([{ iso3: 'USA' }, { iso3: 'FRA' }]);
    expect(get('الدعم المالي', 'ar', 'state')).toEqual([]);
  });
});

describe('dates', () => {
  it('reads dates and ranges in the six languages', () => {
    expect(get('2016 年 10 月 17 日', 'zh', 'date')).toEqual([{ date: '2016-10-17' }]);
    expect(get('2016年10月17日至19日', 'zh', 'date')).toEqual([{ date: '2016-10-17', endDate: '2016-10-19' }, { date: '2016-10-19' }]);
    expect(get('17 October 2016', 'en', 'date')).toEqual([{ date: '2016-10-17' }]);
    expect(get('28 October to 1 November 2016', 'en', 'date')).toEqual([{ date: '2016-10-28', endDate: '2016-11-01' }, { date: '2016-11-01' }]);
    expect(get('17 octobre 2016', 'fr', 'date')).toEqual([{ date: '2016-10-17' }]);
    expect(get('17 de octubre de 2016', 'es', 'date')).toEqual([{ date: '2016-10-17' }]);
    expect(get('17 октября 2016 года', 'ru', 'date')).toEqual([{ date: '2016-10-17' }]);
    expect(get('17 تشرين الأول/أكتوبر 2016', 'ar', 'date')).toEqual([{ date: '2016-10-17' }]);
    expect(get('paragraph 5 may apply', 'en', 'date')).toEqual([]);
  });
});
