/**
 * The parser on the French and Spanish fixtures (reports and provisional agendas).
 */
import { describe, expect, it } from 'vitest';
import { parseUnDocument } from './index.ts';
import { fixture, rec, noFurniture } from './fixture-helpers.ts';

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
