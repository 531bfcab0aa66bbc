import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { InstrumentFacts } from './InstrumentFacts.tsx';
import { byCode, useInstruments } from './useInstruments.ts';

/** /instruments: the Convention, its three Protocols, and the related conventions. */
export function InstrumentsPage() {
  const { t } = useTranslation();
  const res = useInstruments();
  usePageTitle(t('instruments.title'));
  const codes = byCode(res.data);

  return (
    <>
      <h1>{t('instruments.title')}</h1>
      <p>{t('instruments.intro')}</p>
      <p>
        <Link to="/clusters">{t('instruments.clustersLink')}</Link>
      </p>
      {res.status === 'error' && <ErrorMessage error={res.error} onRetry={res.reload} />}
      {res.status === 'loading' && !res.data && <Loading />}
      {res.data && (
        <ul className="card-list" aria-busy={res.status === 'loading'}>
          {res.data.map((i) => (
            <li key={i.code} className="card" data-testid="instrument" data-code={i.code}>
              <h2>
                <Link to={`/instruments/${i.code}`}>{i.shortName}</Link>
              </h2>
              <p className="muted small">{i.name}</p>
              <InstrumentFacts instrument={i} parentName={i.parent ? codes.get(i.parent)?.shortName : undefined} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
