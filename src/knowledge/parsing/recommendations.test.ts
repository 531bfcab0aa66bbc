import { describe, expect, it } from 'vitest';
import { detectAddressees, parseUnDocument } from './index.ts';

describe('detectAddressees', () => {
  it.each([
    ['en', 'States parties should ensure that victims are identified.', ['states']],
    ['en', 'UNODC should continue to provide technical assistance to States upon request.', ['secretariat']],
    ['en', 'States should cooperate closely with UNODC and share information with the secretariat.', ['states']],
    ['en', 'States parties and the secretariat should promote joint investigations.', ['states', 'secretariat']],
    ['en', 'The Working Group recommended that the Conference consider the matter at its next session.', ['conference']],
    ['en', 'Member States are encouraged to use the Convention as a legal basis for extradition.', ['states']],
    ['en', 'The Working Group should continue to discuss the topic.', ['working-group']],
    ['en', 'In providing assistance, donors and international organizations should coordinate their activities.', ['other']],
    ['fr', 'Les États parties devraient désigner un point de contact.', ['states']],
    ['fr', 'L’ONUDC devrait continuer de fournir une assistance technique aux États.', ['secretariat']],
    ['fr', 'Le Groupe de travail a recommandé que la Conférence examine cette question.', ['conference']],
    ['es', 'Los Estados partes deberían designar un punto de contacto.', ['states']],
    ['es', 'La UNODC debería seguir prestando asistencia técnica a los Estados.', ['secretariat']],
    ['es', 'Se alienta a los Estados a que utilicen la Convención como base jurídica.', ['states']],
    ['ru', 'Государствам-участникам следует назначить координационный центр.', ['states']],
    ['ru', 'Секретариату следует продолжать сбор информации от государств.', ['secretariat']],
    ['ru', 'Рабочая группа рекомендовала Конференции рассмотреть этот вопрос.', ['conference']],
    ['ar', 'ينبغي للدول الأطراف أن تعين جهة اتصال.', ['states']],
    ['ar', 'ينبغي للأمانة أن تواصل جمع المعلومات من الدول.', ['secretariat']],
    ['ar', 'يوصي الفريق العامل بأن ينظر المؤتمر في هذه المسألة.', ['conference']],
    ['zh', '缔约国应指定一个联络点，用以与秘书处进行沟通。', ['states']],
    ['zh', '在预算外资源允许的范围内，毒品和犯罪问题办公室应当编写一份研究报告。', ['secretariat']],
    ['zh', '工作组建议，缔约方会议第七届会议应考虑发起有关以下问题的讨论。', ['conference']],
    ['zh', '会员国应考虑利用《公约》第18条作为司法协助的法律依据。', ['states']],
  ] as const)('%s: %s', (lang, text, expected) => {
    expect(detectAddressees(text, lang)).toEqual(expected);
  });
});

describe('recommendations of a report', () => {
  it('takes each lettered sub-paragraph as a recommendation, with the addressee of the introduction when it has none', () => {
    const text = [
      'II. Recommendations',
      '3. The Working Group recommended that States parties:',
      '(a) Consider establishing central authorities with adequate resources;',
      '(b) Make full use of the Convention as a legal basis for mutual legal assistance;',
      '4. UNODC should continue to update the directory of competent national authorities.',
      'III. Organization of the meeting',
      '5. States should be commended for their work.',
    ].join('\n');
    const doc = parseUnDocument(text, { lang: 'en' });
    expect(doc.recommendations.map((r) => ({ id: r.id, addressees: r.addressees, text: r.text }))).toEqual([
      { id: 'rec__para_3__subpara_a', addressees: ['states'], text: 'Consider establishing central authorities with adequate resources;' },
      { id: 'rec__para_3__subpara_b', addressees: ['states'], text: 'Make full use of the Convention as a legal basis for mutual legal assistance;' },
      { id: 'rec__para_4', addressees: ['secretariat'], text: 'UNODC should continue to update the directory of competent national authorities.' },
    ]);
    expect(doc.recommendations[0]!.intro).toBe('The Working Group recommended that States parties:');
    expect(doc.recommendations.map((r) => r.number)).toEqual([1, 2, 3]);
  });

  it('finds a "Conclusions and recommendations" chapter of a background paper', () => {
    const text = [
      'V. Conclusions and recommendations',
      '20. The Working Group may wish to recommend that States parties consider the following:',
      '21. States parties should review their legislation on the confiscation of proceeds of crime.',
    ].join('\n');
    const doc = parseUnDocument(text, { lang: 'en' });
    expect(doc.recommendations.map((r) => [r.paragraph, r.addressees])).toEqual([
      ['para_20', ['states']],
      ['para_21', ['states']],
    ]);
  });
});
