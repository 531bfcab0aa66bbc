import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { exportUrl, feedUrl } from './searchParams.ts';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { LicenceNote } from './LicenceNote.tsx';

/** /open-data: the licence of the portal's data and the ways to take it (export, feeds, API). */
export function OpenDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('knowledge.openData.title'));
  return (
    <>
      <h1>{t('knowledge.openData.title')}</h1>
      <p className="lead">{t('knowledge.openData.intro')}</p>
      <h2>{t('knowledge.openData.licence')}</h2>
      <LicenceNote full />
      <h2>{t('knowledge.openData.downloads')}</h2>
      <p>{t('knowledge.openData.downloadsText')}</p>
      <ul>
        <li>
          <a href={exportUrl({}, 'csv')} download>
            {t('knowledge.search.exportCsv')}
          </a>
        </li>
        <li>
          <a href={exportUrl({}, 'jsonl')} download>
            {t('knowledge.search.exportJsonl')}
          </a>
        </li>
        <li>
          <a href={feedUrl({})} type="application/atom+xml">
            {t('knowledge.search.feed')}
          </a>
        </li>
      </ul>
      <p>{t('knowledge.openData.perSearch')}</p>
      <p>
        <Link to="/search">{t('nav.search')}</Link> · <a href="/api/docs">{t('footer.apiDocs')}</a>
      </p>
    </>
  );
}
