import type { TFunction } from 'i18next';
import type { Article } from '../../web/api/types.ts';

/** "Chapter III – Criminalization and law enforcement": the UI's own translation of the title when it has one, else the API's. */
export function chapterText(t: TFunction, instrument: string, article: Pick<Article, 'chapter' | 'chapterTitle'>): string {
  const own = t(`chapters.${instrument}.${article.chapter}`, { defaultValue: '' });
  const number = t('articles.chapter', { number: article.chapter });
  const title = own || article.chapterTitle;
  return title ? `${number} – ${title}` : number;
}
