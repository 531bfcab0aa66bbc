import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import { useApi } from '../../web/useApi.ts';

/** The licence of the portal's data, as the API states it (its statement is kept in English). */
export function LicenceNote({ full = false }: { full?: boolean }) {
  const { t } = useTranslation();
  const res = useApi((signal) => ok(api.GET('/api/v1/licence', { signal })), []);
  const l = res.data;
  if (!l) return null;
  return (
    <div className="licence-note" data-testid="licence">
      <p>
        {t('knowledge.openData.licenceIntro')}{' '}
        <a href={l.url} rel="license">
          {l.name}
        </a>{' '}
        <span className="muted">
          (<code dir="ltr">{l.id}</code>)
        </span>
        {!full && (
          <>
            {' · '}
            <Link to="/open-data">{t('knowledge.openData.more')}</Link>
          </>
        )}
      </p>
      {full && (
        <p lang="en" dir="ltr" className="small">
          {l.statement}
        </p>
      )}
    </div>
  );
}
