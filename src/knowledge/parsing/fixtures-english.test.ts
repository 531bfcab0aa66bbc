/**
 * The parser on the English fixtures: a report with form feeds, headers and footers; a provisional agenda; a
 * background paper with two annexes; a report whose paragraph numbers stand on their own lines.
 */
import { describe, expect, it } from 'vitest';
import { parseUnDocument } from './index.ts';
import { fixture, rec, noFurniture } from './fixture-helpers.ts';

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
