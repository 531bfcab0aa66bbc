import { describe, expect, it } from 'vitest';
import { assistanceForm, draftContentSchema, type AssistanceForm, type DraftContent } from '../draft.schema.ts';
import { chinaFacts, completeDraft } from '../test-fixtures.ts';
import { CHECK_IDS, runChecks } from './index.ts';
import type { DirectoryFacts } from './types.ts';
import { hasDate, undefinedAbbreviations, wordCount } from './clarity.ts';

const TODAY = '2026-01-15';
const run = (content: DraftContent, directory: DirectoryFacts | null = chinaFacts()) => runChecks({ content, requestingState: 'GBR', today: TODAY, directory });
const form = (input: Record<string, unknown>): AssistanceForm => assistanceForm.parse(input);

const eForm = (measure: string, e: Record<string, unknown> = {}) =>
  form({
    measure, description: 'Provide the data.',
    electronicEvidence: {
      provider: { name: 'Example Mail Ltd' },
      identifiers: [{ type: 'email', value: 'suspect@example.org' }],
      dateRange: { from: '2024-03-01T00:00', to: '2024-03-31T23:59', timeZone: 'Europe/London' },
      preservationDays: 90, interceptionDays: 30, ...e,
    },
  });
const propertyItem = { description: 'Flat 3, 1 Example Road', location: 'Shanghai', estimatedValue: { amount: 500000, currency: 'GBP' } };
const extraditionSetup = (c: DraftContent) => {
  c.kind = 'extradition';
  c.offences.forEach((o) => (o.provisionText = 'A person is guilty of fraud if …'));
  c.assistance = [form({ measure: 'extradition', description: 'Surrender Li Wei for prosecution.', personIds: ['p-1'], surrenderFor: 'prosecution', warrant: { type: 'arrest-warrant', issuedBy: 'Westminster Magistrates’ Court', date: '2024-04-01' } })];
};

/** CHN's answer when preservation is asked too: its record names the police unit, the central authority being the channel. */
function preservationFacts(): DirectoryFacts {
  const facts = chinaFacts({ 'bank-records': { dualCriminality: 'coercive-only', languages: ['zh', 'en'] }, 'e-evidence-preservation': { receivingAuthority: 'Ministry of Public Security' } });
  const central = facts.general!.addressee!;
  facts.addressees = {
    'bank-records': { ...central, source: 'measure' },
    'e-evidence-preservation': { id: 'police-chn', name: 'Ministry of Public Security', source: 'measure', contacts: null, available24x7: true, via: { id: 'ca-chn', name: 'Ministry of Justice' } },
  };
  return facts;
}

interface Case {
  id: string;
  path: string;
  severity?: 'error' | 'warning';
  /** Applied to both the passing and the failing draft. */
  setup?: (c: DraftContent) => void;
  /** Makes the check fire. */
  mutate?: (c: DraftContent) => void;
  /** The directory's answer for the failing draft (default: the demo-like answer for CHN). */
  facts?: DirectoryFacts | null;
  setupFacts?: DirectoryFacts;
}

