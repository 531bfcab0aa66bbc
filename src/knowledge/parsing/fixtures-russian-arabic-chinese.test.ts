/**
 * The parser on the Russian, Arabic and Chinese fixtures (reports and provisional agendas; Chinese page furniture).
 */
import { describe, expect, it } from 'vitest';
import { parseUnDocument } from './index.ts';
import { fixture, rec, noFurniture } from './fixture-helpers.ts';

describe('Russian report (Рабочая группа по технической помощи)', () => {
  const doc = parseUnDocument(fixture('ru-wg2-2019-report.txt'));

  it('reads masthead (in English), title and meeting', () => {
    expect(doc.lang).toBe('ru');
    expect(doc.symbols).toEqual(['CTOC/COP/WG.2/2019/4']);
    expect(doc.documentDate).toBe('2019-06-12');
    expect(doc.title).toBe('Доклад о работе совещания Рабочей группы правительственных экспертов по технической помощи, состоявшегося в Вене 27–29 мая 2019 года');
    expect(doc.meeting).toMatchObject({ start: '2019-05-27', end: '2019-05-29', place: 'Вена', placeEn: 'Vienna' });
    expect(doc.session).toMatchObject({ number: 11, kind: 'meeting' });
    expect(doc.body?.key).toBe('technical-assistance');
    noFurniture(doc);
  });

  it('reads Cyrillic section letters А., В. as A, B and sub-paragraphs а), б), в) as a, b, c', () => {
    expect(doc.chapters[1]!.sections.map((s) => [s.label, s.letter, s.id])).toEqual([
      ['А.', 'A', 'chp_2__sec_a'],
      ['В.', 'B', 'chp_2__sec_b'],
    ]);
    expect(doc.paragraphs[4]!.subparagraphs.map((s) => [s.label, s.id])).toEqual([
      ['а)', 'para_5__subpara_a'],
      ['б)', 'para_5__subpara_b'],
      ['в)', 'para_5__subpara_c'],
    ]);
  });

  it('has 5 recommendations; a hyphenated compound keeps its hyphen', () => {
    expect(doc.recommendations.map((r) => [r.paragraph, r.addressees])).toEqual([
      ['para_3', ['states']],
      ['para_4', ['secretariat']],
      ['para_5__subpara_a', ['states']],
      ['para_5__subpara_b', ['secretariat']],
      ['para_5__subpara_c', ['conference']],
    ]);
    expect(rec(doc, 'rec__para_4').text).toBe('ЮНОДК следует продолжать разработку инструментов технической помощи с учетом информации, полученной от государств-участников.');
    expect(doc.footnotes[0]!.refs[0]!.elementId).toBe('para_4');
    expect(doc.documentLists[0]!.items[0]!.title).toBe('Предварительная повестка дня и аннотации');
  });
});

describe('Russian provisional agenda (Рабочая группа по торговле людьми)', () => {
  const doc = parseUnDocument(fixture('ru-wg4-2021-agenda.txt'));
  it('reads items, annotations and documentation', () => {
    expect(doc.type).toBe('agenda');
    expect(doc.meeting).toMatchObject({ start: '2021-07-06', end: '2021-07-07', place: 'Вена' });
    expect(doc.session).toMatchObject({ number: 10, kind: 'meeting' });
    expect(doc.agendaItems.map((i) => i.title)).toEqual([
      'Организационные вопросы',
      'Торговля людьми в целях принудительного труда в цепочках поставок',
      'Прочие вопросы',
      'Утверждение доклада',
    ]);
    expect(doc.agendaItems.map((i) => i.paragraphIds)).toEqual([['para_1', 'para_2'], ['para_3'], [], ['para_4']]);
    expect(doc.agendaItems[1]!.documents.map((d) => d.symbol)).toEqual(['CTOC/COP/WG.4/2021/2']);
  });
});

