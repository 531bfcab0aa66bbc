import { Document, Packer } from 'docx';
import type { Language } from '../../platform/i18n/languages.ts';
import type { AssistanceForm, DraftContent, ElectronicEvidence, PropertyItem } from '../draft.schema.ts';
import { LABELS, type Labels } from './labels/index.ts';
import { documentStyles, makeSectionsRightToLeft, settingFor, v, Writer, type Mixed } from '../../platform/docx/style.ts';

/** What the documents print besides the content: the draft's identity and the States' names in the document's language. */
export interface DocumentMeta {
  reference: string;
  requestingState: string;
  status: 'draft' | 'finalised';
  /** YYYY-MM-DD: the date of finalising, or of the last change of a draft. */
  date: string;
  version: number;
  /** ISO3 → name in the document's language (falls back to the code). */
  stateNames: Record<string, string>;
}

export const stateName = (meta: DocumentMeta, iso3: string | null | undefined) => (iso3 ? (meta.stateNames[iso3] ?? iso3) : '');

const yesNo = (L: Labels, v: boolean | null) => (v === null ? null : v ? L.fields.yes : L.fields.no);
/** "from 2024-01-01 to 2024-06-30": our words around the drafter's dates, each date isolated. */
const range = (L: Labels, from: string | null, to: string | null): Mixed | null =>
  from || to ? [...(from ? [`${L.fields.from} `, v(from)] : []), ...(to ? [`${from ? ' ' : ''}${L.fields.to} `, v(to)] : [])] : null;

