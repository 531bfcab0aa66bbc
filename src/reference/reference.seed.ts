import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { ROOT_DIR } from '../platform/config.ts';
import { LANGUAGES, type Localized } from '../platform/i18n/languages.ts';
import type {
  ClusterArticlesTable,
  ClustersTable,
  InstrumentsTable,
  PartyStatus,
  ProvisionsTable,
  RegionalGroupsTable,
  StatesTable,
} from './reference.tables.ts';

/**
 * Builds the reference rows from the files in src/reference/data (pure: no database). The loader in
 * reference.load.ts writes them idempotently.
 */

const DATA_DIR = path.join(ROOT_DIR, 'src/reference/data');
const require = createRequire(import.meta.url);

interface Vocabulary {
  instruments: Array<{
    code: string;
    kind: 'convention' | 'protocol';
    parent: string | null;
    adopted_on: string;
    in_force_on: string;
    reviewed: boolean;
    names: Localized;
    short_names: Localized;
  }>;
  clusters: Array<{ code: string; names: Localized }>;
  regional_groups: Array<{ code: string; csv: string; names: Localized }>;
  non_iso_entities: Array<{ iso3: string; kind: 'regional-organization'; names: Localized }>;
}

/** Instrument columns of states.csv. */
export const STATUS_COLUMNS = { untoc: 'UNTOC', tip: 'TIP', som: 'SOM', fir: 'FIR', uncac: 'UNCAC' } as const;

export interface SeedPartyStatus {
  iso3: string;
  instrument_code: string;
  status: PartyStatus;
  source: string;
  as_of: string | null;
}

export interface ReferenceSeed {
  instruments: InstrumentsTable[];
  provisions: ProvisionsTable[];
  clusters: ClustersTable[];
  clusterArticles: ClusterArticlesTable[];
  regionalGroups: RegionalGroupsTable[];
  states: StatesTable[];
  partyStatus: SeedPartyStatus[];
}

function readCsv(file: string): Array<Record<string, string>> {
  return parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Array<Record<string, string>>;
}

function vocabulary(): Vocabulary {
  return JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'vocabulary.json'), 'utf8')) as Vocabulary;
}

/** 'mixed:civil+muslim' → ['civil', 'muslim']; 'common_law' → ['common']; 'unknown' → []. */
export function legalFamilies(system: string): string[] {
  if (!system || system === 'unknown' || system === 'n/a') return [];
  const body = system.startsWith('mixed:') ? system.slice('mixed:'.length) : system;
  return body.split('+').map((f) => f.replace(/_law$/, ''));
}

type CountriesLib = {
  registerLocale(data: unknown): void;
  getName(code: string, lang: string): string | undefined;
  alpha3ToAlpha2(code: string): string | undefined;
};

let countriesLib: CountriesLib | null = null;
function countries(): CountriesLib {
  if (!countriesLib) {
    countriesLib = require('i18n-iso-countries') as CountriesLib;
    for (const lang of LANGUAGES) countriesLib.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  }
  return countriesLib;
}

function stateNames(iso3: string, unNameEn: string): Localized {
  const lib = countries();
  const names: Localized = {};
  for (const lang of LANGUAGES) {
    const name = lib.getName(iso3, lang);
    if (!name) throw new Error(`No ${lang} name for ${iso3} in i18n-iso-countries`);
    names[lang] = name;
  }
  // English: the UN's own short name from our data ("Bolivia (Plurinational State of)"), which the
  // Conference's documents use, rather than the colloquial ISO name.
  names.en = unNameEn;
  return names;
}

