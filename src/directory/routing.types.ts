import type { Channel, RequestKind } from '../reference/measures.ts';

/**
 * "Who do I send this to?" — the directory's answer for one requesting State, one requested State, one
 * kind of request and optionally one measure. The request writer's checks read exactly this.
 * Anything the directory does not know is null (never guessed) and named in `unknown`.
 */
export interface RouteQuery {
  from: string; // ISO3
  to: string; // ISO3
  kind: RequestKind;
  measure?: string; // a MEASURES code
}

export type PartyStatusValue = 'party' | 'signatory' | 'not_party' | 'unknown';

export interface RouteAuthority {
  id: string;
  name: string;
  /** Contact details only for callers who may see them (logged-in practitioners, officers, …); else null. */
  contacts: { email: string | null; phone: string | null; postalAddress: string | null; website: string | null } | null;
  available24x7: boolean | null;
  directTransmission: boolean | null;
  encryptionRequired: boolean | null;
  eSignatureRequired: boolean | null;
  interpolForUrgent: boolean | null;
  lastVerified: string | null; // ISO date
}

/**
 * The body the request is addressed to. For a measure whose record names its own receiving authority (urgent
 * preservation of electronic data: often the police or the 24/7 unit, not the central authority) that body;
 * otherwise the central authority. `via` is the central authority when the addressee is another body and the
 * central authority still applies (its channel, the formal request that follows).
 */
export interface RouteAddressee {
  /** The directory entry; null when the measure record names the body only in words. */
  id: string | null;
  name: string;
  source: 'measure' | 'central-authority';
  /** As for `authority`: only for callers who may see contact details. */
  contacts: RouteAuthority['contacts'];
  available24x7: boolean | null;
  via: { id: string; name: string } | null;
}

export interface RouteAnswer {
  query: RouteQuery;
  requesting: { iso3: string; name: string; untoc: PartyStatusValue };
  requested: { iso3: string; name: string; untoc: PartyStatusValue };
  /** The central authority with the kind's function, or null when not recorded. */
  authority: RouteAuthority | null;
  /** Whom to address: the measure's receiving authority when its record names one, else the central authority. */
  addressee: RouteAddressee | null;
  /** ISO 639-1 codes accepted for incoming requests (art. 18(14) notification or directory entry); null = unknown. */
  languages: string[] | null;
  /** Where `languages` came from: the authority's directory entry, or the State's art. 18(14) notification. */
  languagesSource?: 'directory' | 'art18-14' | null;
  channels: Channel[] | null;
  /** The requested State's current art. 16(5)(a) notification, if recorded (whatever the kind asked). */
  extraditionNotification?: { basis: 'yes' | 'no'; madeOn: string | null; text: string } | null;
  legalBasis: {
    /** true: both parties (and, for extradition, the requested State's art. 16(5)(a) notification says yes);
     *  false: it cannot; null: not known (a party status or notification not loaded). */
    convention: boolean | null;
    /** Why, in plain English (the UI translates the `code`). */
    code: 'both-parties' | 'not-both-parties' | 'status-unknown' | 'extradition-notified-yes' | 'extradition-notified-no' | 'extradition-not-notified';
    explanation: string;
  };
  /** The requested State's per-measure record for `measure`, if any. */
  measure: {
    code: string;
    available: 'yes' | 'no' | 'partly' | null;
    legalFramework: string | null;
    receivingAuthority: string | null;
    languages: string[] | null;
    usualExecutionDays: number | null;
    specialRequirements: string | null;
    alternatives: string | null;
    dualCriminality: 'required' | 'not-required' | 'coercive-only' | null;
  } | null;
  /** The requested State's general specific requirements (certification, translation of annexes, …). */
  requirements: string[];
  /** Names of what is not known (e.g. "languages", "channels", "authority", "party-status:requested"). */
  unknown: string[];
}