/** The request itself, in `lang`: fixed headings and labels translated, the drafter's text as written. */
export async function renderRequestDocx(c: DraftContent, meta: DocumentMeta, lang: Language): Promise<Buffer> {
  const L = LABELS[lang];
  const s = settingFor(lang);
  const w = new Writer(s, c.language);
  const F = L.fields;
  const personName = (id: string) => {
    const p = c.persons.find((x) => x.id === id);
    if (!p) return id;
    return p.kind === 'legal' ? p.organisationName : [p.name.family, p.name.given].filter(Boolean).join(', ');
  };

  w.title(L.docTitle[c.kind]);
  if (meta.status !== 'finalised') w.note(L.draftMark);
  w.table([
    [F.reference, meta.reference],
    [F.date, meta.date],
    [F.requestingState, stateName(meta, meta.requestingState), 'labels'],
    [F.requestedState, stateName(meta, c.requested.state), 'labels'],
    ...(c.channel ? [[F.channel, L.channels[c.channel], 'labels'] as const] : []),
    ...(c.requesting.caseReference ? [[F.caseReference, c.requesting.caseReference] as [string, string]] : []),
    ...(c.urgency.urgent || c.urgency.deadline ? [[F.urgent, c.urgency.deadline ? [`${F.deadline}: `, v(c.urgency.deadline)] : F.yes, 'labels'] as const] : []),
  ]);

  let n = 0;
  const section = (title: string) => w.heading(`${++n}. ${title}`);

  section(L.headings.requesting);
  w.field(F.name, c.requesting.authority.name);
  w.freeText(c.requesting.authority.functions, F.functions);
  w.freeText(c.requesting.authority.address, F.address);

  section(L.headings.requested);
  w.field(F.requestedState, stateName(meta, c.requested.state), 'labels');
  w.field(F.authority, c.requested.authorityName);

  section(L.headings.legalBasis);
  if (c.legalBasis.type) w.field(L.headings.legalBasis, L.legalBasis[c.legalBasis.type], 'labels');
  w.field(F.treaty, c.legalBasis.treatyName);
  w.field(F.article, c.legalBasis.treatyArticle);
  w.freeText(c.legalBasis.reciprocityAssurance, F.reciprocityAssurance);
  w.freeText(c.legalBasis.notes, F.notes);

  section(L.headings.proceedings);
  if (c.proceedings.type) w.field(F.proceedingType, L.proceedingTypes[c.proceedings.type], 'labels');
  w.field(F.conductingAuthority, c.proceedings.conductingAuthority.name);
  w.freeText(c.proceedings.conductingAuthority.functions, F.functions);
  w.field(F.caseNumber, c.proceedings.caseNumber);
  w.freeText(c.proceedings.subjectMatter, F.subjectMatter);
  w.freeText(c.proceedings.keyDates, F.keyDates);

  section(L.headings.offences);
  c.offences.forEach((o, i) => {
    if (o.name) w.heading(`${n}.${i + 1}. `, 2, o.name);
    else w.heading(`${n}.${i + 1}. ${F.offence}`, 2);
    w.field(F.legalProvision, o.legalProvision);
    w.field(F.maxPenalty, o.maxPenalty);
    w.field(F.period, range(L, o.dateFrom, o.dateTo));
    w.field(F.organizedCriminalGroup, yesNo(L, o.organizedCriminalGroup), 'labels');
    w.freeText(o.provisionText, F.provisionText);
  });

  section(L.headings.facts);
  w.freeText(c.facts.summary);

  section(L.headings.persons);
  c.persons.forEach((p, i) => {
    const role = p.role ? ` (${L.personRoles[p.role]})` : '';
    if (personName(p.id)) w.heading(`${n}.${i + 1}. `, 2, personName(p.id), role);
    else w.heading(`${n}.${i + 1}. ${F.person}${role}`, 2);
    if (p.kind === 'legal') w.field(F.organisation, p.organisationName);
    else {
      w.field(F.familyName, p.name.family);
      w.field(F.givenNames, p.name.given);
      w.field(F.otherNames, p.name.otherNames);
    }
    w.field(F.dateOfBirth, p.dateOfBirth);
    w.field(F.placeOfBirth, p.placeOfBirth);
    if (p.gender) w.field(F.gender, L.genders[p.gender], 'labels');
    w.field(F.nationality, p.nationalities.map((x) => stateName(meta, x)).join(', '), 'labels');
    w.field(F.identityDocuments, p.identityDocuments.map((d) => [d.type, d.number, d.issuedBy].filter(Boolean).join(' ')).join('; '));
    w.field(F.location, [p.location, stateName(meta, p.locationState)].filter(Boolean).join(', '));
    w.freeText(p.description, F.description);
    w.freeText(p.connection, F.connection);
  });

  section(L.headings.assistance);
  c.assistance.forEach((f, i) => {
    w.heading(`${n}.${i + 1}. ${L.measures[f.measure as keyof Labels['measures']] ?? f.measure}`, 2);
    w.freeText(f.description, F.assistanceSought);
    w.field(F.personsConcerned, f.personIds.map(personName).join('; '));
    formFields(w, L, meta, f);
    w.freeText(f.purpose, F.formPurpose);
  });

  section(L.headings.purpose);
  w.freeText(c.purpose);

  if (c.dualCriminality.statement.trim()) {
    section(L.headings.dualCriminality);
    w.freeText(c.dualCriminality.statement);
  }
  if (c.urgency.urgent || c.urgency.deadline || c.urgency.reason.trim()) {
    section(L.headings.urgency);
    w.field(F.deadline, c.urgency.deadline);
    w.freeText(c.urgency.reason, F.reason);
  }
  if (c.confidentiality.required) {
    section(L.headings.confidentiality);
    w.field(F.confidentialityRequired, F.yes, 'labels');
    w.freeText(c.confidentiality.reason, F.reason);
  }
  if (c.procedures.trim()) {
    section(L.headings.procedures);
    w.freeText(c.procedures);
  }
  if (c.useLimitations.trim()) {
    section(L.headings.useLimitations);
    w.freeText(c.useLimitations);
  }
  if (c.abbreviations.length > 0) {
    section(L.headings.abbreviations);
    w.table(c.abbreviations.map((a) => [[v(a.term)], a.meaning] as const));
  }
  if (c.attachments.length > 0) {
    section(L.headings.attachments);
    c.attachments.forEach((a, i) => {
      const bits = [a.kind ? L.attachmentKinds[a.kind] : null, a.pages !== null ? `${F.pages}: ${a.pages}` : null, a.translated ? F.translated : null].filter(Boolean);
      w.field(a.title ? [`${i + 1}. `, v(a.title)] : `${i + 1}. ${F.documents}`, bits.join(' — ') || null, 'labels');
      w.freeText(a.description);
    });
  }
  const contact = c.requesting.contact;
  if (contact.name || contact.email || contact.phone) {
    section(L.headings.contact);
    w.field(F.name, contact.name);
    w.field(F.position, contact.position);
    w.field(F.email, contact.email);
    w.field(F.phone, contact.phone);
    w.field(F.contactLanguages, contact.languages);
  }

  w.heading(L.headings.signature);
  w.field(F.placeAndDate, '……………………');
  w.field(F.signatureLine, '……………………');

  return pack(w, meta, L.docTitle[c.kind]);
}

