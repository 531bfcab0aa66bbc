import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../web/api/client.ts';
import type { KnowledgeRecord, Provision } from '../../web/api/types.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { useFormat } from '../../web/format.ts';
import { useApi } from '../../web/useApi.ts';
import { dirOf } from './names.ts';

/**
 * A law provision by provision, as it stood on a chosen date (today by default), or every wording it has had:
 * practitioners must cite the law in force when the offence was committed, not today's.
 */
export function LegislationProvisions({ record }: { record: KnowledgeRecord }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [at, setAt] = useState('');
  const [history, setHistory] = useState(false);
  const res = useApi((signal) => ok(api.GET('/api/v1/records/{id}/provisions', { params: { path: { id: record.id }, query: { at: at || undefined, history: history ? 'true' : undefined } }, signal })), [record.id, at, history]);
  const items = res.data?.items ?? [];

  return (
    <section aria-labelledby="provisions-title" data-testid="provisions">
      <h2 id="provisions-title">{t('knowledge.provisions.title')}</h2>
      <form className="inline-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('knowledge.provisions.asOf')}{' '}
          <input type="date" value={at} disabled={history} onChange={(e) => setAt(e.target.value)} data-testid="provisions-date" />
        </label>{' '}
        <label>
          <input type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} data-testid="provisions-history" />{' '}
          {t('knowledge.provisions.history')}
        </label>
      </form>
      <p className="muted" aria-live="polite" data-testid="provisions-status">
        {history
          ? t('knowledge.provisions.allWordings', { count: items.length })
          : t('knowledge.provisions.inForce', { date: f.date(res.data?.at ?? (at || new Date().toISOString().slice(0, 10))), count: items.length })}
      </p>
      {res.status === 'error' ? (
        <ErrorMessage error={res.error} onRetry={res.reload} />
      ) : res.status === 'loading' && !res.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p data-testid="provisions-empty">{t('knowledge.provisions.none')}</p>
      ) : (
        <ol className="provisions" data-testid="provisions-list">
          {items.map((p) => (
            <ProvisionItem key={`${p.eid}@${p.validFrom}`} p={p} lang={record.lang} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ProvisionItem({ p, lang }: { p: Provision; lang: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li id={p.eid} data-eid={p.eid} className="provision">
      {p.heading && (
        <h3 lang={lang} dir={dirOf(lang)}>
          {p.heading}
        </h3>
      )}
      <p lang={lang} dir={dirOf(lang)} className="provision-text">
        {p.text}
      </p>
      <p className="muted provision-period">
        {p.validTo
          ? t('knowledge.provisions.period', { from: f.date(p.validFrom), to: f.date(p.validTo) })
          : t('knowledge.provisions.since', { from: f.date(p.validFrom) })}
        {p.change && (
          <>
            {' · '}
            <span lang="en" dir="ltr">
              {p.change}
            </span>
          </>
        )}
      </p>
    </li>
  );
}
