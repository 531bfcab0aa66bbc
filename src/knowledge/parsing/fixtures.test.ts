/**
 * Synthetic documents in the six languages (fixtures/), laid out as UN reports and agendas come out of PDF
 * text extraction: masthead with symbol and "Distr.", job number and barcode, page headers and footers with page
 * numbers, form feeds, hyphenation, footnotes at the foot of pages, annexes with tables of documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnDocument } from './index.ts';
import type { ParsedDocument } from './types.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const rec = (doc: ParsedDocument, id: string) => doc.recommendations.find((r) => r.id === id)!;
const noFurniture = (doc: ParsedDocument) => {
  const all = [
    ...doc.paragraphs.map((p) => p.text),
    ...doc.annexes.map((a) => a.content),
    ...doc.agendaItems.flatMap((i) => [i.title, ...i.annotation]),
    ...doc.footnotes.map((f) => f.text),
  ].join('\n');
  expect(all).not.toMatch(/V\.\d{2}-\d{5}|\*\d{7}\*|Distr\.|Original ?:/);
  // Page numbers ("2/6") at the end of a page never end up glued to the text.
  for (const line of all.split('\n')) expect(line).not.toMatch(/\s\d{1,2}\/\d{1,2}$/);
  for (const s of doc.symbols) expect(all.split('\n').some((l) => l.trim() === s)).toBe(false);
};

describe('English report (Working Group on Trafficking in Persons, with form feeds, headers and footers)', () => {
  const doc = parseUnDocument(fixture('en-wg4-2017-report.txt'));

  it('reads the masthead and the title', () => {
    expect(doc.lang).toBe('en');
    expect(doc.symbols).toEqual(['CTOC/COP/WG.4/2017/4']);
    expect(doc.documentDate).toBe('2017-09-22');
    expect(doc.originalLanguage).toBe('en');
    expect(doc.type).toBe('report');
    expect(doc.title).toBe('Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 6 to 7 September 2017');
    expect(doc.meeting).toMatchObject({ start: '2017-09-06', end: '2017-09-07', place: 'Vienna' });
    expect(doc.session).toMatchObject({ number: 7, kind: 'meeting' });
    expect(doc.body).toMatchObject({ code: 'WG.4', key: 'trafficking-in-persons' });
    expect(doc.citedSymbols).toContain('CTOC/COP/2016/15');
    expect(doc.citedSymbols).not.toContain('CTOC/COP/WG.4/2017/4');
  });

  it('removes page furniture and joins hyphenated words', () => {
    noFurniture(doc);
    expect(doc.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(doc.paragraphs[9]!.text).toBe(
      'One speaker highlighted the work of the regional networks of prosecutors, which facilitated the exchange of information before formal requests were sent.',
    );
    expect(doc.paragraphs[4]!.text).toContain('Organized Crime Convention as a legal basis');
  });

  it('reads chapters and wrapped section headings', () => {
    expect(doc.chapters.map((c) => c.title)).toEqual(['Recommendations', 'Summary of deliberations', 'Organization of the meeting', 'Adoption of the report']);
    expect(doc.chapters[0]!.sections.map((s) => s.title)).toEqual([
      'Recommendations on the role of the Trafficking in Persons Protocol in the protection of victims',
      'Recommendations on international cooperation in cases of trafficking in persons',
    ]);
  });

  it('splits lettered sub-paragraphs, (i)/(ii) kept inside (c)', () => {
    const p2 = doc.paragraphs[1]!;
    expect(p2.intro).toBe('The Working Group recommended that:');
    expect(p2.subparagraphs.map((s) => s.id)).toEqual(['para_2__subpara_a', 'para_2__subpara_b', 'para_2__subpara_c', 'para_2__subpara_d']);
    expect(p2.subparagraphs[1]!.text).toBe(
      'States parties should consider establishing national referral mechanisms involving civil society organizations, and should regularly review their effectiveness;',
    );
    expect(p2.subparagraphs[2]!.text).toContain('in particular:\n(i) Training modules for front-line officers;\n(ii) Guidance on the use of interpreters;');
  });

  it('has 8 recommendations with their addressees', () => {
    expect(doc.recommendations.map((r) => r.paragraph)).toEqual([
      'para_2__subpara_a',
      'para_2__subpara_b',
      'para_2__subpara_c',
      'para_2__subpara_d',
      'para_3',
      'para_4',
      'para_5',
      'para_6',
    ]);
    expect(rec(doc, 'rec__para_2__subpara_a').addressees).toEqual(['states']);
    expect(rec(doc, 'rec__para_2__subpara_b').addressees).toEqual(['states']);
    expect(rec(doc, 'rec__para_2__subpara_c').addressees).toEqual(['secretariat']);
    expect(rec(doc, 'rec__para_2__subpara_d').addressees).toEqual(['conference']);
    expect(rec(doc, 'rec__para_2__subpara_d').intro).toBe('The Working Group recommended that:');
    expect(rec(doc, 'rec__para_4').addressees).toEqual(['secretariat']);
    expect(rec(doc, 'rec__para_5').addressees).toEqual(['states']);
    expect(rec(doc, 'rec__para_6').addressees).toEqual(['states', 'secretariat']);
    expect(rec(doc, 'rec__para_6').section).toBe('B. Recommendations on international cooperation in cases of trafficking in persons');
  });

  it('links footnotes and removes their markers ("Protocol;1", "resolution 8/2.2", "prosecutors,3")', () => {
    expect(doc.footnotes.map((f) => [f.label, f.refs.map((r) => r.elementId)])).toEqual([
      ['1', ['para_2__subpara_a']],
      ['2', ['para_8']],
      ['3', ['para_10']],
    ]);
    expect(doc.footnotes[2]!.text).toBe('Such as the Network of West African Central Authorities and Prosecutors against Organized Crime.');
    expect(doc.paragraphs[1]!.subparagraphs[0]!.text.endsWith('article 6 of the Protocol;')).toBe(true);
    expect(doc.paragraphs[7]!.text).toContain('recalled Conference resolution 8/2. Several speakers');
    expect(doc.paragraphs[1]!.footnoteRefs.map((r) => r.footnoteId)).toEqual(['fn_1']);
  });

  it('reads the agenda quoted in paragraph 14 and the lists of documents', () => {
    expect(doc.agendaItems.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(doc.agendaItems[0]!.subItems.map((s) => s.title)).toEqual(['Opening of the meeting', 'Adoption of the agenda and organization of work']);
    const annex = doc.documentLists.find((l) => l.source === 'annex')!;
    expect(annex.items.map((i) => [i.symbol, i.agendaItem])).toEqual([
      ['CTOC/COP/WG.4/2017/1', '1(b)'],
      ['CTOC/COP/WG.4/2017/2', '2'],
      ['CTOC/COP/WG.4/2017/3', '3'],
      ['CTOC/COP/WG.4/2017/INF/1', null],
    ]);
    expect(annex.items[1]!.title).toBe('Background paper prepared by the Secretariat on the role of the Protocol in the protection of victims');
    const inPara = doc.documentLists.find((l) => l.source === 'paragraph')!;
    expect(inPara.paragraphId).toBe('para_16');
    expect(inPara.items.map((i) => i.title)).toEqual([
      'Provisional agenda and annotations',
      'Background paper prepared by the Secretariat on the role of the Protocol in the protection of victims',
      'Background paper prepared by the Secretariat on international cooperation in cases of trafficking in persons',
    ]);
    expect(doc.annexes[0]!.title).toBe('List of documents before the Working Group on Trafficking in Persons at its meeting held in Vienna from 6 to 7 September 2017');
  });
});

describe('English provisional agenda with numbered annotations (Working Group on Firearms)', () => {
  const doc = parseUnDocument(fixture('en-wg6-2019-agenda.txt'));

  it('reads masthead, meeting and reissue footnote', () => {
    expect(doc.symbols).toEqual(['CTOC/COP/WG.6/2019/1']);
    expect(doc.type).toBe('agenda');
    expect(doc.title).toBe('Provisional agenda and annotations');
    expect(doc.meeting).toMatchObject({ start: '2019-05-16', end: '2019-05-17', place: 'Vienna', text: 'Vienna, 16 and 17 May 2019' });
    expect(doc.session).toMatchObject({ number: 6, kind: 'meeting' });
    expect(doc.body).toMatchObject({ code: 'WG.6', key: 'firearms' });
    expect(doc.footnotes[0]).toMatchObject({ id: 'fn_star', text: 'Reissued for technical reasons on 2 April 2019.' });
    expect(doc.footnotes[0]!.refs[0]!.elementId).toBe('symbol');
    noFurniture(doc);
  });

  it('tells agenda item headings ("2. Preventive measures …") from annotation paragraphs ("2. In its resolution …")', () => {
    expect(doc.agendaItems.map((i) => i.title)).toEqual([
      'Organizational matters',
      'Preventive measures to counter illicit manufacturing of and trafficking in firearms, including through marking, record-keeping and the deactivation of firearms',
      'Responses to the diversion of firearms from legal to illicit markets',
      'Other matters',
      'Adoption of the report',
    ]);
    expect(doc.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(doc.paragraphs.map((p) => p.agendaItem)).toEqual(['1', '1', '1', '2', '2', '3', '4', '5']);
    expect(doc.agendaItems[0]!.subItems.map((s) => s.paragraphIds)).toEqual([['para_1'], ['para_2', 'para_3']]);
    expect(doc.paragraphs[3]!.text.startsWith('The Working Group may wish to exchange views')).toBe(true);
  });

  it('reads the documentation of each item and the footnote on paragraph 3', () => {
    expect(doc.agendaItems.map((i) => i.documents.map((d) => d.symbol))).toEqual([
      ['CTOC/COP/WG.6/2019/1'],
      ['CTOC/COP/WG.6/2019/2'],
      ['CTOC/COP/WG.6/2019/3', 'CTOC/COP/WG.6/2019/CRP.1'],
      [],
      [],
    ]);
    expect(doc.agendaItems[2]!.documents[1]!.title).toBe('Conference room paper prepared by the Secretariat on firearms and terrorism');
    expect(doc.footnotes[1]!.refs[0]!.elementId).toBe('para_3');
    expect(doc.paragraphs[2]!.text).toBe('The proposed organization of work (see annex) has been prepared in accordance with resolution 9/2.');
    expect(doc.annexes[0]!.title).toBe('Proposed organization of work');
  });
});

describe('French report (Groupe de travail sur le trafic illicite de migrants, no form feeds)', () => {
  const doc = parseUnDocument(fixture('fr-wg7-2018-report.txt'));

  it('reads masthead, title, meeting', () => {
    expect(doc.lang).toBe('fr');
    expect(doc.symbols).toEqual(['CTOC/COP/WG.7/2018/4']);
    expect(doc.documentDate).toBe('2018-10-05');
    expect(doc.distribution).toBe('general');
    expect(doc.title).toBe('Rapport sur la réunion du Groupe de travail sur le trafic illicite de migrants tenue à Vienne du 11 au 13 septembre 2018');
    expect(doc.meeting).toMatchObject({ start: '2018-09-11', end: '2018-09-13', place: 'Vienne', placeEn: 'Vienna' });
    expect(doc.session).toMatchObject({ number: 5, kind: 'meeting', text: 'cinquième réunion' });
    expect(doc.body?.key).toBe('smuggling-of-migrants');
    noFurniture(doc);
  });

  it('reads "a)" sub-paragraphs and recommendations in the subjunctive', () => {
    expect(doc.chapters[1]!.title).toBe('Recommandations');
    expect(doc.paragraphs[4]!.subparagraphs.map((s) => [s.label, s.letter])).toEqual([
      ['a)', 'a'],
      ['b)', 'b'],
      ['c)', 'c'],
    ]);
    expect(doc.recommendations.map((r) => [r.paragraph, r.addressees])).toEqual([
      ['para_4', ['states']],
      ['para_5__subpara_a', ['states']],
      ['para_5__subpara_b', ['secretariat']],
      ['para_5__subpara_c', ['conference']],
      ['para_6', ['states']],
      ['para_7', ['secretariat']],
    ]);
    expect(rec(doc, 'rec__para_6').text).toBe(
      'Les États devraient envisager de recourir aux équipes communes d’enquête et aux techniques d’enquête spéciales, conformément à l’article 20 de la Convention.',
    );
  });

  it('reads footnotes, the quoted agenda and the annex table', () => {
    expect(doc.footnotes.map((f) => f.refs[0]?.elementId)).toEqual(['para_2', 'para_7']);
    expect(doc.paragraphs[1]!.text.endsWith('un élément permanent de la Conférence.')).toBe(true);
    expect(doc.paragraphs[6]!.text.endsWith('gestion des connaissances SHERLOC.')).toBe(true);
    expect(doc.agendaItems.map((i) => i.title)).toEqual(['Questions d’organisation', 'Prévention du trafic illicite de migrants', 'Enquêtes et poursuites', 'Questions diverses', 'Adoption du rapport']);
    expect(doc.annexes[0]).toMatchObject({ label: 'Annexe', title: 'Liste des documents dont le Groupe de travail était saisi à sa réunion' });
    expect(doc.documentLists[0]!.items.map((i) => [i.symbol, i.agendaItem])).toEqual([
      ['CTOC/COP/WG.7/2018/1', '1(b)'],
      ['CTOC/COP/WG.7/2018/2', '2'],
      ['CTOC/COP/WG.7/2018/3', '3'],
    ]);
  });
});

describe('French provisional agenda (Groupe de travail sur le trafic illicite de migrants)', () => {
  const doc = parseUnDocument(fixture('fr-wg7-2019-agenda.txt'));
  it('reads items, annotations and documentation', () => {
    expect(doc.type).toBe('agenda');
    expect(doc.meeting).toMatchObject({ start: '2019-06-10', end: '2019-06-12', place: 'Vienne' });
    expect(doc.agendaItems.map((i) => [i.number, i.title, i.subItems.length])).toEqual([
      ['1', 'Questions d’organisation', 2],
      ['2', 'Protection des droits des migrants objet d’un trafic illicite', 0],
      ['3', 'Questions diverses', 0],
      ['4', 'Adoption du rapport', 0],
    ]);
    expect(doc.agendaItems.map((i) => i.paragraphIds)).toEqual([['para_1', 'para_2'], ['para_3'], ['para_4'], ['para_5']]);
    expect(doc.agendaItems[1]!.documents[0]).toMatchObject({ symbol: 'CTOC/COP/WG.7/2019/2', title: 'Document d’information établi par le Secrétariat sur la protection des droits des migrants objet d’un trafic illicite' });
  });
});

describe('Spanish report (Grupo de Trabajo sobre Cooperación Internacional)', () => {
  const doc = parseUnDocument(fixture('es-wg3-2018-report.txt'));

  it('reads masthead, title, meeting ("los días 28 y 29 de mayo de 2018")', () => {
    expect(doc.lang).toBe('es');
    expect(doc.symbols).toEqual(['CTOC/COP/WG.3/2018/6']);
    expect(doc.documentDate).toBe('2018-06-11');
    expect(doc.title).toBe('Informe de la reunión del Grupo de Trabajo sobre Cooperación Internacional celebrada en Viena los días 28 y 29 de mayo de 2018');
    expect(doc.meeting).toMatchObject({ start: '2018-05-28', end: '2018-05-29', place: 'Viena' });
    expect(doc.session).toMatchObject({ number: 9, kind: 'meeting' });
    expect(doc.body?.code).toBe('WG.3');
    noFurniture(doc);
  });

  it('has 5 recommendations with their addressees', () => {
    expect(doc.recommendations.map((r) => [r.paragraph, r.addressees])).toEqual([
      ['para_2__subpara_a', ['states']],
      ['para_2__subpara_b', ['secretariat']],
      ['para_2__subpara_c', ['secretariat']],
      ['para_3', ['states']],
      ['para_4', ['conference']],
    ]);
    // Footnote marker glued to "decomiso1;" removed.
    expect(rec(doc, 'rec__para_2__subpara_b').text.endsWith('en materia de decomiso;')).toBe(true);
    expect(doc.footnotes[0]!.refs[0]!.elementId).toBe('para_2__subpara_b');
  });

  it('reads the quoted agenda and the annex', () => {
    expect(doc.paragraphs.find((p) => p.id === 'para_8')!.list.map((l) => l.number)).toEqual(['1', '2', '3', '4']);
    expect(doc.documentLists[0]!.items[1]).toMatchObject({
      symbol: 'CTOC/COP/WG.3/2018/2',
      agendaItem: '2',
      title: 'Documento de antecedentes preparado por la Secretaría sobre la cooperación internacional con fines de decomiso',
    });
  });
});

describe('Spanish provisional agenda of a session of the Conference', () => {
  const doc = parseUnDocument(fixture('es-cop-2020-agenda.txt'));
  it('reads the session, items, annotations and documentation', () => {
    expect(doc.symbols).toEqual(['CTOC/COP/2020/1']);
    expect(doc.body).toMatchObject({ code: 'COP', key: 'conference' });
    expect(doc.session).toMatchObject({ number: 10, kind: 'session' });
    expect(doc.title).toBe('Programa provisional y anotaciones');
    expect(doc.meeting).toMatchObject({ start: '2020-10-12', end: '2020-10-16', place: 'Viena' });
    expect(doc.agendaItems[0]!.subItems.map((s) => s.letter)).toEqual(['a', 'b', 'c']);
    expect(doc.agendaItems[0]!.subItems.map((s) => s.paragraphIds)).toEqual([['para_1'], ['para_2'], ['para_3']]);
    expect(doc.agendaItems[1]!.paragraphIds).toEqual(['para_4']);
    expect(doc.agendaItems[1]!.documents.map((d) => [d.symbol, d.title])).toEqual([
      ['CTOC/COP/2020/2', 'Informe de la Secretaría sobre la marcha del Mecanismo de Examen'],
      ['CTOC/COP/2020/3', 'Nota de la Secretaría sobre los recursos necesarios'],
    ]);
  });
});

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

describe('English background paper with two annexes', () => {
  const doc = parseUnDocument(fixture('en-wg3-2017-background.txt'));
  it('reads agenda-item line, title, subtitle and type', () => {
    expect(doc.type).toBe('background-paper');
    expect(doc.agendaItemReference).toBe('Item 2 of the provisional agenda');
    expect(doc.title).toBe('Use of the Convention as a legal basis for extradition');
    expect(doc.subtitle).toBe('Background paper prepared by the Secretariat');
    expect(doc.meeting).toMatchObject({ start: '2017-10-17', end: '2017-10-18', place: 'Vienna' });
    expect(doc.footnotes[0]).toMatchObject({ label: '*', text: 'CTOC/COP/WG.3/2017/1.' });
  });
  it('numbers the paragraphs of each annex in their own scope', () => {
    expect(doc.paragraphs.map((p) => p.id)).toEqual(['para_1', 'para_2', 'para_3', 'annex_1__para_1', 'annex_1__para_2']);
    expect(doc.annexes.map((a) => [a.label, a.number, a.title])).toEqual([
      ['Annex I', 1, 'Replies received from States'],
      ['Annex II', 2, 'List of States that replied'],
    ]);
    expect(doc.annexes[1]!.blocks).toEqual(['Argentina, Brazil, Canada.']);
    expect(doc.recommendations.map((r) => [r.id, r.addressees])).toEqual([
      ['rec__para_3__subpara_a', ['states']],
      ['rec__para_3__subpara_b', ['secretariat']],
    ]);
  });
});

describe('English report extracted with each paragraph number on its own line', () => {
  const doc = parseUnDocument(fixture('en-wg2-2016-report-raw.txt'));
  it('puts numbers and letters back in front of their text', () => {
    expect(doc.symbols).toEqual(['CTOC/COP/WG.2/2016/4']);
    expect(doc.title).toBe('Report on the meeting of the Working Group of Government Experts on Technical Assistance held in Vienna from 17 to 19 October 2016');
    expect(doc.chapters.map((c) => c.title)).toEqual(['Introduction', 'Recommendations']);
    expect(doc.paragraphs.map((p) => p.number)).toEqual([1, 2]);
    expect(doc.recommendations.map((r) => [r.id, r.text, r.addressees])).toEqual([
      ['rec__para_2__subpara_a', 'States parties should designate a focal point;', ['states']],
      ['rec__para_2__subpara_b', 'UNODC should compile the contact details.', ['secretariat']],
    ]);
  });
});
