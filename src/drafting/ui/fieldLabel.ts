import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftContent } from '../draft.schema.ts';
import { getAt, splitPath } from './paths.ts';

/**
 * Names a field of the draft for people ("Assistance 1: Subscriber data › Date-time range › Time zone"),
 * from the labels the wizard's inputs use, so a check or a change names the field as the form shows it.
 * Keys: "<parent>.<key>" where the key alone is ambiguous, else "<key>".
 */
const LABELS: Record<string, string> = {
  kind: 'route.kind',
  title: 'route.workingTitle',
  language: 'route.language',
  channel: 'route.channel',
  requesting: 'paths.requesting',
  'requesting.authority': 'paths.requestingAuthority',
  'authority.name': 'route.authorityName',
  'authority.functions': 'route.authorityFunctions',
  'authority.address': 'route.authorityAddress',
  'requesting.caseReference': 'route.caseReference',
  'requesting.contact': 'paths.contact',
  'contact.name': 'route.contactName',
  'contact.position': 'route.contactPosition',
  'contact.email': 'route.contactEmail',
  'contact.phone': 'route.contactPhone',
  'contact.languages': 'route.contactLanguages',
  requested: 'route.requestedLegend',
  'requested.state': 'route.requestedState',
  'requested.authorityName': 'route.requestedAuthority',
  'requested.authorityId': 'route.requestedAuthority',
  legalBasis: 'basis.legend',
  'legalBasis.type': 'basis.legend',
  treatyName: 'basis.treatyName',
  treatyArticle: 'basis.treatyArticle',
  reciprocityAssurance: 'basis.reciprocity',
  'legalBasis.notes': 'basis.notes',
  proceedings: 'proceedings.legend',
  'proceedings.type': 'proceedings.type',
  subjectMatter: 'proceedings.subjectMatter',
  conductingAuthority: 'proceedings.conductingName',
  'conductingAuthority.name': 'proceedings.conductingName',
  'conductingAuthority.functions': 'proceedings.conductingFunctions',
  caseNumber: 'proceedings.caseNumber',
  keyDates: 'proceedings.keyDates',
  offences: 'offences.legend',
  'offence.name': 'offences.name',
  legalProvision: 'offences.legalProvision',
  provisionText: 'offences.provisionText',
  maxPenalty: 'offences.maxPenalty',
  organizedCriminalGroup: 'offences.organizedCriminalGroup',
  transnational: 'offences.transnational',
  dateFrom: 'offences.dateFrom',
  dateTo: 'offences.dateTo',
  facts: 'facts.summary',
  'facts.summary': 'facts.summary',
  purpose: 'facts.purpose',
  'form.purpose': 'assistance.purpose',
  abbreviations: 'facts.abbreviations',
  term: 'facts.term',
  meaning: 'facts.meaning',
  persons: 'persons.legend',
  role: 'persons.role',
  'person.kind': 'persons.kind',
  'person.name': 'paths.personName',
  family: 'persons.family',
  given: 'persons.given',
  otherNames: 'persons.otherNames',
  organisationName: 'persons.organisationName',
  dateOfBirth: 'persons.dateOfBirth',
  placeOfBirth: 'persons.placeOfBirth',
  gender: 'persons.gender',
  nationalities: 'persons.nationalities',
  identityDocuments: 'persons.documents',
  'document.type': 'persons.documentType',
  'document.number': 'persons.documentNumber',
  'document.issuedBy': 'persons.documentIssuedBy',
  'person.location': 'persons.location',
  locationState: 'persons.locationState',
  'person.description': 'persons.description',
  connection: 'persons.connection',
  assistance: 'assistance.legend',
  'form.description': 'assistance.description',
  personIds: 'assistance.persons',
  questions: 'fields.questions',
  attendees: 'fields.attendees',
  oathOrAffirmation: 'fields.oath',
  proposedDates: 'fields.proposedDates',
  timeZone: 'fields.timeZone',
  interpretation: 'fields.interpretation',
  technicalContact: 'fields.technicalContact',
  documents: 'fields.documents',
  'serviceDocument.title': 'fields.documentTitle',
  'serviceDocument.description': 'fields.documentDescription',
  addressForService: 'fields.addressForService',
  proofOfServiceRequired: 'fields.proofOfServiceRequired',
  places: 'fields.places',
  itemsSought: 'fields.itemsSought',
  property: 'property.legend',
  'property.type': 'property.type',
  'property.description': 'property.description',
  'property.location': 'property.location',
  'property.identifiers': 'property.identifiers',
  estimatedValue: 'property.value',
  amount: 'property.value',
  currency: 'property.currency',
  holderPersonIds: 'property.holders',
  objectsOrSites: 'fields.objectsOrSites',
  informationSought: 'fields.informationSought',
  institution: 'fields.institution',
  accounts: 'fields.accounts',
  'account.holder': 'fields.accountHolder',
  'account.number': 'fields.accountNumber',
  'form.holder': 'fields.recordsHolder',
  periodFrom: 'fields.periodFrom',
  periodTo: 'fields.periodTo',
  recordsSought: 'fields.recordsSought',
  certifiedCopies: 'fields.certifiedCopies',
  where: 'fields.where',
  when: 'fields.when',
  expensesCovered: 'fields.expensesCovered',
  safeConduct: 'fields.safeConduct',
  electronicEvidence: 'paths.electronicEvidence',
  provider: 'ee.provider',
  'provider.name': 'ee.providerName',
  'provider.state': 'ee.providerState',
  'provider.contact': 'ee.providerContact',
  'electronicEvidence.identifiers': 'ee.identifiers',
  'identifier.type': 'ee.identifierType',
  'identifier.value': 'ee.identifierValue',
  port: 'ee.port',
  dateRange: 'ee.range',
  'dateRange.from': 'ee.from',
  'dateRange.to': 'ee.to',
  emergency: 'ee.emergency',
  isEmergency: 'ee.isEmergency',
  justification: 'ee.justification',
  preservationDays: 'ee.preservationDays',
  interceptionDays: 'ee.interceptionDays',
  nonDisclosure: 'ee.nonDisclosure',
  order: 'fields.order',
  'order.basis': 'fields.orderBasis',
  'order.issuedBy': 'fields.orderIssuedBy',
  'order.date': 'fields.orderDate',
  'order.reference': 'fields.orderReference',
  'order.isFinal': 'fields.orderIsFinal',
  'order.summary': 'fields.orderSummary',
  proposal: 'fields.proposal',
  terms: 'fields.terms',
  paymentDetails: 'fields.paymentDetails',
  surrenderFor: 'fields.surrenderFor',
  warrant: 'fields.warrant',
  'warrant.type': 'fields.warrantType',
  'warrant.issuedBy': 'fields.warrantIssuedBy',
  'warrant.date': 'fields.warrantDate',
  'warrant.reference': 'fields.warrantReference',
  sentenceImposed: 'fields.sentenceImposed',
  sentenceRemaining: 'fields.sentenceRemaining',
  provisionalArrestRequested: 'fields.provisionalArrest',
  assurances: 'fields.assurances',
  statuteOfLimitations: 'fields.statuteOfLimitations',
  reasons: 'fields.transferReasons',
  stageOfProceedings: 'fields.stageOfProceedings',
  evidenceTransmitted: 'fields.evidenceTransmitted',
  limitationPeriod: 'fields.limitationPeriod',
  objective: 'fields.jitObjective',
  participatingAuthorities: 'fields.jitParticipants',
  durationMonths: 'fields.jitDuration',
  leadAuthority: 'fields.jitLead',
  agreementBasis: 'fields.jitAgreement',
  consignment: 'fields.consignment',
  'form.route': 'fields.deliveryRoute',
  expectedDates: 'fields.expectedDates',
  sentence: 'fields.sentence',
  consentObtained: 'fields.consentObtained',
  dualCriminality: 'assistance.dualCriminality',
  'dualCriminality.statement': 'assistance.dualCriminality',
  urgency: 'conditions.urgency',
  urgent: 'conditions.urgent',
  deadline: 'conditions.deadline',
  'urgency.reason': 'conditions.urgencyReason',
  confidentiality: 'conditions.confidentiality',
  'confidentiality.required': 'conditions.confidential',
  'confidentiality.reason': 'conditions.confidentialityReason',
  procedures: 'conditions.procedures',
  useLimitations: 'conditions.useLimitations',
  attachments: 'attachments.legend',
  'attachment.kind': 'attachments.kind',
  'attachment.title': 'attachments.title',
  'attachment.description': 'attachments.description',
  'attachment.pages': 'attachments.pages',
  'attachment.translated': 'attachments.translated',
};