const CASES: Case[] = [
  { id: 'elements.requested-state', path: '$.requested.state', mutate: (c) => (c.requested.state = null), facts: null },
  { id: 'elements.requesting-authority', path: '$.requesting.authority.name', mutate: (c) => (c.requesting.authority.name = '  ') },
  { id: 'elements.proceedings-subject', path: '$.proceedings.subjectMatter', mutate: (c) => (c.proceedings.subjectMatter = '') },
  { id: 'elements.conducting-authority', path: '$.proceedings.conductingAuthority.functions', mutate: (c) => (c.proceedings.conductingAuthority.functions = '') },
  { id: 'elements.facts', path: '$.facts.summary', mutate: (c) => (c.facts.summary = '') },
  { id: 'elements.assistance', path: '$.assistance', mutate: (c) => (c.assistance = []) },
  { id: 'elements.assistance-kind', path: '$.assistance[0].measure', mutate: (c) => (c.kind = 'extradition') },
  { id: 'elements.assistance-description', path: '$.assistance[0].description', mutate: (c) => (c.assistance[0]!.description = '') },
  { id: 'elements.purpose', path: '$.purpose', mutate: (c) => (c.purpose = '') },
  { id: 'elements.offences', path: '$.offences', mutate: (c) => (c.offences = []) },
  { id: 'elements.offence-details', path: '$.offences[1].legalProvision', mutate: (c) => (c.offences[1]!.legalProvision = '') },
  { id: 'elements.offence-penalty', path: '$.offences[0].maxPenalty', severity: 'warning', mutate: (c) => (c.offences[0]!.maxPenalty = '') },
  { id: 'elements.person-identity', path: '$.persons[0].name.family', mutate: (c) => Object.assign(c.persons[0]!, { name: { family: '', given: '', otherNames: '' }, description: '' }) },
  { id: 'elements.person-details', path: '$.persons[0].nationalities', severity: 'warning', mutate: (c) => (c.persons[0]!.nationalities = []) },
  { id: 'elements.form-persons', path: '$.assistance[1].personIds', setup: (c) => c.assistance.push(form({ measure: 'taking-evidence', description: 'Hear the witness.', personIds: ['p-1'] })), mutate: (c) => (c.assistance[1]!.personIds = []) },
  { id: 'elements.person-reference', path: '$.assistance[0].personIds[0]', mutate: (c) => (c.assistance[0]!.personIds = ['ghost']) },
  { id: 'elements.urgency-reason', path: '$.urgency.reason', mutate: (c) => (c.urgency.urgent = true) },
  { id: 'elements.urgency-deadline', path: '$.urgency.deadline', severity: 'warning', setup: (c) => (c.urgency = { urgent: true, deadline: '2026-03-01', reason: 'Trial on 1 April 2026.' }), mutate: (c) => (c.urgency.deadline = '2025-12-31') },
  { id: 'elements.confidentiality-reason', path: '$.confidentiality.reason', severity: 'warning', mutate: (c) => (c.confidentiality.reason = '') },

  { id: 'forms.e-evidence-provider', path: '$.assistance[1].electronicEvidence.provider.name', setup: (c) => c.assistance.push(eForm('e-evidence-content')), mutate: (c) => ((c.assistance[1] as { electronicEvidence: { provider: { name: string } } }).electronicEvidence.provider.name = '') },
  { id: 'forms.e-evidence-identifier', path: '$.assistance[1].electronicEvidence.identifiers', setup: (c) => c.assistance.push(eForm('e-evidence-content')), mutate: (c) => (c.assistance[1] = eForm('e-evidence-content', { identifiers: [] })) },
  { id: 'forms.e-evidence-ip-port', path: '$.assistance[1].electronicEvidence.identifiers[0].port', severity: 'warning', setup: (c) => c.assistance.push(eForm('e-evidence-subscriber', { identifiers: [{ type: 'ip-address', value: '203.0.113.7', port: 51234 }] })), mutate: (c) => (c.assistance[1] = eForm('e-evidence-subscriber', { identifiers: [{ type: 'ip-address', value: '203.0.113.7' }] })) },
  { id: 'forms.e-evidence-date-range', path: '$.assistance[1].electronicEvidence.dateRange.from', setup: (c) => c.assistance.push(eForm('e-evidence-traffic')), mutate: (c) => (c.assistance[1] = eForm('e-evidence-traffic', { dateRange: { to: '2024-03-31T23:59', timeZone: 'UTC' } })) },
  { id: 'forms.e-evidence-time-zone', path: '$.assistance[1].electronicEvidence.dateRange.timeZone', setup: (c) => c.assistance.push(eForm('e-evidence-traffic')), mutate: (c) => (c.assistance[1] = eForm('e-evidence-traffic', { dateRange: { from: '2024-03-01T00:00', to: '2024-03-31T23:59' } })) },
  { id: 'forms.e-evidence-emergency', path: '$.assistance[1].electronicEvidence.emergency.justification', setup: (c) => c.assistance.push(eForm('e-evidence-subscriber', { emergency: { isEmergency: true, justification: 'A child is at risk.' } })), mutate: (c) => (c.assistance[1] = eForm('e-evidence-subscriber', { emergency: { isEmergency: true } })) },
  { id: 'forms.e-evidence-preservation-period', path: '$.assistance[1].electronicEvidence.preservationDays', severity: 'warning', setup: (c) => c.assistance.push(eForm('e-evidence-preservation')), mutate: (c) => (c.assistance[1] = eForm('e-evidence-preservation', { preservationDays: null })) },
  { id: 'forms.e-evidence-real-time-duration', path: '$.assistance[1].electronicEvidence.interceptionDays', setup: (c) => c.assistance.push(eForm('e-evidence-real-time-traffic')), mutate: (c) => (c.assistance[1] = eForm('e-evidence-real-time-traffic', { interceptionDays: null })) },
  { id: 'forms.property', path: '$.assistance[1].property', setup: (c) => c.assistance.push(form({ measure: 'freezing', description: 'Freeze the flat.', property: [propertyItem] })), mutate: (c) => (c.assistance[1] = form({ measure: 'freezing', description: 'Freeze the flat.' })) },
  { id: 'forms.property-location', path: '$.assistance[1].property[0].location', setup: (c) => c.assistance.push(form({ measure: 'freezing', description: 'Freeze.', property: [propertyItem] })), mutate: (c) => (c.assistance[1] = form({ measure: 'freezing', description: 'Freeze.', property: [{ ...propertyItem, location: '' }] })) },
  {
    id: 'forms.property-value', path: '$.assistance[0].property[0].estimatedValue.amount', severity: 'warning',
    setup: (c) => { c.kind = 'confiscation'; c.assistance = [form({ measure: 'confiscation', description: 'Confiscate the flat.', property: [propertyItem], order: { basis: 'obtain-order' } })]; },
    mutate: (c) => (c.assistance[0] = form({ measure: 'confiscation', description: 'Confiscate the flat.', property: [{ ...propertyItem, estimatedValue: {} }], order: { basis: 'obtain-order' } })),
  },
  {
    id: 'forms.confiscation-order', path: '$.assistance[0].order.issuedBy',
    setup: (c) => { c.kind = 'confiscation'; c.assistance = [form({ measure: 'confiscation', description: 'Enforce the order.', property: [propertyItem], order: { basis: 'enforce-existing-order', issuedBy: 'Southwark Crown Court', date: '2025-02-01' } })]; },
    mutate: (c) => (c.assistance[0] = form({ measure: 'confiscation', description: 'Enforce the order.', property: [propertyItem], order: { basis: 'enforce-existing-order', date: '2025-02-01' } })),
  },
  {
    id: 'forms.asset-sharing-proposal', path: '$.assistance[0].proposal',
    setup: (c) => { c.kind = 'confiscation'; c.assistance = [form({ measure: 'asset-sharing-and-return', description: 'Return the proceeds.', proposal: 'return-to-victims' })]; },
    mutate: (c) => (c.assistance[0] = form({ measure: 'asset-sharing-and-return', description: 'Return the proceeds.' })),
  },
  { id: 'forms.extradition-warrant', path: '$.assistance[0].warrant.issuedBy', setup: extraditionSetup, mutate: (c) => ((c.assistance[0] as { warrant: { issuedBy: string } }).warrant.issuedBy = '') },
  { id: 'forms.extradition-person', path: '$.persons[0].description', setup: extraditionSetup, mutate: (c) => (c.persons[0]!.description = '') },
  { id: 'forms.extradition-law-text', path: '$.offences[1].provisionText', setup: extraditionSetup, mutate: (c) => (c.offences[1]!.provisionText = '') },
  { id: 'forms.service-documents', path: '$.assistance[1].documents', setup: (c) => c.assistance.push(form({ measure: 'service-of-documents', description: 'Serve the summons.', personIds: ['p-1'], documents: [{ title: 'Summons' }] })), mutate: (c) => (c.assistance[1] = form({ measure: 'service-of-documents', description: 'Serve the summons.', personIds: ['p-1'] })) },
  { id: 'forms.bank-records', path: '$.assistance[0].institution', mutate: (c) => Object.assign(c.assistance[0]!, { institution: '', accounts: [] }) },
  { id: 'forms.search-places', path: '$.assistance[1].itemsSought', setup: (c) => c.assistance.push(form({ measure: 'search-and-seizure', description: 'Search the flat.', places: 'Flat 3', itemsSought: 'Phones' })), mutate: (c) => ((c.assistance[1] as { itemsSought: string }).itemsSought = '') },
  { id: 'forms.video-link-time-zone', path: '$.assistance[1].timeZone', setup: (c) => c.assistance.push(form({ measure: 'video-link-hearing', description: 'Hear Li Wei.', personIds: ['p-1'], proposedDates: ['2026-02-01T10:00'], timeZone: 'Asia/Shanghai' })), mutate: (c) => ((c.assistance[1] as { timeZone: string | null }).timeZone = null) },
  { id: 'forms.transfer-reasons', path: '$.assistance[1].reasons', setup: (c) => c.assistance.push(form({ measure: 'transfer-of-proceedings', description: 'Take over the case.', reasons: 'The suspect lives there.' })), mutate: (c) => ((c.assistance[1] as { reasons: string }).reasons = '') },
  { id: 'forms.joint-investigation', path: '$.assistance[1].objective', setup: (c) => c.assistance.push(form({ measure: 'joint-investigation', description: 'Set up a joint team.', objective: 'Dismantle the network.', participatingAuthorities: 'CPS; Shanghai police' })), mutate: (c) => ((c.assistance[1] as { objective: string }).objective = '') },

  { id: 'language.missing', path: '$.language', mutate: (c) => (c.language = null) },
  { id: 'language.not-accepted', path: '$.language', mutate: (c) => (c.language = 'fr') },
  { id: 'language.unknown', path: '$.language', severity: 'warning', facts: chinaFacts(undefined, { languages: null }) },
  { id: 'language.measure-not-accepted', path: '$.language', severity: 'warning', facts: chinaFacts({ 'bank-records': { dualCriminality: 'coercive-only', languages: ['zh'] } }) },
  { id: 'channel.missing', path: '$.channel', mutate: (c) => (c.channel = null) },
  { id: 'channel.not-accepted', path: '$.channel', mutate: (c) => (c.channel = 'email') },
  { id: 'channel.unknown', path: '$.channel', severity: 'warning', facts: chinaFacts(undefined, { channels: null }) },
  { id: 'legal-basis.missing', path: '$.legalBasis.type', mutate: (c) => (c.legalBasis.type = null) },
  { id: 'legal-basis.convention-not-available', path: '$.legalBasis.type', facts: chinaFacts(undefined, { legalBasis: { convention: false, code: 'extradition-notified-no', explanation: 'China notified that it does not.' } }) },
  { id: 'legal-basis.convention-unknown', path: '$.legalBasis.type', severity: 'warning', facts: chinaFacts(undefined, { legalBasis: { convention: null, code: 'status-unknown', explanation: 'Party status not loaded.' } }) },
  { id: 'legal-basis.treaty-name', path: '$.legalBasis.treatyName', setup: (c) => Object.assign(c.legalBasis, { type: 'treaty', treatyName: 'UK–China MLA Treaty 2013' }), mutate: (c) => (c.legalBasis.treatyName = '') },
  { id: 'legal-basis.reciprocity-assurance', path: '$.legalBasis.reciprocityAssurance', severity: 'warning', setup: (c) => Object.assign(c.legalBasis, { type: 'reciprocity', reciprocityAssurance: 'The UK would grant a similar request.' }), mutate: (c) => (c.legalBasis.reciprocityAssurance = '') },
  { id: 'dual-criminality.statement-required', path: '$.dualCriminality.statement', mutate: (c) => (c.dualCriminality.statement = '') },
  { id: 'dual-criminality.unknown', path: '$.dualCriminality.statement', severity: 'warning', mutate: (c) => (c.dualCriminality.statement = ''), facts: chinaFacts({ 'bank-records': null }) },
  { id: 'availability.measure-unavailable', path: '$.assistance[0].measure', severity: 'warning', facts: chinaFacts({ 'bank-records': { available: 'no', dualCriminality: 'coercive-only' } }) },
  { id: 'availability.directory-unavailable', path: '$.requested.state', severity: 'warning', facts: { general: null, measures: {} } },
  {
    id: 'availability.addressee-not-receiving-authority', path: '$.requested.authorityName', severity: 'warning',
    setup: (c) => { c.assistance.push(eForm('e-evidence-preservation')); Object.assign(c.requested, { authorityId: 'police-chn', authorityName: 'Ministry of Public Security' }); },
    setupFacts: preservationFacts(), mutate: (c) => Object.assign(c.requested, { authorityId: 'ca-chn', authorityName: 'Ministry of Justice' }),
  },
  { id: 'availability.authority-unknown', path: '$.requested.authorityName', severity: 'warning', facts: chinaFacts(undefined, { authority: null }) },
  { id: 'clarity.facts-too-long', path: '$.facts.summary', severity: 'warning', mutate: (c) => (c.facts.summary = `On 1 May 2024 ${'the suspect moved money again '.repeat(220)}`) },
  { id: 'clarity.undefined-abbreviation', path: '$.purpose', severity: 'warning', mutate: (c) => (c.purpose += ' The FIU report is attached.') },
  { id: 'clarity.facts-no-dates', path: '$.facts.summary', severity: 'warning', mutate: (c) => (c.facts.summary = 'The suspect transferred the money to an account abroad.') },
  { id: 'clarity.offence-dates', path: '$.offences[0].dateFrom', severity: 'warning', mutate: (c) => (c.offences[0]!.dateFrom = null) },
];

