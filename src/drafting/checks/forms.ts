import { blank, finding, type CheckContext, type CheckResult } from './types.ts';
import type { AssistanceForm, ElectronicEvidence, PropertyItem } from '../draft.schema.ts';

/**
 * What each form of assistance needs beyond art. 18(15): electronic evidence (provider, identifiers,
 * a date-time range with its time zone, emergency justification), asset recovery (arts. 13–14: property,
 * its location and value, the order), extradition (art. 16: warrant or judgement, the law, the person's
 * description), and the specific fields of the other forms.
 */
export const FORM_CHECK_IDS = [
  'forms.e-evidence-provider', 'forms.e-evidence-identifier', 'forms.e-evidence-ip-port', 'forms.e-evidence-date-range',
  'forms.e-evidence-time-zone', 'forms.e-evidence-emergency', 'forms.e-evidence-preservation-period', 'forms.e-evidence-real-time-duration',
  'forms.property', 'forms.property-location', 'forms.property-value', 'forms.confiscation-order', 'forms.asset-sharing-proposal',
  'forms.extradition-warrant', 'forms.extradition-person', 'forms.extradition-law-text', 'forms.service-documents', 'forms.bank-records',
  'forms.search-places', 'forms.video-link-time-zone', 'forms.transfer-reasons', 'forms.joint-investigation',
] as const;

/** Data tied to a moment: the provider needs the exact time window (and zone) to find it. */
const RANGE_REQUIRED = new Set(['e-evidence-traffic', 'e-evidence-content', 'e-evidence-real-time-traffic']);

function electronic(i: number, measure: string, e: ElectronicEvidence): CheckResult[] {
  const out: CheckResult[] = [];
  const base = `$.assistance[${i}].electronicEvidence`;
  if (blank(e.provider.name)) {
    out.push(finding('forms.e-evidence-provider', 'error', `${base}.provider.name`, 'The service provider holding the data is not named.', 'Name the service provider (and its State, if known).', { measure }));
  }
  if (e.identifiers.length === 0) {
    out.push(finding('forms.e-evidence-identifier', 'error', `${base}.identifiers`, 'No account, e-mail, IP address or phone number identifies the data.', 'Add at least one identifier with its type and value.', { measure }));
  }
  e.identifiers.forEach((id, j) => {
    if (!id.type || blank(id.value)) {
      out.push(finding('forms.e-evidence-identifier', 'error', `${base}.identifiers[${j}]${id.type ? '.value' : '.type'}`, 'An identifier lacks its type or value.', 'Give both the type (account, e-mail, IP address …) and the exact value.', { measure }));
    }
    if (id.type === 'ip-address' && id.port === null) {
      out.push(finding('forms.e-evidence-ip-port', 'warning', `${base}.identifiers[${j}].port`, 'An IP address is given without its source port.', 'Add the source port: behind shared (NAT) addresses the provider cannot tell users apart without it.', { measure }));
    }
  });
  const hasIp = e.identifiers.some((id) => id.type === 'ip-address');
  const needsRange = RANGE_REQUIRED.has(measure) || (measure === 'e-evidence-subscriber' && hasIp);
  const r = e.dateRange;
  if (needsRange && (!r.from || !r.to)) {
    out.push(finding('forms.e-evidence-date-range', 'error', `${base}.dateRange.${r.from ? 'to' : 'from'}`, hasIp && measure === 'e-evidence-subscriber' ? 'An IP address identifies a subscriber only at a given time, and no date-time range is given.' : 'The date-time range of the data sought is missing.', 'Give the start and end date-time of the data sought.', { measure }));
  }
  if (r.from && r.to && r.from > r.to) {
    out.push(finding('forms.e-evidence-date-range', 'error', `${base}.dateRange.to`, 'The range ends before it starts.', 'Correct the start or end date-time.', { measure }));
  }
  if ((r.from || r.to || needsRange) && !r.timeZone) {
    out.push(finding('forms.e-evidence-time-zone', 'error', `${base}.dateRange.timeZone`, 'The time zone of the date-time range is missing.', 'Give the time zone (e.g. UTC or Europe/Paris): providers log in UTC, and an hour off finds another user.', { measure }));
  }
  if (e.emergency.isEmergency && blank(e.emergency.justification)) {
    out.push(finding('forms.e-evidence-emergency', 'error', `${base}.emergency.justification`, 'Emergency disclosure is asked without a justification.', 'Describe the imminent risk to life or of serious harm.', { measure }));
  }
  if (measure === 'e-evidence-preservation' && e.preservationDays === null) {
    out.push(finding('forms.e-evidence-preservation-period', 'warning', `${base}.preservationDays`, 'The preservation period is not given.', 'Say for how many days the data should be kept pending the formal request (often 90).', { measure }));
  }
  if (measure === 'e-evidence-real-time-traffic' && e.interceptionDays === null) {
    out.push(finding('forms.e-evidence-real-time-duration', 'error', `${base}.interceptionDays`, 'The duration of real-time collection is missing.', 'Say for how many days traffic data should be collected.', { measure }));
  }
  return out;
}

