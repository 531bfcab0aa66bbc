import type { TFunction } from 'i18next';
import type { ApiError } from '../api/client.ts';

/** A translated sentence for an API error; the server's own (English) detail is kept apart. */
export function errorText(t: TFunction, e: ApiError): string {
  if (e.status === 0) return t('error.network');
  if (e.status === 404) return t('error.notFound');
  if (e.status === 429) return t('error.tooMany');
  if (e.status === 401) return t('error.unauthenticated');
  if (e.status === 403) return t('error.forbidden');
  if (e.status === 400) return t('error.invalid');
  if (e.status >= 500) return t('error.server');
  return t('error.unexpected');
}