export async function pack(w: Writer, meta: DocumentMeta, title: string): Promise<Buffer> {
  const doc = new Document({
    title: `${meta.reference} — ${title}`,
    creator: 'Palermo',
    styles: documentStyles(w.s),
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children: w.children }],
  });
  if (w.s.rtl) makeSectionsRightToLeft(doc);
  return Packer.toBuffer(doc);
}

function electronic(w: Writer, L: Labels, meta: DocumentMeta, e: ElectronicEvidence) {
  const F = L.fields;
  w.field(F.provider, [e.provider.name, stateName(meta, e.provider.state)].filter(Boolean).join(', '));
  w.field(F.technicalContact, e.provider.contact);
  e.identifiers.forEach((id) => {
    const type = id.type ? L.identifierTypes[id.type] : F.identifiers;
    w.field(type, [v(id.value), ...(id.port !== null ? [` (${F.port} `, v(String(id.port)), ')'] : [])]);
  });
  const r = e.dateRange;
  w.field(F.dateRange, range(L, r.from, r.to));
  w.field(F.timeZone, r.timeZone);
  if (e.emergency.isEmergency) {
    w.field(F.emergency, F.yes, 'labels');
    w.freeText(e.emergency.justification, F.justification);
  }
  w.field(F.preservationDays, e.preservationDays?.toString());
  w.field(F.interceptionDays, e.interceptionDays?.toString());
  if (e.nonDisclosure) w.field(F.nonDisclosure, F.yes, 'labels');
}

function property(w: Writer, L: Labels, items: PropertyItem[]) {
  const F = L.fields;
  items.forEach((p, i) => {
    w.field(`${F.property} ${i + 1}`, p.type ? L.propertyTypes[p.type] : '—', 'labels');
    w.freeText(p.description, F.description);
    w.field(F.identifiers, p.identifiers);
    w.field(F.location, p.location);
    if (p.estimatedValue.amount !== null) w.field(F.estimatedValue, `${p.estimatedValue.amount} ${p.estimatedValue.currency ?? ''}`.trim());
  });
}

