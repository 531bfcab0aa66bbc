import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import type { RecordVersion } from '../../web/api/types.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { NotFoundMessage } from '../../web/components/NotFound.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { isolate, useFormat } from '../../web/format.ts';
import { useApi } from '../../web/useApi.ts';
import { dirOf } from './names.ts';
import { shortTitle } from './RecordPage.tsx';

/** Fields of a snapshot worth naming when they change (the API's column names). */
const FIELDS: Record<string, string> = {
  title: 'title',
  lang: 'language',
  symbol: 'symbol',
  states: 'states',
  date: 'date',
  dates: 'dates',
  source_url: 'source',
  full_text: 'text',
  details: 'details',
  crimes: 'crimes',
  topics: 'topics',
  access: 'access',
  access_state: 'access',
  body: 'structure',
  retired_at: 'retired',
};

function changedFields(v: RecordVersion, prev: RecordVersion | undefined): string[] {
  if (!prev) return [];
  const out = new Set<string>();
  for (const [k, name] of Object.entries(FIELDS)) {
    if (JSON.stringify(v.snapshot[k] ?? null) !== JSON.stringify(prev.snapshot[k] ?? null)) out.add(name);
  }
  return [...out];
}

/** Versions shown on one page; one more is fetched to say what the last one shown changed. */
const PAGE = 20;

/**
 * /records/:id/versions[?before=N]: the versions of a record the reader may see, newest first, a page at a
 * time (the older pages by `before`, so a page can be linked to), who made each and when, and what changed.
 */
export function RecordVersionsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useParams().id ?? '';
  const [params] = useSearchParams();
  const before = Number(params.get('before')) || undefined;
  const record = useApi((signal) => ok(api.GET('/api/v1/records/{id}', { params: { path: { id } }, signal })), [id]);
  const versions = useApi((signal) => ok(api.GET('/api/v1/records/{id}/versions', { params: { path: { id }, query: { before, limit: PAGE + 1 } }, signal })), [id, before]);
  const title = record.data?.title;
  usePageTitle(title ? t('knowledge.versions.titleOf', { title: shortTitle(title) }) : t('knowledge.versions.title'));

  if (record.status === 'error' && (record.error.status === 404 || record.error.status === 400)) {
    return (
      <NotFoundMessage title={t('knowledge.record.notFoundTitle')} backTo="/search" backLabel={t('knowledge.record.backToSearch')}>
        <p>{t('knowledge.record.notFoundText')}</p>
      </NotFoundMessage>
    );
  }
  const fetched = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  const byNumber = new Map(fetched.map((v) => [v.version, v]));
  const list = fetched.slice(0, PAGE);
  const older = fetched.length > PAGE ? list[list.length - 1]!.version : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('nav.home') },
          { to: '/search', label: t('nav.search') },
          { to: `/records/${id}`, label: title ? shortTitle(title, 60) : t('knowledge.record.title') },
          { label: t('knowledge.versions.title') },
        ]}
      />
      <h1>{t('knowledge.versions.title')}</h1>
      {record.data && (
        <p>
          <Link to={`/records/${id}`} lang={record.data.lang} dir={dirOf(record.data.lang)}>
            {record.data.title}
          </Link>
        </p>
      )}
      {versions.status === 'error' && <ErrorMessage error={versions.error} onRetry={versions.reload} />}
      {versions.status === 'loading' && !versions.data && <Loading />}
      {list.length > 0 && (
        <ol className="versions" data-testid="versions" reversed>
          {list.map((v) => {
            const changed = changedFields(v, byNumber.get(v.version - 1));
            return (
              <li key={v.version} id={`v${v.version}`} data-version={v.version}>
                <h2 className="h3-like">{t('knowledge.versions.version', { version: f.number(v.version) })}</h2>
                <p>
                  {t('knowledge.versions.changed', { by: isolate(v.changedBy), date: f.date(v.changedAt) })}
                  {v.note && (
                    <>
                      {' '}
                      <span className="muted" dir="auto">
                        “{v.note}”
                      </span>
                    </>
                  )}
                </p>
                {changed.length > 0 && (
                  <p className="small">
                    {t('knowledge.versions.fields')}{' '}
                    {changed.map((c) => t(`knowledge.versions.field.${c}`)).join(t('knowledge.listSeparator'))}
                  </p>
                )}
                {typeof v.snapshot.title === 'string' && (
                  <details className="help">
                    <summary>{t('knowledge.versions.show')}</summary>
                    <dl className="facts small">
                      <dt>{t('knowledge.versions.field.title')}</dt>
                      <dd lang={String(v.snapshot.lang ?? '')}>{v.snapshot.title}</dd>
                      {typeof v.snapshot.full_text === 'string' && v.snapshot.full_text && (
                        <>
                          <dt>{t('knowledge.versions.field.text')}</dt>
                          <dd lang={String(v.snapshot.lang ?? '')} className="snapshot-text">
                            {shortTitle(v.snapshot.full_text, 600)}
                          </dd>
                        </>
                      )}
                    </dl>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {versions.data && (
        <nav className="pager" aria-label={t('knowledge.versions.title')} data-testid="versions-pager">
          <p className="small muted" data-testid="versions-total">
            {t('knowledge.versions.shown', { shown: f.number(list.length), total: f.number(versions.data.total) })}
          </p>
          {before !== undefined && <Link to={`/records/${id}/versions`}>{t('knowledge.versions.newest')}</Link>}{' '}
          {older !== null && (
            <Link to={`/records/${id}/versions?before=${older}`} data-testid="versions-older">
              {t('knowledge.versions.older')}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
