import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartyStatusEntry } from '../../web/api/types.ts';
import { useFormat } from '../../web/format.ts';
import { StatusBadge } from './StatusBadge.tsx';

function Missing() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('common.notRecorded')}</span>
    </>
  );
}

/** A State's status under each instrument, with dates and the source; "not loaded" is explained, never shown as "not a party". */
export function PartyStatusTable({ entries, stateName }: { entries: PartyStatusEntry[]; stateName: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="table-scroll" role="region" aria-labelledby="party-status-caption" tabIndex={0}>
      <table className="party-status-table" data-testid="party-status">
        <caption id="party-status-caption">
          <span>{t('state.partyStatusCaption', { name: stateName })}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('state.instrument')}</th>
            <th scope="col">{t('state.status')}</th>
            <th scope="col">{t('state.signedOn')}</th>
            <th scope="col">{t('state.consentedOn')}</th>
            <th scope="col">{t('state.source')}</th>
            <th scope="col">{t('state.asOf')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.instrument} data-instrument={e.instrument} data-status={e.status}>
              <th scope="row">
                <Link to={`/instruments/${e.instrument}`}>{e.instrumentName}</Link>
              </th>
              <td>
                <StatusBadge status={e.status} />
                {e.status === 'unknown' && <span className="status-explanation">{t('status.unknownRow')}</span>}
              </td>
              <td className="nowrap">{f.date(e.signedOn) ?? <Missing />}</td>
              <td className="nowrap">{f.date(e.consentedOn) ?? <Missing />}</td>
              <td className="small">{e.source && e.source !== 'not loaded' ? e.source : <Missing />}</td>
              <td className="nowrap">{f.date(e.asOf) ?? <Missing />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
