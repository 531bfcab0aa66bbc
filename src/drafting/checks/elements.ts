import { measureByCode } from '../../reference/measures.ts';
import { blank, finding, type CheckContext, type CheckResult } from './types.ts';

/**
 * What every request must contain (UNTOC art. 18(15)(a)–(f)), plus the offences, persons and urgency
 * the rest of the request relies on. Facts (18(15)(c)) are not needed when only service of documents is asked.
 */
export const ELEMENT_CHECK_IDS = [
  'elements.requested-state', 'elements.requesting-authority', 'elements.proceedings-subject', 'elements.conducting-authority',
  'elements.facts', 'elements.assistance', 'elements.assistance-kind', 'elements.assistance-description', 'elements.purpose',
  'elements.offences', 'elements.offence-details', 'elements.offence-penalty', 'elements.person-identity', 'elements.person-details',
  'elements.form-persons', 'elements.person-reference', 'elements.urgency-reason', 'elements.urgency-deadline', 'elements.confidentiality-reason',
] as const;

/** Forms that are about a particular person: they name who (art. 18(15)(e)). */
const PERSON_FORMS = new Set(['taking-evidence', 'video-link-hearing', 'service-of-documents', 'voluntary-appearance', 'extradition', 'transfer-of-sentenced-persons']);

