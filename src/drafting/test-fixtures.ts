import JSZip from 'jszip';
import type { RouteAnswer } from '../directory/routing.types.ts';
import type { DirectoryFacts } from './checks/types.ts';
import { draftContentSchema, type DraftContent, type DraftContentInput } from './draft.schema.ts';

/**
 * Test data shared by the drafting tests: a complete MLA request from GBR to CHN that passes every
 * check against the demo directory, and a directory answer shaped like the demo's for CHN.
 */
export const FREE_TEXT = {
  facts:
    'On 12 March 2024 the suspect, Li Wei, transferred GBP 250,000 from an account in London to account No. 6222 0000 1234 held at Bank of Example (Shanghai branch).\n' +
    'The funds came from a fraud on 40 pensioners & their families; see the "Operation Lantern" file <ref. 7>.\n' +
    '  Indented line kept as written: 李伟 — لي وي.',
  purpose: 'To trace the proceeds of the fraud and use the bank records as evidence at trial.',
};

export function completeDraftInput(): DraftContentInput {
  return {
    kind: 'mla',
    title: 'Operation Lantern — bank records',
    language: 'en',
    requesting: {
      authority: { name: 'Crown Prosecution Service, International Justice Division', functions: 'Prosecutes criminal offences in England and Wales.', address: '102 Petty France, London' },
      contact: { name: 'A. Prosecutor', position: 'Senior Specialist Prosecutor', email: 'prosecutor@example.org', phone: '+44 20 0000 0000', languages: 'English' },
      caseReference: 'LANTERN-2024-01',
    },
    requested: { state: 'CHN', authorityName: 'Ministry of Justice, Department of International Cooperation' },
    channel: 'diplomatic',
    legalBasis: { type: 'convention' },
    proceedings: {
      type: 'investigation',
      subjectMatter: 'Investigation of a fraud against pensioners and the laundering of its proceeds.',
      conductingAuthority: { name: 'Crown Prosecution Service', functions: 'Directs the investigation and prosecutes offences.' },
      caseNumber: 'CPS-2024-0042',
    },
    offences: [
      { id: 'off-1', name: 'Fraud by false representation', legalProvision: 'Fraud Act 2006, s. 2', maxPenalty: '10 years’ imprisonment', dateFrom: '2024-01-01', dateTo: '2024-03-12' },
      { id: 'off-2', name: 'Money laundering', legalProvision: 'Proceeds of Crime Act 2002, s. 327', maxPenalty: '14 years’ imprisonment', dateFrom: '2024-03-12' },
    ],
    facts: { summary: FREE_TEXT.facts },
    persons: [
      {
        id: 'p-1', role: 'suspect', name: { family: 'Li', given: 'Wei' }, dateOfBirth: '1980-05-01', nationalities: ['CHN'], location: 'Shanghai', locationState: 'CHN',
        description: 'Male, about 1.75 m.', connection: 'Holder of the receiving account.',
      },
    ],
    assistance: [
      {
        id: 'f-1', measure: 'bank-records', description: 'Provide the account opening documents and statements of account No. 6222 0000 1234.',
        personIds: ['p-1'], institution: 'Bank of Example, Shanghai branch', accounts: [{ holder: 'Li Wei', number: '6222 0000 1234' }],
        periodFrom: '2024-01-01', periodTo: '2024-06-30', recordsSought: 'Opening documents, statements, transfers above 1,000.',
      },
    ],
    purpose: FREE_TEXT.purpose,
    dualCriminality: { statement: 'The conduct is fraud and money laundering under the Criminal Law of the requested State.' },
    urgency: { urgent: false },
    confidentiality: { required: true, reason: 'The suspect is not aware of the investigation.' },
    procedures: 'Please certify the copies as true copies of the originals.',
    useLimitations: 'The records will be used only in the proceedings described.',
    abbreviations: [{ term: 'GBP', meaning: 'pounds sterling' }],
    attachments: [{ id: 'a-1', kind: 'law-extract', title: 'Fraud Act 2006, s. 2', pages: 1 }],
  };
}

export const completeDraft = (): DraftContent => draftContentSchema.parse(completeDraftInput());

type Measure = NonNullable<RouteAnswer['measure']>;
const measure = (code: string, extra: Partial<Measure> = {}): Measure => ({
  code, available: 'yes', legalFramework: null, receivingAuthority: null, languages: null, usualExecutionDays: null, specialRequirements: null, alternatives: null, dualCriminality: null, ...extra,
});

/** A directory answer like the demo's for CHN (accepted languages zh, en; channels diplomatic, post, secure-electronic). */
export function chinaAnswer(overrides: Partial<RouteAnswer> = {}): RouteAnswer {
  return {
    query: { from: 'GBR', to: 'CHN', kind: 'mla' },
    requesting: { iso3: 'GBR', name: 'United Kingdom', untoc: 'party' },
    requested: { iso3: 'CHN', name: 'China', untoc: 'party' },
    authority: {
      id: 'ca-chn', name: 'Ministry of Justice', contacts: null, available24x7: null, directTransmission: null, encryptionRequired: null,
      eSignatureRequired: null, interpolForUrgent: null, lastVerified: null,
    },
    addressee: { id: 'ca-chn', name: 'Ministry of Justice', source: 'central-authority', contacts: null, available24x7: null, via: null },
    languages: ['zh', 'en'],
    channels: ['diplomatic', 'post', 'secure-electronic'],
    legalBasis: { convention: true, code: 'both-parties', explanation: 'Both States are parties to the Convention.' },
    measure: null,
    requirements: [],
    unknown: [],
    ...overrides,
  };
}

export function chinaFacts(measures: Record<string, Partial<Measure> | null> = { 'bank-records': { dualCriminality: 'coercive-only', languages: ['zh', 'en'] } }, general: Partial<RouteAnswer> = {}): DirectoryFacts {
  return {
    general: chinaAnswer(general),
    measures: Object.fromEntries(Object.entries(measures).map(([code, m]) => [code, m === null ? null : measure(code, m)])),
  };
}

export async function documentXml(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return zip.file('word/document.xml')!.async('string');
}

/** The text of each w:t element, XML entities decoded: what a reader sees, run by run. */
export function runTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}
