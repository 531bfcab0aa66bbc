import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { NotFoundMessage } from '../../web/components/NotFound.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useFormat } from '../../web/format.ts';
import { useApi } from '../../web/useApi.ts';
import { api, ok } from '../../web/api/client.ts';
import type { Change } from '../../web/api/types.ts';
import type { DraftContent } from '../draft.schema.ts';
import { usePathLabel } from './fieldLabel.ts';
import { wordDiff } from './wordDiff.ts';
import './drafting.css';

/** /drafting/:id/compare?from=&to=: what changed between two versions of a draft, field by field. */
export function ComparePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useParams().id ?? '';
  const [params, setParams] = useSearchParams();
  const num = (k: string) => {
    const v = Number(params.get(k));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const from = num('from');
  const to = num('to');
  const draft = useApi((signal) => ok(api.GET('/api/v1/drafting/drafts/{id}', { params: { path: { id } }, signal })), [id]);
  const versions = useApi((signal) => ok(api.GET('/api/v1/drafting/drafts/{id}/versions', { params: { path: { id } }, signal })).then((r) => r.items), [id]);
  const cmp = useApi((signal) => ok(api.GET('/api/v1/drafting/drafts/{id}/compare', { params: { path: { id }, query: { from: from, to: to } }, signal })), [id, from, to]);
  const pathLabel = usePathLabel((draft.data?.content ?? null) as DraftContent | null);
  usePageTitle(t('drafting.compare.title'));

  if (draft.status === 'error' && (draft.error.status === 404 || draft.error.status === 400)) {
    return (
      <NotFoundMessage title={t('drafting.wizard.notFoundTitle')} backTo="/drafting" backLabel={t('drafting.wizard.backToList')}>
        <p>{t('drafting.wizard.notFoundText')}</p>
      </NotFoundMessage>
    );
  }
  const list = versions.data ?? [];
  const choose = (k: 'from' | 'to', v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };
  const shownFrom = cmp.data?.from ?? from;
  const shownTo = cmp.data?.to ?? to;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('nav.home') },
          { to: '/drafting', label: t('drafting.nav') },
          { to: `/drafting/${id}`, label: draft.data?.reference ?? '…' },
          { label: t('drafting.compare.title') },
        ]}
      />
      <h1>{t('drafting.compare.title')}</h1>
      {draft.data && (
        <p>
          <Link to={`/drafting/${id}`}>{t('drafting.compare.back', { title: draft.data.title || draft.data.reference })}</Link>
        </p>
      )}
      {versions.status === 'error' && <ErrorMessage error={versions.error} onRetry={versions.reload} />}
      {list.length > 0 && (
        <form className="filters compare-form" onSubmit={(e) => e.preventDefault()}>
          {(['from', 'to'] as const).map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`compare-${k}`}>{t(`drafting.compare.${k}`)}</label>
              <select id={`compare-${k}`} value={String((k === 'from' ? shownFrom : shownTo) ?? '')} onChange={(e) => choose(k, e.target.value)} data-testid={`compare-${k}`}>
                {(k === 'from' ? shownFrom : shownTo) === undefined && <option value="">…</option>}
                {list.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('drafting.compare.version', { n: v.version, date: f.date(v.changedAt), name: v.changedBy.name })}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </form>
      )}
      {cmp.status === 'error' && <ErrorMessage error={cmp.error} onRetry={cmp.reload} />}
      {cmp.status === 'loading' && !cmp.data && <Loading />}
      {cmp.data && (
        <>
          <p className="result-count" role="status" data-testid="compare-count">
            {cmp.data.changes.length === 0
              ? t('drafting.compare.none', { from: cmp.data.from, to: cmp.data.to })
              : t('drafting.compare.count', { count: cmp.data.changes.length, from: cmp.data.from, to: cmp.data.to })}
          </p>
          {cmp.data.changes.length > 0 && (
            <ol className="diff-list" data-testid="diff">
              {cmp.data.changes.map((c) => (
                <ChangeItem key={c.path} change={c} label={pathLabel(c.path)} />
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v, null, 1);
}

function ChangeItem({ change: c, label }: { change: Change; label: string }) {
  const { t } = useTranslation();
  const before = show(c.before);
  const after = show(c.after);
  const inline = typeof c.before === 'string' && typeof c.after === 'string' && (before.length > 40 || after.length > 40);
  return (
    <li className={`diff diff-${c.change}`} data-testid="diff-item" data-path={c.path} data-change={c.change}>
      <h2 className="h3-like">
        {label} <span className="badge badge-outline">{t(`drafting.compare.change.${c.change}`)}</span>
      </h2>
      {inline ? (
        <p className="diff-text" dir="auto">
          {wordDiff(before, after).map((p, i) =>
            p.kind === 'same' ? (
              <span key={i}>{p.text}</span>
            ) : p.kind === 'added' ? (
              <ins key={i}>
                <span className="visually-hidden">{t('drafting.compare.addedText')}: </span>
                {p.text}
              </ins>
            ) : (
              <del key={i}>
                <span className="visually-hidden">{t('drafting.compare.removedText')}: </span>
                {p.text}
              </del>
            ),
          )}
        </p>
      ) : (
        <dl className="facts diff-values">
          <dt>{t('drafting.compare.before')}</dt>
          <dd dir="auto">{before ? <del>{before}</del> : <span className="muted">{t('drafting.compare.empty')}</span>}</dd>
          <dt>{t('drafting.compare.after')}</dt>
          <dd dir="auto">{after ? <ins>{after}</ins> : <span className="muted">{t('drafting.compare.empty')}</span>}</dd>
        </dl>
      )}
    </li>
  );
}
