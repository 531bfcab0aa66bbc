import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Instrument, StateSummary } from '../../web/api/types.ts';
import { legalSystemLabel } from './legalSystem.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** One row per State: name in the UI language, ISO3, regional group, legal system, status per instrument. */
export function StatesTable({ states, instruments, busy }: { states: StateSummary[]; instruments: Instrument[]; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-labelledby="states-caption" tabIndex={0}>
      <table className="states-table" aria-busy={busy}>
        <caption id="states-caption">
          <span>{t('states.caption')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('states.name')}</th>
            <th scope="col">{t('states.iso3')}</th>
            <th scope="col">{t('states.group')}</th>
            <th scope="col">{t('states.legal')}</th>
            {instruments.map((i) => (
              <th scope="col" key={i.code} className="status-col">
                <abbr title={i.shortName}>{i.code}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {states.map((s) => (
            <tr key={s.iso3} data-testid="state-row" data-iso3={s.iso3}>
              <th scope="row">
                <Link to={`/states/${s.iso3}`}>{s.name}</Link>
              </th>
              <td>
                <code>{s.iso3}</code>
              </td>
              <td className="group-col">{s.regionalGroup?.name ?? <span className="muted">{t('states.noGroup')}</span>}</td>
              <td className="legal-col">{legalSystemLabel(t, s.legalSystem, s.legalFamilies)}</td>
              {instruments.map((i) => {
                const status = s.partyStatus[i.code] ?? 'unknown';
                return (
                  <td key={i.code} className="status-col" data-instrument={i.code}>
                    <StatusBadge status={status} compact />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
