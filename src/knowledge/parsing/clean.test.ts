import { describe, expect, it } from 'vitest';
import { cleanPdfText, detectLang } from './index.ts';

describe('cleanPdfText', () => {
  it('removes page headers and footers and joins a paragraph broken over a page (English)', () => {
    const text = [
      'CTOC/COP/WG.2/2016/4',
      '',
      '12.   The Working Group noted that infor-',
      'mation on technical assistance was',
      '',
      'V.16-07290                                                        3/12',
      '\fCTOC/COP/WG.2/2016/4',
      '',
      'available through the SHERLOC portal.',
      '13.   Speakers welcomed the work of the Secretariat.',
      '',
      '4/12                                                        V.16-07290',
    ].join('\n');
    const out = cleanPdfText(text, 'en');
    expect(out).toContain('12. The Working Group noted that information on technical assistance was available through the SHERLOC portal.\n');
    expect(out).toContain('13. Speakers welcomed the work of the Secretariat.\n');
    expect(out).not.toMatch(/V\.16-07290|3\/12|4\/12/);
    // The symbol repeated at the top of each page is kept once (page 1), not in the body.
    expect(out.match(/CTOC\/COP\/WG\.2\/2016\/4/g)).toHaveLength(1);
  });

  it('removes job numbers, barcodes and page numbers; joins Chinese lines without spaces; removes spaces around numbers', () => {
    const text = [
      ' 联合国   CTOC/COP/WG.2/2016/4',
      'Distr.: General',
      '2 November 2016',
      'Chinese',
      'Original: English',
      '',
      'V.16-07290 (C)  GH    021116    031116',
      '',
      ' *1607290*',
      '',
      '1. 技术援助问题政府专家工作组是依照联合国打击跨国有组织犯罪公约缔约方',
      '',
      '会议第 2/6 号决定成立的。工作组于 2016 年',
      '',
      '10 月 17 日至 19 日举行了其第九次会议，审议了《公约》第 18 条。',
      '',
      ' 2/12 V.16-07290',
    ].join('\n');
    const out = cleanPdfText(text, 'zh');
    expect(out).toContain('\n1. 技术援助问题政府专家工作组是依照联合国打击跨国有组织犯罪公约缔约方会议第2/6号决定成立的。工作组于2016年10月17日至19日举行了其第九次会议，审议了《公约》第18条。\n');
    expect(out).not.toMatch(/V\.16-07290|1607290|2\/12/);
    expect(out.startsWith('联合国  CTOC/COP/WG.2/2016/4\nDistr.: General\n2 November 2016\n')).toBe(true);
  });

  it('moves footnotes to the end, after a rule', () => {
    const text = [
      '24. 10 月 17 日至 19 日，工作组举行了三次会议。秘书处代表就工作组第 1 次会议通过的议程1项目 2 作了',
      '介绍性发言。',
      '__________________',
      ' 1 CTOC/COP/WG.2/2016/1。',
      ' B. 文件',
      '28. 技术援助问题政府专家工作组收到的文件载于本报告的附件。',
    ].join('\n');
    const out = cleanPdfText(text, 'zh');
    expect(out.trim().split('\n')).toEqual([
      '24. 10月17日至19日，工作组举行了三次会议。秘书处代表就工作组第1次会议通过的议程1项目2作了介绍性发言。',
      'B. 文件',
      '28. 技术援助问题政府专家工作组收到的文件载于本报告的附件。',
      '__________________',
      '1 CTOC/COP/WG.2/2016/1。',
    ]);
  });

  it('de-hyphenates Russian words but keeps the hyphen of compounds', () => {
    const text = ['3. Государствам-участникам следует предоставлять информа-', 'цию секретариату и поддерживать государства-', 'участники.'].join('\n');
    expect(cleanPdfText(text, 'ru').trim()).toBe('3. Государствам-участникам следует предоставлять информацию секретариату и поддерживать государства-участники.');
  });

  it('joins a symbol broken after "/" without a space', () => {
    const text = ['Documentation', 'Background paper prepared by the Secretariat (CTOC/COP/', 'WG.3/2016/2)'].join('\n');
    expect(cleanPdfText(text, 'en').trim().split('\n')).toEqual(['Documentation', 'Background paper prepared by the Secretariat (CTOC/COP/WG.3/2016/2)']);
  });

  it('normalizes Arabic presentation forms and latin ligatures', () => {
    // "ﺍﻟﺪﻭﻝ" is "الدول" in presentation forms, as some PDF extractors give it.
    expect(cleanPdfText('3- ينبغي ﻟﻠﺪﻭﻝ الأطراف أن تنظر في ذلك.', 'ar').trim()).toBe('3- ينبغي للدول الأطراف أن تنظر في ذلك.');
    expect(cleanPdfText('1. The ﬁrst ofﬁcial meeting.', 'en').trim()).toBe('1. The first official meeting.');
  });

  it('keeps chapter and section headings on their own lines, joining a wrapped heading', () => {
    const text = [
      'II.   Recommendations',
      'A.    Recommendations on the role of the Protocol in the protection of victims of',
      '      trafficking in persons',
      '2.    States parties should ensure that victims are identified.',
    ].join('\n');
    expect(cleanPdfText(text, 'en').trim().split('\n')).toEqual([
      'II. Recommendations',
      'A. Recommendations on the role of the Protocol in the protection of victims of trafficking in persons',
      '2. States parties should ensure that victims are identified.',
    ]);
  });
});

describe('detectLang', () => {
  it('detects the six languages', () => {
    expect(detectLang('缔约国应指定一个联络点，用以与秘书处进行沟通。')).toBe('zh');
    expect(detectLang('ينبغي للدول الأطراف أن تعين جهة اتصال للتواصل مع الأمانة.')).toBe('ar');
    expect(detectLang('Государствам-участникам следует назначить координационный центр.')).toBe('ru');
    expect(detectLang('States parties should designate a focal point for the purpose of communicating with the secretariat.')).toBe('en');
    expect(detectLang('Les États parties devraient désigner un point de contact pour la communication avec le secrétariat.')).toBe('fr');
    expect(detectLang('Los Estados partes deberían designar un punto de contacto para la comunicación con la secretaría.')).toBe('es');
    // A Russian document with its masthead in English is still Russian.
    expect(detectLang('Distr.: General\n12 June 2019\nRussian\nOriginal: English\nДоклад о работе совещания Рабочей группы правительственных экспертов')).toBe('ru');
  });
});