export function elementChecks(ctx: CheckContext): CheckResult[] {
  const c = ctx.content;
  const out: CheckResult[] = [];

  if (!c.requested.state) {
    out.push(finding('elements.requested-state', 'error', '$.requested.state', 'No requested State is chosen.', 'Choose the State the request is addressed to.'));
  } else if (c.requested.state === ctx.requestingState) {
    out.push(finding('elements.requested-state', 'error', '$.requested.state', 'The requested State is the requesting State.', 'Choose the foreign State the request is addressed to.', { state: c.requested.state }));
  }
  if (blank(c.requesting.authority.name)) {
    out.push(finding('elements.requesting-authority', 'error', '$.requesting.authority.name', 'The authority making the request is not named (art. 18(15)(a)).', 'Give the name of the requesting authority.'));
  }
  if (blank(c.proceedings.subjectMatter)) {
    out.push(finding('elements.proceedings-subject', 'error', '$.proceedings.subjectMatter', 'The subject matter and nature of the investigation, prosecution or proceedings are missing (art. 18(15)(b)).', 'Describe what the proceedings are about and at what stage they are.'));
  }
  if (blank(c.proceedings.conductingAuthority.name) || blank(c.proceedings.conductingAuthority.functions)) {
    const path = blank(c.proceedings.conductingAuthority.name) ? '$.proceedings.conductingAuthority.name' : '$.proceedings.conductingAuthority.functions';
    out.push(finding('elements.conducting-authority', 'error', path, 'The name and functions of the authority conducting the proceedings are missing (art. 18(15)(b)).', 'Name the authority conducting the proceedings and say what its functions are.'));
  }

  const onlyService = c.assistance.length > 0 && c.assistance.every((f) => f.measure === 'service-of-documents');
  if (!onlyService && blank(c.facts.summary)) {
    out.push(finding('elements.facts', 'error', '$.facts.summary', 'The summary of the relevant facts is missing (art. 18(15)(c)).', 'Summarise the facts: who did what, when, where, and how it links to the assistance sought.'));
  }

  if (c.assistance.length === 0) {
    out.push(finding('elements.assistance', 'error', '$.assistance', 'No form of assistance is chosen (art. 18(15)(d)).', 'Add at least one form of assistance.'));
  }
  const personIds = new Set(c.persons.map((p) => p.id));
  c.assistance.forEach((f, i) => {
    const m = measureByCode(f.measure);
    if (m && !m.kinds.includes(c.kind)) {
      out.push(finding('elements.assistance-kind', 'error', `$.assistance[${i}].measure`, `"${f.measure}" is not part of a ${c.kind} request.`, 'Remove this form, or change the kind of request.', { measure: f.measure, kind: c.kind }));
    }
    if (blank(f.description)) {
      out.push(finding('elements.assistance-description', 'error', `$.assistance[${i}].description`, 'The assistance sought is not described (art. 18(15)(d)).', 'Say exactly what the requested State is asked to do.', { measure: f.measure }));
    }
    if (PERSON_FORMS.has(f.measure) && f.personIds.length === 0) {
      out.push(finding('elements.form-persons', 'error', `$.assistance[${i}].personIds`, 'This form of assistance concerns a person, but none is named.', 'Add the person in the persons step and select them here.', { measure: f.measure }));
    }
    f.personIds.forEach((pid, j) => {
      if (!personIds.has(pid)) {
        out.push(finding('elements.person-reference', 'error', `$.assistance[${i}].personIds[${j}]`, 'This form refers to a person who is not in the list of persons.', 'Select a person from the list, or add them again.', { measure: f.measure }));
      }
    });
  });
  if (blank(c.purpose) && (c.assistance.length === 0 || c.assistance.some((f) => blank(f.purpose)))) {
    out.push(finding('elements.purpose', 'error', '$.purpose', 'The purpose for which the evidence, information or action is sought is missing (art. 18(15)(f)).', 'State why the assistance is needed, for the whole request or for each form.'));
  }

  if (c.offences.length === 0) {
    out.push(finding('elements.offences', 'error', '$.offences', 'No offence is given.', 'Add the offence(s) under investigation or prosecution.'));
  }
  c.offences.forEach((o, i) => {
    if (blank(o.name) || blank(o.legalProvision)) {
      const path = blank(o.name) ? `$.offences[${i}].name` : `$.offences[${i}].legalProvision`;
      out.push(finding('elements.offence-details', 'error', path, 'An offence lacks its name or the law that defines it.', 'Give the offence and the provision of law (law and article).'));
    }
    if (blank(o.maxPenalty)) {
      const severity = c.kind === 'extradition' ? 'error' : 'warning';
      out.push(finding('elements.offence-penalty', severity, `$.offences[${i}].maxPenalty`, 'The maximum penalty for the offence is not given.', 'Give the maximum penalty (it shows the seriousness of the offence; extradition depends on it).'));
    }
  });

  c.persons.forEach((p, i) => {
    const named = p.kind === 'legal' ? !blank(p.organisationName) : !blank(p.name.family) || !blank(p.name.given);
    if (!named && blank(p.description)) {
      out.push(finding('elements.person-identity', 'error', p.kind === 'legal' ? `$.persons[${i}].organisationName` : `$.persons[${i}].name.family`, 'A person has neither a name nor a description.', 'Give the name, or describe the person if the name is unknown.'));
    }
    if (p.kind === 'natural' && (p.nationalities.length === 0 || blank(p.location))) {
      const path = p.nationalities.length === 0 ? `$.persons[${i}].nationalities` : `$.persons[${i}].location`;
      out.push(finding('elements.person-details', 'warning', path, 'The nationality or location of a person is not given (art. 18(15)(e): where possible).', 'Add the nationality and where the person is believed to be, if known.'));
    }
  });

  const u = c.urgency;
  if ((u.urgent || u.deadline) && blank(u.reason)) {
    out.push(finding('elements.urgency-reason', 'error', '$.urgency.reason', 'The request is urgent or has a deadline, but no reason is given (art. 18(24)).', 'Explain why it is urgent (custody, trial date, data retention …).'));
  }
  if (u.deadline && u.deadline < ctx.today) {
    out.push(finding('elements.urgency-deadline', 'warning', '$.urgency.deadline', 'The deadline has already passed.', 'Set a realistic future deadline, or remove it.', { deadline: u.deadline }));
  }
  if (c.confidentiality.required && blank(c.confidentiality.reason)) {
    out.push(finding('elements.confidentiality-reason', 'warning', '$.confidentiality.reason', 'Confidentiality is asked for without saying why (art. 18(20)).', 'Say why the request and its contents must stay confidential.'));
  }
  return out;
}
