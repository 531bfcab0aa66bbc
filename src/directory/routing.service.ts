import type { Actor } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db/database.ts';
import { NotFoundError, ValidationError } from '../platform/http/errors.ts';
import type { Language } from '../platform/i18n/languages.ts';
import { getState, partyStatusFor } from '../reference/reference.service.ts';
import { canSeeContacts } from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import { measureByCode, REQUEST_KINDS, type Channel, type RequestKind } from '../reference/measures.ts';
import type { PartyStatusValue, RouteAddressee, RouteAnswer, RouteAuthority, RouteQuery } from './routing.types.ts';

/** "Who do I send this to?" — see routing.types.ts. Anything not recorded is null and named in `unknown`. */

const STATUS: Record<string, PartyStatusValue> = { party: 'party', signatory: 'signatory', none: 'not_party', unknown: 'unknown' };

/** The central authority's function that handles a kind of request; confiscation falls back to the MLA one. */
const FUNCTION_FOR: Record<RequestKind, string[]> = { mla: ['mla'], extradition: ['extradition'], confiscation: ['confiscation', 'mla'] };

const FLAGS = ['available24x7', 'directTransmission', 'encryptionRequired', 'eSignatureRequired', 'interpolForUrgent'] as const;

export async function routeRequest(db: Db, actor: Actor, q: RouteQuery, opts: { lang?: Language } = {}): Promise<RouteAnswer> {
  const query: RouteQuery = { from: q.from.toUpperCase(), to: q.to.toUpperCase(), kind: q.kind, ...(q.measure ? { measure: q.measure } : {}) };
  if (!REQUEST_KINDS.includes(query.kind)) {
    throw new ValidationError(`Unknown kind "${String(q.kind)}"`, [{ path: 'querystring.kind', message: `one of ${REQUEST_KINDS.join(', ')}` }]);
  }
  if (query.measure && !measureByCode(query.measure)) {
    throw new ValidationError(`Unknown measure "${query.measure}"`, [{ path: 'querystring.measure', message: 'a measure code such as bank-records' }]);
  }
  const lang = opts.lang ?? 'en';
  const [requesting, requested] = await Promise.all([
    getState(db, query.from, lang).catch(() => null),
    getState(db, query.to, lang).catch(() => null),
  ]);
  if (!requesting) throw new NotFoundError(`No State with code ${query.from}`);
  if (!requested) throw new NotFoundError(`No State with code ${query.to}`);

  const unknown: string[] = [];
  const statuses = await partyStatusFor(db, [query.from, query.to], 'UNTOC');
  const fromStatus = STATUS[statuses.get(query.from) ?? 'unknown']!;
  const toStatus = STATUS[statuses.get(query.to) ?? 'unknown']!;
  if (fromStatus === 'unknown') unknown.push('party-status:requesting');
  if (toStatus === 'unknown') unknown.push('party-status:requested');

  // The authority: a central authority with the kind's function, the most recently verified first.
  let authorityRow: repo.Row | undefined;
  for (const fn of FUNCTION_FOR[query.kind]) {
    const rows = await repo.listAuthorities(db, { iso3: query.to, category: 'central-authority', fn });
    authorityRow = rows.sort((a, b) => (b.last_verified ?? '').localeCompare(a.last_verified ?? ''))[0];
    if (authorityRow) break;
  }
  if (!authorityRow) unknown.push('authority');

  // Languages: the directory entry, else the State's art. 18(14) notification.
  const notifications = await repo.listNotifications(db, { iso3: query.to });
  const current = (type: string) => notifications.find((n) => n.type === type && !n.withdrawn_on);
  let languages = (authorityRow?.languages as string[] | null | undefined) ?? null;
  let languagesSource: 'directory' | 'art18-14' | null = languages ? 'directory' : null;
  if (!languages) {
    const n18 = current('art18-14');
    languages = (n18?.languages as string[] | null | undefined) ?? null;
    if (languages) languagesSource = 'art18-14';
  }
  if (!languages) unknown.push('languages');
  const channels = (authorityRow?.channels as Channel[] | null | undefined) ?? null;
  if (authorityRow && !channels) unknown.push('channels');
  else if (!authorityRow) unknown.push('channels');

  // Legal basis: both must be parties; for extradition the requested State must also have said yes (art. 16(5)(a)).
  let legalBasis: RouteAnswer['legalBasis'];
  const n16 = current('art16-5-a');
  const notParty = (s: PartyStatusValue) => s === 'not_party' || s === 'signatory';
  if (notParty(fromStatus) || notParty(toStatus)) {
    const who = [notParty(fromStatus) ? `${query.from} (${fromStatus})` : null, notParty(toStatus) ? `${query.to} (${toStatus})` : null].filter(Boolean).join(' and ');
    legalBasis = { convention: false, code: 'not-both-parties', explanation: `The Convention applies only between States parties; ${who} is not a party.` };
  } else if (fromStatus === 'unknown' || toStatus === 'unknown') {
    const who = [fromStatus === 'unknown' ? query.from : null, toStatus === 'unknown' ? query.to : null].filter(Boolean).join(' and ');
    legalBasis = { convention: null, code: 'status-unknown', explanation: `The party status of ${who} to the Convention is not loaded: it is not known whether the Convention applies (this does not mean it does not).` };
  } else if (query.kind !== 'extradition') {
    legalBasis = { convention: true, code: 'both-parties', explanation: `Both ${query.from} and ${query.to} are parties to the Convention; it can serve as the legal basis (art. ${query.kind === 'confiscation' ? '13' : '18'}).` };
  } else if (n16?.extradition_basis === 'yes') {
    legalBasis = { convention: true, code: 'extradition-notified-yes', explanation: `Both are parties and ${query.to} notified under art. 16(5)(a) that it takes the Convention as the legal basis for extradition.` };
  } else if (n16?.extradition_basis === 'no') {
    legalBasis = { convention: false, code: 'extradition-notified-no', explanation: `${query.to} notified under art. 16(5)(a) that it does not take the Convention as the legal basis for extradition: a treaty or its domestic law is needed.` };
  } else {
    unknown.push('extradition-notification');
    legalBasis = { convention: null, code: 'extradition-not-notified', explanation: `Both are parties, but no art. 16(5)(a) notification of ${query.to} is recorded: whether it takes the Convention as the legal basis for extradition is not known.` };
  }

  let measure: RouteAnswer['measure'] = null;
  let measureRow: repo.Row | undefined;
  if (query.measure) {
    const m = (measureRow = await repo.findMeasure(db, query.to, query.measure));
    if (!m) unknown.push(`measure:${query.measure}`);
    else {
      measure = {
        code: query.measure,
        available: (m.available as 'yes' | 'no' | 'partly' | null) ?? null,
        legalFramework: (m.legal_framework as string | null) ?? null,
        receivingAuthority: (m.receiving_authority as string | null) ?? null,
        languages: (m.languages as string[] | null) ?? null,
        usualExecutionDays: (m.usual_execution_days as number | null) ?? null,
        specialRequirements: (m.special_requirements as string | null) ?? null,
        alternatives: (m.alternatives as string | null) ?? null,
        dualCriminality: (m.dual_criminality as 'required' | 'not-required' | 'coercive-only' | null) ?? null,
      };
    }
  }

  let authority: RouteAnswer['authority'] = null;
  if (authorityRow) {
    const a = repo.rowFields(authorityRow) as Record<string, unknown>;
    for (const f of FLAGS) if (a[f] === null || a[f] === undefined) unknown.push(`authority.${f}`);
    authority = {
      id: authorityRow.id,
      name: String(a.name),
      contacts: contactsOf(actor, authorityRow),
      available24x7: (a.available24x7 as boolean | null) ?? null,
      directTransmission: (a.directTransmission as boolean | null) ?? null,
      encryptionRequired: (a.encryptionRequired as boolean | null) ?? null,
      eSignatureRequired: (a.eSignatureRequired as boolean | null) ?? null,
      interpolForUrgent: (a.interpolForUrgent as boolean | null) ?? null,
      lastVerified: authorityRow.last_verified,
    };
  }

  const addressee = await addresseeFor(db, actor, measureRow, authority);

  return {
    query,
    addressee,
    requesting: { iso3: requesting.iso3, name: requesting.name, untoc: fromStatus },
    requested: { iso3: requested.iso3, name: requested.name, untoc: toStatus },
    authority,
    languages,
    languagesSource,
    channels,
    legalBasis,
    extraditionNotification: n16
      ? { basis: n16.extradition_basis as 'yes' | 'no', madeOn: (n16.made_on as string | null) ?? null, text: String(n16.text) }
      : null,
    measure,
    requirements: (authorityRow?.requirements as string[] | undefined) ?? [],
    unknown,
  };
}

