import { extractReferences, type ArticleReference } from '../extraction/index.ts';
import { LANGS, type Lang } from '../extraction/types.ts';

/**
 * The article a search names ("article 18", "art. 18(13)", "第十八条", "المادة 18", "статья 18 Конвенции",
 * "article 5 of the Trafficking in Persons Protocol"), so that the results can offer its page — as
 * SHERLOC and legal portals answer a citation typed into the search box with the provision itself.
 *
 * The reference extractor reads the query as it reads documents (an article with no instrument named is the
 * Convention's). A query is a few words, too short to tell Spanish from French by its stop words, so when
 * the detected language finds nothing every other language is tried in turn.
 */

export interface NamedArticle {
  instrument: string;
  article: number;
  paragraph: number | null;
}

export function articleInQuery(q: string | undefined): NamedArticle | null {
  const text = q?.trim();
  if (!text || text.length > 200 || !/\d|[〇一二三四五六七八九十百]/.test(text)) return null;
  const first = (lang?: Lang) => extractReferences(text, { kinds: ['article'], lang }).find((r): r is ArticleReference => r.kind === 'article' && r.instrument !== null);
  let found = first();
  for (const lang of LANGS) found ??= first(lang);
  return found ? { instrument: found.instrument!, article: found.article, paragraph: found.paragraph } : null;
}