export function buildReferenceSeed(): ReferenceSeed {
  const vocab = vocabulary();
  const instruments: InstrumentsTable[] = vocab.instruments.map((i, sort) => ({
    code: i.code,
    parent_code: i.parent,
    kind: i.kind,
    adopted_on: i.adopted_on,
    in_force_on: i.in_force_on,
    names: i.names,
    short_names: i.short_names,
    reviewed: i.reviewed,
    sort,
  }));

  const provisions: ProvisionsTable[] = [];
  for (const r of readCsv('articles.csv')) {
    const titles: Localized = { en: r.title_en };
    if (r.title_zh) titles.zh = r.title_zh;
    provisions.push({
      instrument_code: r.instrument!,
      eid: `art_${Number(r.article)}`,
      article: Number(r.article),
      paragraph: null,
      subparagraph: null,
      chapter: null,
      chapter_titles: {},
      titles,
    });
  }
  for (const r of readCsv('articles_uncac.csv')) {
    provisions.push({
      instrument_code: r.instrument!,
      eid: `art_${Number(r.article)}`,
      article: Number(r.article),
      paragraph: null,
      subparagraph: null,
      chapter: r.chapter || null,
      chapter_titles: r.chapter_title_en ? { en: r.chapter_title_en } : {},
      titles: { en: r.title_en },
    });
  }

  const clusters: ClustersTable[] = vocab.clusters.map((c, sort) => ({ code: c.code, names: c.names, sort }));
  const clusterArticles: ClusterArticlesTable[] = readCsv('clusters.csv').map((r) => ({
    cluster_code: r.cluster!,
    instrument_code: r.instrument!,
    article: Number(r.article),
    only_if_not_party_to: /not parties to UNCAC/i.test(r.note ?? '') ? 'UNCAC' : null,
    note: r.note || null,
  }));

  const regionalGroups: RegionalGroupsTable[] = vocab.regional_groups.map((g, sort) => ({
    code: g.code,
    names: g.names,
    sort,
  }));
  const groupByCsv = new Map(vocab.regional_groups.map((g) => [g.csv, g.code]));
  const nonIso = new Map(vocab.non_iso_entities.map((e) => [e.iso3, e]));

  const provenance = new Map<string, { source: string; as_of: string | null }>();
  for (const r of readCsv('states-provenance.csv')) {
    // as_of is sometimes only a year or a month: keep a full date as a date, anything coarser in the text.
    const full = /^\d{4}-\d{2}-\d{2}$/.test(r.as_of ?? '');
    provenance.set(`${r.iso3}:${r.column}`, {
      source: full || !r.as_of ? r.source! : `${r.source} (as of ${r.as_of})`,
      as_of: full ? r.as_of! : null,
    });
  }

  const states: StatesTable[] = [];
  const partyStatus: SeedPartyStatus[] = [];
  for (const r of readCsv('states.csv')) {
    const iso3 = r.iso3!;
    const special = nonIso.get(iso3);
    const group = r.regional_group === 'none' ? null : groupByCsv.get(r.regional_group!);
    if (group === undefined) throw new Error(`states.csv: unknown regional group "${r.regional_group}" for ${iso3}`);
    states.push({
      iso3,
      iso2: special ? null : (countries().alpha3ToAlpha2(iso3) ?? null),
      iso_assigned: !special,
      kind: special?.kind ?? 'state',
      names: special ? special.names : stateNames(iso3, r.name_en!),
      regional_group: group,
      legal_system: r.legal_system && r.legal_system !== 'n/a' ? r.legal_system : null,
      legal_families: legalFamilies(r.legal_system ?? ''),
      notes: r.notes || null,
    });
    for (const [column, code] of Object.entries(STATUS_COLUMNS)) {
      const status = r[column] as PartyStatus;
      const prov = provenance.get(`${iso3}:${column}`);
      partyStatus.push({
        iso3,
        instrument_code: code,
        status,
        source: prov?.source ?? 'Palermo reference data (UN Treaty Collection status tables, 2014, with later accessions)',
        as_of: prov?.as_of ?? null,
      });
    }
    // The 1988 Convention is a known instrument, but no status list has been loaded for it yet.
    partyStatus.push({ iso3, instrument_code: 'DRUG1988', status: 'unknown', source: 'not loaded', as_of: null });
  }

  return { instruments, provisions, clusters, clusterArticles, regionalGroups, states, partyStatus };
}
