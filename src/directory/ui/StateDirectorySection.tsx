import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../web/useApi.ts';
import { api, ok } from '../../web/api/client.ts';

/** On a State's profile page: what the directory holds for it, and a link to its directory page. */
export function StateDirectorySection({ iso3, name }: { iso3: string; name: string }) {
  const { t } = useTranslation();
  const res = useApi((signal) => ok(api.GET('/api/v1/directory/states/{iso3}', { params: { path: { iso3 } }, signal })), [iso3]);
  const d = res.data;
  return (
    <section data-testid="state-directory-section">
      <h2>{t('directory.section.title')}</h2>
      {d && (
        <p>
          {t('directory.section.summary', { part1: d.part1.length, part2: d.part2.length, measures: d.measures.length, notifications: d.notifications.length })}
        </p>
      )}
      <p>
        <Link to={`/directory/states/${iso3}`}>{t('directory.section.link', { name })}</Link>
        {' · '}
        <Link to={`/directory/route?to=${iso3}`}>{t('directory.home.routeLink')}</Link>
      </p>
    </section>
  );
}
