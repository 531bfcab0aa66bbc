import type { TFunction } from 'i18next';

/**
 * A refusal of the review's machine in the reader's language: the machine's messages are English (they also serve
 * the API and the logs), so the pages translate them by their stable code and fall back to the message, marked
 * English, for a code without a text. Used by every part's pages (questionnaire, desk, review).
 */
export function refusalText(t: TFunction, reason: { code?: string; message: string }): { text: string; lang?: 'en' } {
  const key = `review.refusal.${reason.code ?? ''}`;
  const text = reason.code ? t(key, { defaultValue: '' }) : '';
  return text ? { text } : { text: reason.message, lang: 'en' };
}