describe('Arabic report (الفريق العامل المعني بالأسلحة النارية)', () => {
  const doc = parseUnDocument(fixture('ar-wg6-2018-report.txt'));

  it('reads masthead, title and meeting ("يومي 2 و3 أيار/مايو 2018")', () => {
    expect(doc.lang).toBe('ar');
    expect(doc.symbols).toEqual(['CTOC/COP/WG.6/2018/3']);
    expect(doc.documentDate).toBe('2018-05-24');
    expect(doc.title).toBe('تقرير عن اجتماع الفريق العامل المعني بالأسلحة النارية المعقود في فيينا يومي 2 و3 أيار/مايو 2018');
    expect(doc.meeting).toMatchObject({ start: '2018-05-02', end: '2018-05-03', place: 'فيينا', placeEn: 'Vienna' });
    expect(doc.session).toMatchObject({ number: 5, kind: 'meeting' });
    expect(doc.body).toMatchObject({ code: 'WG.6', key: 'firearms' });
    noFurniture(doc);
  });

  it('reads chapters أولاً-, sections ألف-, paragraphs "1-" and sub-paragraphs (أ), (ب), (ج)', () => {
    expect(doc.chapters.map((c) => [c.number, c.title])).toEqual([
      [1, 'مقدِّمة'],
      [2, 'التوصيات'],
      [3, 'اعتماد التقرير'],
    ]);
    expect(doc.chapters[1]!.sections.map((s) => [s.letter, s.title])).toEqual([
      ['A', 'وسم الأسلحة النارية وحفظ السجلات'],
      ['B', 'التعاون الدولي'],
    ]);
    expect(doc.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.paragraphs[4]!.subparagraphs.map((s) => [s.label, s.id])).toEqual([
      ['(أ)', 'para_5__subpara_a'],
      ['(ب)', 'para_5__subpara_b'],
      ['(ج)', 'para_5__subpara_c'],
    ]);
  });

  it('has 5 recommendations ("ينبغي للدول الأطراف", "ينبغي لمكتب الأمم المتحدة …")', () => {
    expect(doc.recommendations.map((r) => [r.paragraph, r.addressees])).toEqual([
      ['para_3', ['states']],
      ['para_4', ['secretariat']],
      ['para_5__subpara_a', ['states']],
      ['para_5__subpara_b', ['secretariat']],
      ['para_5__subpara_c', ['conference']],
    ]);
    expect(rec(doc, 'rec__para_3').section).toBe('ألف- وسم الأسلحة النارية وحفظ السجلات');
    // The "(1)" marker is taken out.
    expect(rec(doc, 'rec__para_3').text.endsWith('وفقاً للمادة 7 من بروتوكول الأسلحة النارية.')).toBe(true);
    expect(doc.footnotes[0]).toMatchObject({ label: '1', text: 'انظر قرار الجمعية العامة 55/255، المرفق.' });
    expect(doc.documentLists[0]!.items.map((i) => [i.symbol, i.agendaItem])).toEqual([
      ['CTOC/COP/WG.6/2018/1', '1(b)'],
      ['CTOC/COP/WG.6/2018/2', '2'],
    ]);
  });
});

describe('Arabic provisional agenda (الفريق العامل المعني بالتعاون الدولي)', () => {
  const doc = parseUnDocument(fixture('ar-wg3-2020-agenda.txt'));
  it('reads items, annotations and documentation', () => {
    expect(doc.type).toBe('agenda');
    expect(doc.title).toBe('جدول الأعمال المؤقت وشروحه');
    expect(doc.meeting).toMatchObject({ start: '2020-07-07', end: '2020-07-08', place: 'فيينا' });
    expect(doc.session).toMatchObject({ number: 11, kind: 'meeting' });
    expect(doc.agendaItems.map((i) => i.title)).toEqual(['المسائل التنظيمية', 'الأدلة الإلكترونية في التعاون الدولي', 'مسائل أخرى', 'اعتماد التقرير']);
    expect(doc.agendaItems[0]!.subItems.map((s) => [s.letter, s.title])).toEqual([
      ['a', 'افتتاح الاجتماع'],
      ['b', 'إقرار جدول الأعمال وتنظيم الأعمال'],
    ]);
    expect(doc.agendaItems.map((i) => i.paragraphIds)).toEqual([['para_1', 'para_2'], ['para_3'], [], ['para_4']]);
    expect(doc.agendaItems[1]!.documents.map((d) => d.symbol)).toEqual(['CTOC/COP/WG.3/2020/2']);
  });
});

describe('Chinese report with page furniture (贩运人口问题工作组)', () => {
  const doc = parseUnDocument(fixture('zh-wg4-2019-report.txt'));

  it('reads masthead, title and meeting ("2019 年 7 月 2 日和 3 日")', () => {
    expect(doc.symbols).toEqual(['CTOC/COP/WG.4/2019/4']);
    expect(doc.documentDate).toBe('2019-07-25');
    expect(doc.title).toBe('2019年7月2日和3日在维也纳举行的贩运人口问题工作组会议报告');
    expect(doc.meeting).toMatchObject({ start: '2019-07-02', end: '2019-07-03', place: '维也纳' });
    expect(doc.session).toMatchObject({ number: 9, kind: 'meeting' });
    expect(doc.body?.code).toBe('WG.4');
    noFurniture(doc);
  });

  it('reads full-width （a） sub-paragraphs as recommendations', () => {
    expect(doc.paragraphs[2]!.subparagraphs.map((s) => [s.label, s.id])).toEqual([
      ['（a）', 'para_3__subpara_a'],
      ['（b）', 'para_3__subpara_b'],
      ['（c）', 'para_3__subpara_c'],
    ]);
    expect(doc.recommendations.map((r) => [r.paragraph, r.addressees])).toEqual([
      ['para_3__subpara_a', ['states']],
      ['para_3__subpara_b', ['secretariat']],
      ['para_3__subpara_c', ['conference']],
      ['para_4', ['states']],
      ['para_5', ['states']],
      ['para_6', ['secretariat']],
    ]);
    expect(rec(doc, 'rec__para_3__subpara_b').text).toBe('毒品和犯罪问题办公室应继续编写关于贩运人口案件证据问题的培训材料，并通过夏洛克知识管理门户网站予以传播；');
  });

  it('removes the footnote marker after "。" and reads the annex', () => {
    expect(rec(doc, 'rec__para_4').text.endsWith('第9/1号决议收集相关数据。')).toBe(true);
    expect(doc.footnotes[0]).toMatchObject({ text: '见CTOC/COP/2018/13，第一章，A节。' });
    expect(doc.footnotes[0]!.refs[0]!.elementId).toBe('para_4');
    expect(doc.documentLists[0]!.items[2]).toMatchObject({ symbol: 'CTOC/COP/WG.4/2019/3', title: '秘书处编写的关于贩运人口案件国际合作的背景文件' });
  });
});
