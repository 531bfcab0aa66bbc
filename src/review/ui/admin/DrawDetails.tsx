import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../web/format.ts';
import { packageHref, type Draw } from './adminApi.ts';

/**
 * A draw as published: seed source, seed, the two SHA-256, pools, States with an unknown status, pairs in ISO3 order
 * (never ordered by any figure), groups, redraws with who asked and why. Shared by the public and secretariat pages.
 */
export function DrawDetails({ draw }: { draw: Draw }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="ra-draw" data-testid="draw-details">
      <dl className="ra-facts">
        <dt>{t('reviewAdmin.draw.status')}</dt>
        <dd data-testid="draw-status">{t(`reviewAdmin.draw.statuses.${draw.status}`)}</dd>
        <dt>{t('reviewAdmin.draw.kind')}</dt>
        <dd>{t(`reviewAdmin.draw.kinds.${draw.kind}`)}</dd>
        {draw.cycle && (
          <>
            <dt>{t('reviewAdmin.cycle.one')}</dt>
            <dd>{draw.cycle.title} (<bdi>{draw.cycle.code}</bdi>)</dd>
          </>
        )}
        <dt>{t('reviewAdmin.draw.seedSource')}</dt>
        <dd>{draw.seedSource}</dd>
        <dt>{t('reviewAdmin.draw.seed')}</dt>
        <dd data-testid="draw-seed"><bdi>{draw.seed ?? t('reviewAdmin.draw.notYet')}</bdi></dd>
        <dt>{t('reviewAdmin.draw.inputsSha')}</dt>
        <dd><code className="ra-hash" dir="ltr" data-testid="inputs-sha">{draw.inputsSha256}</code></dd>
        <dt>{t('reviewAdmin.draw.resultSha')}</dt>
        <dd><code className="ra-hash" dir="ltr" data-testid="result-sha">{draw.resultSha256 ?? t('reviewAdmin.draw.notYet')}</code></dd>
        <dt>{t('reviewAdmin.draw.announced')}</dt>
        <dd>{f.date(draw.announcedAt)}{draw.asOf && ` — ${t('reviewAdmin.draw.asOf', { date: f.date(draw.asOf) })}`}</dd>
        {draw.drawnAt && (
          <>
            <dt>{t('reviewAdmin.draw.drawn')}</dt>
            <dd>{f.date(draw.drawnAt)}</dd>
          </>
        )}
      </dl>
      {draw.status === 'drawn' && (
        <p>
          <a href={packageHref(draw.id)} download data-testid="package-link">{t('reviewAdmin.draw.package')}</a>
        </p>
      )}

      {draw.status === 'announced' && (
        <section aria-labelledby="pools-title">
          <h2 id="pools-title">{t('reviewAdmin.draw.pools')}</h2>
          <div className="ra-table-wrap">
            <table className="ra-table">
              <thead><tr><th scope="col">{t('reviewAdmin.draw.pool')}</th><th scope="col">{t('reviewAdmin.draw.states')}</th></tr></thead>
              <tbody>
                {draw.pools.map((p) => (
                  <tr key={p.group}><th scope="row">{t(`reviewAdmin.groups.${p.group}`, { defaultValue: p.group })}</th><td className="ra-codes">{p.states.join(' ')}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('reviewAdmin.draw.unknown')}</h3>
          <p className="prose">{t('reviewAdmin.draw.unknownHelp')}</p>
          {draw.unknownStatus.length === 0 ? <p className="muted">{t('reviewAdmin.draw.none')}</p> : (
            <ul className="ra-codes" data-testid="unknown-list">
              {draw.unknownStatus.map((u) => <li key={u.state}><bdi>{u.state}</bdi>: <bdi>{u.instruments.join(', ')}</bdi></li>)}
            </ul>
          )}
        </section>
      )}

      {draw.pairs.length > 0 && (
        <section aria-labelledby="pairs-title">
          <h2 id="pairs-title">{t('reviewAdmin.draw.pairs')}</h2>
          <p className="muted">{t('reviewAdmin.draw.pairsOrder')}</p>
          <div className="ra-table-wrap">
            <table className="ra-table" data-testid="pairs-table">
              <thead><tr><th scope="col">{t('reviewAdmin.draw.reviewed')}</th><th scope="col">{t('reviewAdmin.draw.reviewers')}</th></tr></thead>
              <tbody>
                {draw.pairs.map((p) => (
                  <tr key={p.reviewed}>
                    <th scope="row"><bdi>{p.reviewed}</bdi></th>
                    <td>
                      <ul className="ra-reviewers">
                        {p.reviewers.map((r) => (
                          <li key={r.state}><bdi>{r.state}</bdi> — {t(`reviewAdmin.slots.${r.slot}`)} (<bdi>{r.instruments.join(', ')}</bdi>)</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {draw.groups.length > 0 && (
        <section aria-labelledby="dgroups-title">
          <h2 id="dgroups-title">{t('reviewAdmin.groups.title')}</h2>
          <GroupsTable groups={draw.groups} />
        </section>
      )}

      {draw.excluded.length > 0 && (
        <section aria-labelledby="excluded-title">
          <h2 id="excluded-title">{t('reviewAdmin.draw.excluded')}</h2>
          <ul>{draw.excluded.map((e) => <li key={e.state + e.reason}><bdi>{e.state}</bdi>: <span lang="en" dir="ltr">{e.reason}</span></li>)}</ul>
        </section>
      )}

      {draw.kind === 'reviewers' && draw.status === 'drawn' && (
        <section aria-labelledby="redraws-title">
          <h2 id="redraws-title">{t('reviewAdmin.redraw.list')}</h2>
          {draw.redraws.length === 0 ? <p className="muted">{t('reviewAdmin.redraw.none')}</p> : (
            <ol className="ra-redraws" data-testid="redraws">
              {draw.redraws.map((r) => (
                <li key={r.seq}>
                  {t('reviewAdmin.redraw.line', { reviewed: r.reviewed, slot: t(`reviewAdmin.slots.${r.slot}`), replaced: r.replaced, new: r.new ?? '—', state: r.requestedByState, name: r.requestedByName ?? '' })}
                  <br /><span className="muted">{r.reason}</span>
                  {r.exceptional && <><br /><strong>{t('reviewAdmin.redraw.exceptional')}</strong>: {r.exceptionReason}</>}
                </li>
              ))}
            </ol>
          )}
          {draw.counters.length > 0 && (
            <ul className="ra-counters" data-testid="counters">
              {draw.counters.map((c) => <li key={c.reviewed + c.requestedBy}>{t('reviewAdmin.redraw.counter', { reviewed: c.reviewed, state: c.requestedBy, count: c.count, limit: c.limit })}</li>)}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

export function GroupsTable({ groups }: { groups: ReadonlyArray<{ group: number; startYear: number | null; states: string[] }> }) {
  const { t } = useTranslation();
  return (
    <div className="ra-table-wrap">
      <table className="ra-table" data-testid="groups-table">
        <thead><tr><th scope="col">{t('reviewAdmin.groups.group')}</th><th scope="col">{t('reviewAdmin.groups.startYear')}</th><th scope="col">{t('reviewAdmin.draw.states')}</th></tr></thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.group}><th scope="row">{g.group}</th><td>{g.startYear ?? '—'}</td><td className="ra-codes">{g.states.join(' ')}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
