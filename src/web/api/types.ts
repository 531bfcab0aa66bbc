/**
 * Short names for the API's shapes, all taken from the generated schema (components['schemas']): a page
 * imports `type Draft` from here instead of copying the server's DTO. Add a name when a page needs one.
 */
import type { components } from '../../../generated/api-schema.d.ts';

type S = components['schemas'];

export type Lang = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
export type Localized = Partial<Record<Lang, string>>;

/* platform */
export type Me = S['Me'];
export type SessionUser = Extract<Me, { authenticated: true }>['user'];
export type User = S['User'];

/* reference */
export type Instrument = S['Instrument'];
export type InstrumentDetail = S['InstrumentDetail'];
export type Article = S['Article'];
export type ArticleDetail = S['ArticleDetail'];
export type Cluster = S['Cluster'];
export type RegionalGroup = S['RegionalGroup'];
export type StateSummary = S['StateSummary'];
export type StateList = S['StateList'];
export type StateDetail = S['StateDetail'];
export type PartyStatusEntry = S['PartyStatusEntry'];
export type PartyStatus = PartyStatusEntry['status'];

/* knowledge */
export type SearchHit = S['SearchHit'];
export type SearchResult = S['SearchResult'];
export type KnowledgeRecord = S['KnowledgeRecord'];
export type RecordLink = S['RecordLink'];
export type RecordTranslation = S['RecordTranslation'];
export type RecordChild = S['RecordChild'];
export type RecordVersion = S['RecordVersion'];
export type Provision = S['Provision'];
export type ImportOutcome = S['ImportOutcome'];
export type SavedSearch = S['SavedSearch'];
export type Licence = S['Licence'];

/* directory */
export type Entry = S['DirectoryEntry'];
export type StateDirectory = S['StateDirectory'];
export type HistoryItem = S['DirectoryHistoryItem'];
export type StaleItem = S['StaleEntry'];
export type StateCount = S['DirectoryStateCount'];
export type RouteAnswer = S['RouteAnswer'];

/* drafting */
export type PersonRef = S['PersonRef'];
export type Share = S['Share'];
export type PendingCase = S['PendingCase'];
export type Draft = S['Draft'];
export type DraftSummary = S['DraftSummary'];
export type VersionInfo = S['DraftVersionInfo'];
export type Comparison = S['DraftComparison'];
export type Change = Comparison['changes'][number];
export type CheckReport = S['CheckReport'];
export type CheckResult = S['CheckResult'];
export type DraftComment = S['DraftComment'];
export type DraftingReference = S['DraftingReference'];
