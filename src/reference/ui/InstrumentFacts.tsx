import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Instrument } from '../../web/api/types.ts';
import { useFormat } from '../../web/format.ts';

/** Kind, parent, dates and review coverage of an instrument, as a definition list. */
export function InstrumentFacts({ instrument: i, parentName }: { instrument: Instrument; parentName?: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const notRecorded = t('common.notRecorded');
  return (
    <dl className="facts">
      <dt>{t('instruments.code')}</dt>
      <dd>
        <code>{i.code}</code>
      </dd>
      <dt>{t('instruments.kind')}</dt>
      <dd>
        {t(`instruments.kinds.${i.kind}`)}
        {i.parent && (
          <>
            {' '}
            <Trans
              i18nKey="instruments.supplements"
              values={{ name: parentName ?? i.parent }}
              components={{ link: <Link to={`/instruments/${i.parent}`} /> }}
            />
          </>
        )}
      </dd>
      <dt>{t('instruments.adoptedOn')}</dt>
      <dd>{f.date(i.adoptedOn) ?? notRecorded}</dd>
      <dt>{t('instruments.inForceOn')}</dt>
      <dd>{f.date(i.inForceOn) ?? notRecorded}</dd>
      <dt>{t('instruments.review')}</dt>
      <dd>{i.reviewed ? t('instruments.reviewed') : t('instruments.notReviewed')}</dd>
    </dl>
  );
}
