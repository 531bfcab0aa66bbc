import { LANGUAGES, type Language } from '../i18n/languages.ts';
import type { Formatter } from './format.ts';

/**
 * The kinds of notice: each module defines its own (`defineNotice`) next to the code that sends it, with its
 * message in the six UN languages and its default channels. A kind's key is stored with each notice, so the
 * inbox renders it again in the reader's language; the parameters are typed where the notice is sent.
 */

export interface RenderedItem {
  /** The line's text (a record's title, …), in its own language. */
  text: string;
  /** Where it leads in the web UI (a path such as `/records/…`). */
  link?: string;
  /** The language of `text`, when it is not the message's (a title in Spanish in an English message). */
  lang?: string;
  /** A short addition after the text (a date, as the message's language writes it). */
  detail?: string;
}

export interface Rendered {
  /** One line: the inbox's heading, the e-mail's subject. */
  subject: string;
  /** Optional sentences after it. */
  body?: string;
  /** Optional list (new records, …). */
  items?: RenderedItem[];
}

export type Template<P> = (params: P, f: Formatter) => Rendered;

export interface Channels {
  inApp: boolean;
  email: boolean;
}

export interface NoticeKind<P> {
  key: string;
  /** The module that sends it (groups the preferences page). */
  module: string;
  /** What the preferences page calls it, in each language. */
  label: Record<Language, string>;
  defaults: Channels;
  templates: Record<Language, Template<P>>;
}

const registry = new Map<string, NoticeKind<never>>();

/** Declares a kind of notice; its key is unique across the application (`<module>.<what>`). */
export function defineNotice<P>(kind: NoticeKind<P>): NoticeKind<P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(kind.key)) throw new Error(`A notice kind is <module>.<what>: ${kind.key}`);
  const existing = registry.get(kind.key);
  if (existing && existing !== (kind as unknown)) throw new Error(`Two notice kinds are called ${kind.key}`);
  for (const lang of LANGUAGES) if (!kind.templates[lang] || !kind.label[lang]) throw new Error(`Notice ${kind.key} has no ${lang} text`);
  registry.set(kind.key, kind as unknown as NoticeKind<never>);
  return kind;
}

export function noticeKind(key: string): NoticeKind<unknown> | undefined {
  return registry.get(key) as NoticeKind<unknown> | undefined;
}

/** Every kind the running application has declared, in a stable order. */
export function noticeKinds(): Array<NoticeKind<unknown>> {
  return [...registry.values()].sort((a, b) => a.key.localeCompare(b.key)) as Array<NoticeKind<unknown>>;
}