/** What an item of each list is called, for "<parent>.<key>" look-ups and for "Person 2". */
const ITEM_OF: Record<string, string> = {
  offences: 'offence',
  persons: 'person',
  identityDocuments: 'document',
  assistance: 'form',
  documents: 'serviceDocument',
  property: 'property',
  accounts: 'account',
  identifiers: 'identifier',
  attachments: 'attachment',
  abbreviations: 'abbreviation',
};

function label(t: TFunction, key: string | undefined, fallback: string): string {
  return key ? t(`drafting.${key}`) : fallback;
}

/** The field's name, parts joined by " › ". */
export function describePath(t: TFunction, path: string, content?: DraftContent | null): string {
  const keys = splitPath(path);
  const parts: string[] = [];
  let parent = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (/^\d+$/.test(k)) {
      const list = keys[i - 1] ?? '';
      const n = Number(k) + 1;
      const item = content ? getAt(content, keys.slice(0, i + 1).join('.')) : undefined;
      const listLabel = parts.pop() ?? list;
      if (list === 'assistance' && item && typeof item === 'object' && 'measure' in item) {
        parts.push(t('drafting.assistance.item', { n, measure: t(`drafting.measures.${(item as { measure: string }).measure}`) }));
      } else if (list === 'persons') parts.push(t('drafting.persons.item', { n }));
      else if (list === 'offences') parts.push(t('drafting.offences.item', { n }));
      else parts.push(`${listLabel} ${n}`);
      parent = ITEM_OF[list] ?? list;
      continue;
    }
    const key = LABELS[`${parent}.${k}`] ?? LABELS[`${keys[i - 1] ?? ''}.${k}`] ?? LABELS[k];
    const text = label(t, key, k);
    // "Summary of the facts › Summary of the facts": a group named like its only field says it once
    if (parts[parts.length - 1] !== text) parts.push(text);
    parent = k;
  }
  return parts.join(' › ');
}

export function usePathLabel(content?: DraftContent | null) {
  const { t } = useTranslation();
  return useCallback((path: string) => describePath(t, path, content), [t, content]);
}
