/**
 * The three real documents of the seed corpus (Chinese, extracted from the published PDFs). Every count and text
 * asserted here was checked by reading the documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnDocument, toTextUnits } from './index.ts';

const corpus = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../seed/corpus', name), 'utf8');
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('wg2-2016-report.zh.txt (report of the Working Group on Technical Assistance, 2016)', () => {
  const doc = parseUnDocument(corpus('wg2-2016-report.zh.txt'));

  it('reads language, type, title, meeting, session and body', () => {
    expect(doc.lang).toBe('zh');
    expect(doc.type).toBe('report');
    expect(doc.title).toBe('2016年10月17日至19日在维也纳举行的技术援助问题政府专家工作组会议报告');
    expect(doc.meeting).toMatchObject({ start: '2016-10-17', end: '2016-10-19', place: '维也纳', placeEn: 'Vienna' });
    expect(doc.date).toBe('2016-10-17');
    // "工作组在缔约方会议第八届会议期间……举行了其第九次会议": the ninth meeting, not the COP's eighth session.
    expect(doc.session).toEqual({ number: 9, kind: 'meeting', text: '第九次会议' });
    expect(doc.body).toMatchObject({ code: 'WG.2', key: 'technical-assistance' });
  });

  it('has no symbol of its own in the extract; cites the four documents of the annex', () => {
    expect(doc.symbols).toEqual([]);
    expect(doc.citedSymbols).toEqual(['CTOC/COP/WG.2/2016/1', 'CTOC/COP/WG.2/2016/2', 'CTOC/COP/WG.2/2016/3', 'CTOC/COP/WG.2/2016/4']);
  });

  it('finds the five chapters and their sections, headings joined across line breaks', () => {
    expect(doc.chapters.map((c) => `${c.label} ${c.title}`)).toEqual(['一. 导言', '二. 建议', '三. 会议安排', '四． 审议情况概要', '五. 通过报告']);
    const rec = doc.chapters[1]!;
    expect(rec.paragraphIds).toEqual(['para_4']);
    expect(rec.sections.map((s) => s.letter)).toEqual(['A', 'B', 'C']);
    expect(rec.sections[0]!.title).toBe('缔约国和签署国在实施《联合国打击跨国有组织犯罪公约》及其各项议定书方面的回应状况');
    expect(rec.sections[0]!.paragraphIds).toEqual(range(5, 10).map((n) => `para_${n}`));
    expect(rec.sections[1]!.paragraphIds).toEqual(range(11, 16).map((n) => `para_${n}`));
    expect(rec.sections[2]!.paragraphIds).toEqual(range(17, 23).map((n) => `para_${n}`));
    expect(doc.chapters[3]!.sections.map((s) => s.title)).toContain('其他事项');
  });

  it('reads the 41 numbered paragraphs, lines joined without spaces and without page noise', () => {
    expect(doc.paragraphs).toHaveLength(41);
    expect(doc.paragraphs.map((p) => p.number)).toEqual(range(1, 41));
    const p1 = doc.paragraphs[0]!;
    expect(p1.text).toBe(
      '技术援助问题政府专家工作组是依照联合国打击跨国有组织犯罪公约缔约方会议第2/6号决定成立的。缔约方会议在其第4/3号决定中决定，该工作组应成为缔约方会议的一个常设组成部分。工作组在缔约方会议第八届会议期间于2016年10月17日至19日举行了其第九次会议。',
    );
    expect(p1.chapterId).toBe('chp_1');
    expect(doc.paragraphs[15]!.sectionId).toBe('chp_2__sec_b');
    for (const p of doc.paragraphs) expect(p.text).not.toMatch(/\n|\s{2}/);
  });

  it('has 18 recommendations: paragraphs 6 to 23 (4 introduces them, 5 only reaffirms article 32)', () => {
    expect(doc.recommendations).toHaveLength(18);
    expect(doc.recommendations.map((r) => r.paragraph)).toEqual(range(6, 23).map((n) => `para_${n}`));
    const r6 = doc.recommendations[0]!;
    expect(r6.id).toBe('rec__para_6');
    expect(r6.text.startsWith('缔约国应指定一个联络点')).toBe(true);
    expect(r6.addressees).toContain('states');
    // "…毒品和犯罪问题办公室应汇编这些联络点的详细联系方式。"
    expect(r6.addressees).toContain('secretariat');
    expect(r6.section).toBe('A. 缔约国和签署国在实施《联合国打击跨国有组织犯罪公约》及其各项议定书方面的回应状况');
    expect(r6.chapterId).toBe('chp_2');
  });

  it('tells addressees apart', () => {
    const by = (n: number) => doc.recommendations.find((r) => r.paragraphNumber === n)!.addressees;
    expect(by(7)).toEqual(['states']);
    expect(by(10)).toEqual(['secretariat']);
    expect(by(16)).toEqual(['secretariat']);
    // "技术援助问题政府专家工作组建议国际合作问题工作组考虑……各国还应……毒品和犯罪问题办公室应汇编……"
    expect(by(9)).toEqual(['states', 'secretariat', 'working-group']);
    expect(doc.recommendations.filter((r) => r.addressees.length === 1 && r.addressees[0] === 'states')).toHaveLength(14);
  });

  it('takes footnote 1 out of the text and links it to paragraph 24 ("议程1项目 2")', () => {
    expect(doc.footnotes).toHaveLength(1);
    expect(doc.footnotes[0]).toMatchObject({ id: 'fn_1', number: 1, text: 'CTOC/COP/WG.2/2016/1。' });
    expect(doc.footnotes[0]!.refs).toEqual([expect.objectContaining({ elementId: 'para_24' })]);
    const p24 = doc.paragraphs[23]!;
    expect(p24.text).toContain('通过的议程项目2作了介绍性发言');
    expect(p24.footnoteRefs).toHaveLength(1);
  });

  it('reads the annex list of documents with symbols, agenda items and titles joined across lines', () => {
    expect(doc.annexes).toHaveLength(1);
    expect(doc.annexes[0]!.title).toBe('2016年10月17日至19日在维也纳举行的技术援助问题政府专家工作组收到的文件一览表');
    const list = doc.documentLists.find((l) => l.source === 'annex')!;
    expect(list.items.map((i) => [i.symbol, i.agendaItem])).toEqual([
      ['CTOC/COP/WG.2/2016/1', '1(b)'],
      ['CTOC/COP/WG.2/2016/2', '2'],
      ['CTOC/COP/WG.2/2016/3', '3'],
      ['CTOC/COP/WG.2/2016/4', '4'],
    ]);
    expect(list.items[0]!.title).toBe('临时议程说明');
    expect(list.items[1]!.title).toBe('秘书处编写的关于缔约国和签署国在实施《联合国打击跨国有组织犯罪公约》及其各项议定书方面的回应状况的背景文件');
  });

  it('gives text units with stable ids for storage', () => {
    const units = toTextUnits(doc);
    const rec = units.find((u) => u.id === 'rec__para_6')!;
    expect(rec).toMatchObject({ kind: 'recommendation', paragraphId: 'para_6', sectionId: 'chp_2__sec_a', addressees: ['states', 'secretariat'] });
    expect(units.filter((u) => u.kind === 'paragraph')).toHaveLength(41);
    expect(units.filter((u) => u.kind === 'recommendation')).toHaveLength(18);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });
});

describe('wg2-2013-report.zh.txt (report of the Working Group on Technical Assistance, 2013)', () => {
  const doc = parseUnDocument(corpus('wg2-2013-report.zh.txt'));

  it('reads the masthead: date, distribution, original language', () => {
    expect(doc.documentDate).toBe('2013-11-19');
    expect(doc.date).toBe('2013-11-19');
    expect(doc.distribution).toBe('general');
    expect(doc.originalLanguage).toBe('en');
    expect(doc.symbols).toEqual([]);
    expect(doc.title).toBe('2013年10月28日至30日在维也纳举行的技术援助问题政府专家工作组会议报告');
    expect(doc.meeting).toMatchObject({ start: '2013-10-28', end: '2013-10-30', place: '维也纳' });
    expect(doc.body?.code).toBe('WG.2');
    // Only sittings ("第二和第三次会议上") and the COP's seventh session are mentioned: no meeting number.
    expect(doc.session).toBeNull();
  });

  it('reads 90 paragraphs; the agenda quoted in paragraph 42 is a list, not paragraphs 1 to 6', () => {
    expect(doc.paragraphs.map((p) => p.number)).toEqual(range(1, 90));
    const p42 = doc.paragraphs.find((p) => p.id === 'para_42')!;
    expect(p42.intro).toBe('在2013年10月28日第1次会议上，工作组通过了下列议程。');
    expect(p42.list.map((l) => l.number)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(p42.list[0]!.subItems.map((s) => s.text)).toEqual(['会议开幕；', '通过议程和工作安排。']);
    expect(p42.sectionId).toBe('chp_3__sec_c');
    expect(doc.agendaItems.map((i) => i.title)).toEqual([
      '组织事项',
      '在识别和保护有组织犯罪受害人和证人方面的援助、良好做法和国家立法比较',
      '为检察官以及司法和执法机构成员制定能力建设方案，包括加强机构间合作与协调',
      '协助使国家立法与《联合国打击跨国有组织犯罪公约》及其各项议定书相协调',
      '其他事项',
      '通过报告',
    ]);
    expect(doc.agendaItems[0]!.source).toBe('adopted');
  });

  it('has 31 recommendations: paragraph 5 and paragraphs 7 to 36', () => {
    expect(doc.recommendations.map((r) => r.paragraphNumber)).toEqual([5, ...range(7, 36)]);
    const by = (n: number) => doc.recommendations.find((r) => r.paragraphNumber === n)!;
    expect(by(5).addressees).toEqual(['conference']);
    expect(by(5).section).toBeNull();
    expect(by(20).addressees).toEqual(['secretariat']);
    expect(by(22).addressees).toEqual(['states', 'secretariat', 'other']);
    expect(by(27).addressees).toEqual(['states']);
    expect(by(36).addressees).toEqual(['states', 'secretariat']);
    expect(by(29).section).toBe('C. 协助使国家立法与《联合国打击跨国组织犯罪公约》及其各项议定书相协调');
  });

  it('reads the tab-separated annex table, rows without agenda item included', () => {
    const list = doc.documentLists.find((l) => l.source === 'annex')!;
    expect(list.items).toHaveLength(6);
    expect(list.items[4]).toEqual({ symbol: 'CTOC/COP/WG.2/2013/CRP.1', symbols: ['CTOC/COP/WG.2/2013/CRP.1'], title: '对综合自评清单的答复概述', agendaItem: null });
    expect(doc.annexes[0]!.title).toBe('工作组收到的文件一览表');
  });
});

describe('CTOC-COP-WG.3-2016-1.zh.txt (provisional agenda and annotations, Working Group on International Cooperation)', () => {
  const doc = parseUnDocument(corpus('CTOC-COP-WG.3-2016-1.zh.txt'));

  it('reads symbol, type, title, dates, session and body', () => {
    expect(doc.symbols).toEqual(['CTOC/COP/WG.3/2016/1']);
    expect(doc.type).toBe('agenda');
    expect(doc.title).toBe('临时议程和说明');
    expect(doc.documentDate).toBe('2016-05-31');
    expect(doc.meeting).toMatchObject({ start: '2016-10-19', end: '2016-10-21', place: '维也纳', text: '2016年10月19日至21日，维也纳' });
    expect(doc.session).toMatchObject({ number: 7, kind: 'meeting' });
    expect(doc.body).toMatchObject({ code: 'WG.3', key: 'international-cooperation' });
    expect(doc.paragraphs).toEqual([]);
    expect(doc.recommendations).toEqual([]);
  });

  it('reads the eight agenda items and their sub-items, titles joined across lines', () => {
    expect(doc.agendaItems.map((i) => `${i.number}. ${i.title}`)).toEqual([
      '1. 组织事项',
      '2. 反思国际合作问题工作组过去10年的工作',
      '3. 缔约国为把《联合国打击跨国有组织犯罪公约》作为开展国际合作的依据而作出的努力',
      '4. 联合调查作为开展国际合作打击跨国界有组织犯罪的一种方式',
      '5. 交流实施方面的最佳做法和挑战',
      '6. 秘书处关于《联合国打击跨国有组织犯罪公约》下的国际合作相关工具的最新情况介绍',
      '7. 其他事项',
      '8. 通过报告',
    ]);
    expect(doc.agendaItems[0]!.subItems.map((s) => [s.id, s.title])).toEqual([
      ['item_1__sub_a', '会议开幕'],
      ['item_1__sub_b', '通过议程和工作安排'],
    ]);
    expect(doc.agendaItems[4]!.subItems.map((s) => s.title)).toEqual([
      '没收事宜的国际合作（《联合国打击跨国有组织犯罪公约》第13条）',
      '没收的犯罪所得或财产的处置（《联合国打击跨国有组织犯罪公约》第14条）',
    ]);
  });

  it('attaches the annotations to their items', () => {
    const item = (n: number) => doc.agendaItems[n - 1]!;
    expect(item(1).subItems[0]!.annotation).toEqual(['国际合作问题工作组会议将于2016年10月19日星期三下午3时开幕。']);
    expect(item(1).subItems[1]!.annotation).toHaveLength(2);
    expect(item(2).annotation).toHaveLength(4);
    expect(item(3).annotation).toHaveLength(9);
    expect(item(4).annotation).toHaveLength(4);
    expect(item(4).annotation[0]!.startsWith('《有组织犯罪公约》第19条鼓励缔约国')).toBe(true);
    expect(item(5).subItems.map((s) => s.annotation.length)).toEqual([2, 4]);
    expect(item(6).annotation).toHaveLength(6);
    expect(item(7).annotation).toEqual(['鉴于秘书处尚未注意到需在项目7之下提出任何议题，目前预期不会有任何关于这一项目的文件。']);
    expect(item(8).annotation).toEqual(['工作组将通过一份会议报告，报告草稿将由秘书处编写。']);
  });

  it('reads the documentation list of each item, a symbol broken over two lines included', () => {
    expect(doc.agendaItems.map((i) => i.documents.map((d) => d.symbol))).toEqual([
      [],
      ['CTOC/COP/WG.3/2016/2'],
      ['CTOC/COP/WG.3/2016/CRP.1'],
      ['CTOC/COP/2008/CRP.5'],
      ['CTOC/COP/WG.3/2016/3'],
      [],
      [],
      [],
    ]);
    const lists = doc.documentLists.filter((l) => l.source === 'annotation');
    expect(lists.map((l) => l.agendaItem)).toEqual(['2', '3', '4', '5']);
    expect(lists.every((l) => l.heading === '文件')).toBe(true);
    expect(lists[0]!.items[0]!.title).toBe('秘书处编写的背景文件，题为“联合国打击跨国有组织犯罪公约缔约方会议设立的国际合作问题工作组：设立以来的任务授权和工作概况”');
    expect(lists[2]!.items[0]!.title).toBe('联合调查问题非正式专家工作组：结论和建议（将重新发布）');
  });

  it('reads both footnotes; the "1" glued after 《…立法指南》 is taken out of the text', () => {
    expect(doc.footnotes.map((f) => [f.id, f.text])).toEqual([
      ['fn_star', '困技术原因于2016年8月8日重新印发。'],
      ['fn_1', '联合国出版物，出售品编号E.05.V.2。'],
    ]);
    expect(doc.footnotes[0]!.refs).toEqual([{ footnoteId: 'fn_star', elementId: 'symbol', offset: 0 }]);
    expect(doc.footnotes[1]!.refs[0]!.elementId).toBe('item_6__block_3');
    // The annotation goes on after the footnote, on the next page.
    expect(doc.agendaItems[5]!.annotation[2]).toBe(
      '此外，出版物《联合国打击跨国有组织犯罪公约及其议定书实施立法指南》已经增补并通过福尔摩斯刑侦交流站提供，以协助国家立法者、立法起草者和其他相关官员为本国加入《公约》或执行其中各项要求（包括国际合作方面的要求）而制定必要的立法措施和其他措施。',
    );
  });

  it('reads the annex (proposed organization of work)', () => {
    expect(doc.annexes.map((a) => [a.label, a.title])).toEqual([['附件', '拟议工作安排']]);
    expect(doc.annexes[0]!.content).toContain('10月19日，星期三');
  });
});