function contactsOf(actor: Actor, row: repo.Row): RouteAuthority['contacts'] {
  if (!canSeeContacts(actor)) return null;
  const a = repo.rowFields(row) as Record<string, unknown>;
  return {
    email: (a.email as string | null) ?? null,
    phone: (a.phone as string | null) ?? null,
    postalAddress: (a.postalAddress as string | null) ?? null,
    website: (a.website as string | null) ?? null,
  };
}

/**
 * Whom to address: the measure record's receiving authority (its directory entry, else its name as recorded),
 * else the central authority. When that is another body, the central authority stays as `via`.
 */
async function addresseeFor(db: Db, actor: Actor, measureRow: repo.Row | undefined, central: RouteAuthority | null): Promise<RouteAddressee | null> {
  const fromCentral = (): RouteAddressee | null =>
    central && { id: central.id, name: central.name, source: 'central-authority', contacts: central.contacts, available24x7: central.available24x7, via: null };
  if (!measureRow) return fromCentral();
  const linkedId = measureRow.receiving_authority_id as string | null;
  const named = ((measureRow.receiving_authority as string | null) ?? '').trim();
  if (central && (linkedId === central.id || (!linkedId && named === central.name))) return { ...fromCentral()!, source: 'measure' };
  const via = central && { id: central.id, name: central.name };
  const linked = linkedId ? await repo.find(db, 'authority', linkedId) : undefined;
  if (linked && !linked.retired_at) {
    return { id: linked.id, name: String(linked.name), source: 'measure', contacts: contactsOf(actor, linked), available24x7: (linked.available_24x7 as boolean | null) ?? null, via };
  }
  if (named) return { id: null, name: named, source: 'measure', contacts: null, available24x7: null, via };
  return fromCentral();
}