describe('checks before finalising', () => {
  it('the complete draft passes every check against the requested State’s directory entry', () => {
    expect(run(completeDraft())).toEqual([]);
  });

  it('every check has a case here that makes it fire and clear', () => {
    expect(CASES.map((c) => c.id).sort()).toEqual([...new Set(CHECK_IDS)].sort());
  });

  for (const k of CASES) {
    it(`${k.id}: fires at ${k.path} and clears when fixed`, () => {
      const passing = completeDraft();
      k.setup?.(passing);
      const passingFacts = k.setupFacts ?? chinaFacts(k.setup === extraditionSetup ? { extradition: null } : undefined);
      expect(run(passing, passingFacts).map((r) => r.id)).not.toContain(k.id);

      const failing = structuredClone(passing);
      k.mutate?.(failing);
      const results = run(draftContentSchema.parse(failing), k.facts === undefined ? passingFacts : k.facts);
      const hit = results.find((r) => r.id === k.id);
      expect(hit, JSON.stringify(results, null, 1)).toBeDefined();
      expect(hit!.path).toBe(k.path);
      expect(hit!.severity).toBe(k.severity ?? 'error');
      expect(hit!.message.length).toBeGreaterThan(10);
      expect(hit!.fix.length).toBeGreaterThan(10);
      expect(hit!.step).toBe(/^\$\.(\w+)/.exec(k.path)![1]);
    });
  }
});

