import type { TFunction } from 'i18next';
import type { ApiError } from '../api/client.ts';

/** A translated sentence for an API error; the server's own (English) detail is kept apart. */
export function errorText(t: TFunction, e: ApiError): string {
  if (e.status === 0) return t('error.network');
  if (e.status === 404) return t('error.notFound');
  if (e.status === 429) return t('error.tooMany');
  if (e.status === 401) return t('error.unauthenticated');
  if (e.status === 403) return t('error.forbidden');
  if (e.status === 400) return invalidText(t, e);
  if (e.status >= 500) return t('error.server');
  return t('error.unexpected');
}

/**
 * A 400 said in the reader's words where its cause is plain: an address whose id is malformed (/records/abc)
 * leads to no page, and a search longer than the box allows is too long. Otherwise the generic sentence, with the
 * server's detail shown apart.
 */
function invalidText(t: TFunction, e: ApiError): string {
  if (badAddress(e)) return t('error.badAddress');
  const tooLong = e.issues.find((i) => i.path === 'querystring.q' && i.code === 'too_big');
  if (tooLong) return t('error.queryTooLong', { max: 500 });
  return t('error.invalid');
}

/** Every problem is in the address's own parts (path parameters): no page lives there. */
export function badAddress(e: ApiError): boolean {
  return e.status === 400 && e.issues.length > 0 && e.issues.every((i) => i.path.startsWith('params'));
}
