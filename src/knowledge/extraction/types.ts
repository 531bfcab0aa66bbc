/** The six official UN languages. */
export type Lang = 'zh' | 'en' | 'fr' | 'es' | 'ru' | 'ar';
export const LANGS: readonly Lang[] = ['zh', 'en', 'fr', 'es', 'ru', 'ar'];

/** Instruments whose articles the extractor resolves. */
export type Instrument = 'UNTOC' | 'TIP' | 'SOM' | 'FIR' | 'UNCAC' | 'DRUG1988';

/** Bodies that adopt resolutions and decisions. */
export type Body = 'COP' | 'GA' | 'SC' | 'ECOSOC' | 'CCPCJ' | 'CND' | 'HRC';

interface Span {
  /** Exactly `input.slice(start, end)`. */
  text: string;
  /** UTF-16 offsets (JS string indices) into the input as given. */
  start: number;
  end: number;
}

export interface ArticleReference extends Span {
  kind: 'article';
  /** null: an article of something that is not one of the six instruments (rules of procedure, a national law, another treaty); see `target`. */
  instrument: Instrument | null;
  article: number;
  paragraph: number | null;
  /** A lowercase latin letter ("a", "b" …), whatever the script of the source. */
  subparagraph: string | null;
  /** Only when instrument is null: what the article belongs to, as written (e.g. "rules of procedure", "Criminal Code"). */
  target?: string;
}

export interface ResolutionReference extends Span {
  kind: 'resolution' | 'decision';
  body: Body | null;
  /** "8/2", "55/25", "2005/14", SC: "2331 (2016)". */
  number: string;
}

export interface SymbolReference extends Span {
  kind: 'symbol';
  /** The symbol with whitespace (line breaks inside it) removed. */
  symbol: string;
}

export interface JobNumberReference extends Span {
  kind: 'job-number';
  /** e.g. "V.16-03174". */
  jobNumber: string;
}

export interface StateReference extends Span {
  kind: 'state';
  /** ISO 3166-1 alpha-3. */
  iso3: string;
}

export interface DateReference extends Span {
  kind: 'date';
  /** ISO YYYY-MM-DD. */
  date: string;
  /** Present (true) when the text gives no year ("10 月 17 日", "on 17 October") and it was taken from the nearest earlier full date. */
  yearInferred?: true;
  /** On the first date of a range ("17-19 October 2016"): the last day. */
  endDate?: string;
}

export type Reference =
  | ArticleReference
  | ResolutionReference
  | SymbolReference
  | JobNumberReference
  | StateReference
  | DateReference;

export type ReferenceKind = Reference['kind'];