describe('details of the checks', () => {
  it('the addressee check: a measure without its own receiving authority never fires; a name recorded only in words matches by name', () => {
    const c = completeDraft();
    const facts = preservationFacts();
    delete facts.addressees!['e-evidence-preservation'];
    expect(run(c, facts).map((r) => r.id)).not.toContain('availability.addressee-not-receiving-authority');
    c.assistance.push(eForm('e-evidence-preservation'));
    facts.addressees!['e-evidence-preservation'] = { id: null, name: 'Ministry of  Public Security', source: 'measure', contacts: null, available24x7: null, via: null };
    const hit = run(c, facts).find((r) => r.id === 'availability.addressee-not-receiving-authority');
    expect(hit?.params).toEqual({ measure: 'e-evidence-preservation', addressee: 'Ministry of  Public Security', via: '' });
    Object.assign(c.requested, { authorityId: null, authorityName: 'ministry of public security' });
    expect(run(c, facts).map((r) => r.id)).not.toContain('availability.addressee-not-receiving-authority');
  });

  it('facts are not needed when only service of documents is asked (art. 18(15)(c))', () => {
    const c = completeDraft();
    c.facts.summary = '';
    c.assistance = [form({ measure: 'service-of-documents', description: 'Serve the summons.', personIds: ['p-1'], documents: [{ title: 'Summons' }] })];
    expect(run(c).map((r) => r.id)).not.toContain('elements.facts');
    c.assistance.push(form({ measure: 'taking-evidence', description: 'Hear him.', personIds: ['p-1'] }));
    expect(run(c).map((r) => r.id)).toContain('elements.facts');
  });

  it('the purpose may be given per form instead of for the whole request', () => {
    const c = completeDraft();
    c.purpose = '';
    c.assistance[0]!.purpose = 'Evidence of the transfers.';
    expect(run(c).map((r) => r.id)).not.toContain('elements.purpose');
  });

  it('a missing penalty blocks an extradition request, and only warns for MLA', () => {
    const c = completeDraft();
    extraditionSetup(c);
    c.offences[0]!.maxPenalty = '';
    expect(run(c, chinaFacts({ extradition: null })).find((r) => r.id === 'elements.offence-penalty')?.severity).toBe('error');
  });

  it('extradition always needs the dual criminality statement, whatever the directory says', () => {
    const c = completeDraft();
    extraditionSetup(c);
    c.dualCriminality.statement = '';
    expect(run(c, chinaFacts({ extradition: null })).map((r) => r.id)).toContain('dual-criminality.statement-required');
  });

  it('a subscriber request by IP address needs the time range; by e-mail it does not', () => {
    const c = completeDraft();
    c.assistance.push(eForm('e-evidence-subscriber', { dateRange: {} }));
    expect(run(c).map((r) => r.id)).not.toContain('forms.e-evidence-date-range');
    c.assistance[1] = eForm('e-evidence-subscriber', { dateRange: {}, identifiers: [{ type: 'ip-address', value: '203.0.113.7', port: 443 }] });
    expect(run(c).map((r) => r.id)).toContain('forms.e-evidence-date-range');
  });

  it('without a requested State, no directory check passes or fails silently: the element check asks for the State', () => {
    const c = completeDraft();
    c.requested.state = null;
    const ids = run(c, null).map((r) => r.id);
    expect(ids).toContain('elements.requested-state');
    expect(ids.filter((i) => i.startsWith('language.') || i.startsWith('channel.'))).toEqual([]);
  });

  it('abbreviations: defined in the list, in the text "(FIU)", or a capitalised family name are not flagged', () => {
    const c = completeDraft();
    c.purpose = 'The FIU and the OCG; Mr LI signed.';
    expect(undefinedAbbreviations(c).map((a) => a.term)).toEqual(['FIU', 'OCG']);
    c.abbreviations.push({ term: 'FIU', meaning: 'financial intelligence unit' });
    c.facts.summary += ' An organised criminal group (OCG) was involved.';
    expect(undefinedAbbreviations(c)).toEqual([]);
    c.proceedings.subjectMatter = 'Расследование ФСБ';
    expect(undefinedAbbreviations(c).map((a) => a.term)).toEqual(['ФСБ']);
  });

  it('word counts and dates work across the six languages', () => {
    expect(wordCount('one two three')).toBe(3);
    expect(wordCount('中央机关')).toBe(3);
    expect(hasDate('2024年3月12日')).toBe(true);
    expect(hasDate('في ١٢ مارس ٢٠٢٤')).toBe(true);
    expect(hasDate('le 12/03/24')).toBe(true);
    expect(hasDate('sans date')).toBe(false);
  });

  it('errors come before warnings', () => {
    const c = completeDraft();
    c.offences[0]!.dateFrom = null;
    c.language = null;
    const sev = run(c).map((r) => r.severity);
    expect(sev).toEqual([...sev].sort());
  });
});