function formFields(w: Writer, L: Labels, meta: DocumentMeta, f: AssistanceForm) {
  const F = L.fields;
  const yn = (v: boolean | null) => yesNo(L, v);
  if ('electronicEvidence' in f) electronic(w, L, meta, f.electronicEvidence);
  if ('property' in f) property(w, L, f.property);
  switch (f.measure) {
    case 'taking-evidence':
    case 'video-link-hearing':
      f.questions.forEach((q, i) => w.freeText(q, i === 0 ? F.questions : undefined));
      w.freeText(f.attendees, F.attendees);
      w.field(F.oath, yn(f.oathOrAffirmation), 'labels');
      if (f.measure === 'video-link-hearing') {
        w.field(F.proposedDates, f.proposedDates.join('; '));
        w.field(F.timeZone, f.timeZone);
        w.field(F.interpretation, f.interpretation);
        w.field(F.technicalContact, f.technicalContact);
      }
      break;
    case 'service-of-documents':
      f.documents.forEach((d, i) => w.field(`${F.documents} ${i + 1}`, [d.title, d.description].filter(Boolean).join(' — ')));
      w.freeText(f.addressForService, F.addressForService);
      w.field(F.proofOfService, yn(f.proofOfServiceRequired), 'labels');
      break;
    case 'search-and-seizure':
      w.freeText(f.places, F.places);
      w.freeText(f.itemsSought, F.itemsSought);
      break;
    case 'examining-objects-and-sites':
      w.freeText(f.objectsOrSites, F.objectsOrSites);
      break;
    case 'information-and-expert-evaluations':
      w.freeText(f.informationSought, F.informationSought);
      break;
    case 'bank-records':
      w.field(F.institution, f.institution);
      f.accounts.forEach((a) => w.field(F.accounts, [a.number, a.holder].filter(Boolean).join(' — ')));
      w.field(F.period, range(L, f.periodFrom, f.periodTo));
      w.freeText(f.recordsSought, F.recordsSought);
      w.field(F.certifiedCopies, yn(f.certifiedCopies), 'labels');
      break;
    case 'government-and-business-records':
      w.field(F.holder, f.holder);
      w.freeText(f.recordsSought, F.recordsSought);
      w.field(F.certifiedCopies, yn(f.certifiedCopies), 'labels');
      break;
    case 'identify-and-trace-proceeds':
      w.field(F.period, range(L, f.periodFrom, f.periodTo));
      break;
    case 'voluntary-appearance':
      w.field(F.where, f.where);
      w.field(F.when, f.when);
      w.field(F.expensesCovered, yn(f.expensesCovered), 'labels');
      w.field(F.safeConduct, yn(f.safeConduct), 'labels');
      break;
    case 'confiscation': {
      const o = f.order;
      if (o.basis) w.field(F.order, L.orderBasis[o.basis], 'labels');
      w.field(F.issuedBy, o.issuedBy);
      w.field(F.date, o.date);
      w.field(F.reference, o.reference);
      w.field(F.isFinal, yn(o.isFinal), 'labels');
      w.freeText(o.summary, F.summary);
      break;
    }
    case 'asset-sharing-and-return':
      if (f.proposal) w.field(F.proposal, L.proposals[f.proposal], 'labels');
      w.freeText(f.terms, F.terms);
      w.freeText(f.paymentDetails, F.paymentDetails);
      break;
    case 'extradition': {
      if (f.surrenderFor) w.field(F.surrenderFor, L.surrenderFor[f.surrenderFor], 'labels');
      const x = f.warrant;
      if (x.type) w.field(F.warrant, L.warrantTypes[x.type], 'labels');
      w.field(F.issuedBy, x.issuedBy);
      w.field(F.date, x.date);
      w.field(F.reference, x.reference);
      w.field(F.sentenceImposed, x.sentenceImposed);
      w.field(F.sentenceRemaining, x.sentenceRemaining);
      w.field(F.provisionalArrest, yn(f.provisionalArrestRequested), 'labels');
      w.freeText(f.assurances, F.assurances);
      w.freeText(f.statuteOfLimitations, F.statuteOfLimitations);
      break;
    }
    case 'transfer-of-proceedings':
      w.freeText(f.reasons, F.reasons);
      w.freeText(f.stageOfProceedings, F.stage);
      w.freeText(f.evidenceTransmitted, F.evidenceTransmitted);
      w.field(F.statuteOfLimitations, f.limitationPeriod);
      break;
    case 'joint-investigation':
      w.freeText(f.objective, F.objective);
      w.freeText(f.participatingAuthorities, F.participatingAuthorities);
      w.field(F.durationMonths, f.durationMonths?.toString());
      w.field(F.leadAuthority, f.leadAuthority);
      w.field(F.agreementBasis, f.agreementBasis);
      break;
    case 'controlled-delivery':
      w.freeText(f.consignment, F.consignment);
      w.freeText(f.route, F.route);
      w.field(F.expectedDates, f.expectedDates);
      break;
    case 'transfer-of-sentenced-persons':
      w.field(F.sentence, f.sentence);
      w.field(F.consentObtained, yn(f.consentObtained), 'labels');
      break;
    default:
      break;
  }
}