function property(i: number, f: AssistanceForm & { property: PropertyItem[] }): CheckResult[] {
  const out: CheckResult[] = [];
  const base = `$.assistance[${i}].property`;
  const measure = f.measure;
  if (f.property.length === 0) {
    out.push(finding('forms.property', 'error', base, 'No property is described.', 'Add the property concerned: what it is, where it is, and its value if known.', { measure }));
  }
  f.property.forEach((p, j) => {
    if (blank(p.description)) {
      out.push(finding('forms.property', 'error', `${base}[${j}].description`, 'A property item has no description.', 'Describe the property (type, identifiers such as IBAN or land register entry).', { measure }));
    }
    if (blank(p.location)) {
      const severity = measure === 'identify-and-trace-proceeds' ? 'warning' : 'error';
      out.push(finding('forms.property-location', severity, `${base}[${j}].location`, 'The location of a property item is missing.', 'Say where the property is (bank and branch, address, registry).', { measure }));
    }
    if (measure === 'confiscation' && p.estimatedValue.amount === null) {
      out.push(finding('forms.property-value', 'warning', `${base}[${j}].estimatedValue.amount`, 'The estimated value of a property item is missing.', 'Give an estimated value and its currency.', { measure }));
    }
  });
  return out;
}

export function formChecks(ctx: CheckContext): CheckResult[] {
  const c = ctx.content;
  const out: CheckResult[] = [];
  c.assistance.forEach((f, i) => {
    const at = `$.assistance[${i}]`;
    if ('electronicEvidence' in f) out.push(...electronic(i, f.measure, f.electronicEvidence));
    if ('property' in f) out.push(...property(i, f));
    switch (f.measure) {
      case 'confiscation': {
        const o = f.order;
        if (!o.basis) {
          out.push(finding('forms.confiscation-order', 'error', `${at}.order.basis`, 'It is not said whether an order is to be enforced or obtained (art. 13(1)).', 'Choose "enforce an existing order" or "obtain an order".', { measure: f.measure }));
        } else if (o.basis === 'enforce-existing-order' && (blank(o.issuedBy) || !o.date)) {
          out.push(finding('forms.confiscation-order', 'error', `${at}.order.${blank(o.issuedBy) ? 'issuedBy' : 'date'}`, 'The confiscation order to enforce is not identified.', 'Give the court that issued it, its date and reference, and attach a copy.', { measure: f.measure }));
        }
        break;
      }
      case 'asset-sharing-and-return':
        if (!f.proposal) out.push(finding('forms.asset-sharing-proposal', 'error', `${at}.proposal`, 'What should happen to the confiscated assets is not said (art. 14).', 'Choose return to victims or owners, or sharing, and describe the terms.', { measure: f.measure }));
        break;
      case 'extradition': {
        const w = f.warrant;
        if (!w.type || blank(w.issuedBy) || !w.date) {
          const field = !w.type ? 'type' : blank(w.issuedBy) ? 'issuedBy' : 'date';
          out.push(finding('forms.extradition-warrant', 'error', `${at}.warrant.${field}`, 'The arrest warrant or judgement is not identified (art. 16).', 'Give its type, the issuing authority and date, and attach a copy.', { measure: f.measure }));
        }
        for (const pid of f.personIds) {
          const k = c.persons.findIndex((p) => p.id === pid);
          const p = c.persons[k];
          if (p && (blank(p.description) || !p.dateOfBirth || p.nationalities.length === 0)) {
            const field = blank(p.description) ? 'description' : !p.dateOfBirth ? 'dateOfBirth' : 'nationalities';
            out.push(finding('forms.extradition-person', 'error', `$.persons[${k}].${field}`, 'The person sought is not fully identified: description, date of birth and nationality are needed.', 'Complete the identity and physical description of the person sought.'));
          }
        }
        c.offences.forEach((o, k) => {
          if (blank(o.provisionText)) out.push(finding('forms.extradition-law-text', 'error', `$.offences[${k}].provisionText`, 'The text of the law defining the offence is missing.', 'Quote the provision (an extradition request carries the wording of the law).'));
        });
        break;
      }
      case 'service-of-documents':
        if (f.documents.length === 0) out.push(finding('forms.service-documents', 'error', `${at}.documents`, 'No document to serve is listed.', 'List each document to be served and attach it.', { measure: f.measure }));
        break;
      case 'bank-records':
        if (blank(f.institution) && f.accounts.length === 0) out.push(finding('forms.bank-records', 'error', `${at}.institution`, 'Neither the bank nor an account is identified.', 'Give the bank and, if known, the account holder and number (IBAN).', { measure: f.measure }));
        break;
      case 'search-and-seizure':
        if (blank(f.places) || blank(f.itemsSought)) out.push(finding('forms.search-places', 'error', `${at}.${blank(f.places) ? 'places' : 'itemsSought'}`, 'The place to search or the items sought are not described.', 'Give the exact address of the place and describe what is to be seized.', { measure: f.measure }));
        break;
      case 'video-link-hearing':
        if (f.proposedDates.length > 0 && !f.timeZone) out.push(finding('forms.video-link-time-zone', 'error', `${at}.timeZone`, 'Dates are proposed for the hearing without a time zone.', 'Give the time zone of the proposed dates.', { measure: f.measure }));
        break;
      case 'transfer-of-proceedings':
        if (blank(f.reasons)) out.push(finding('forms.transfer-reasons', 'error', `${at}.reasons`, 'The reasons for transferring the proceedings are missing (art. 21).', 'Explain why the requested State is better placed to prosecute.', { measure: f.measure }));
        break;
      case 'joint-investigation':
        if (blank(f.objective) || blank(f.participatingAuthorities)) out.push(finding('forms.joint-investigation', 'error', `${at}.${blank(f.objective) ? 'objective' : 'participatingAuthorities'}`, 'The objective or the participating authorities of the joint investigation are missing (art. 19).', 'Describe the objective and name the authorities that would take part.', { measure: f.measure }));
        break;
      default:
        break;
    }
  });
  return out;
}
