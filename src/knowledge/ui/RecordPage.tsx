import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import type { KnowledgeRecord } from '../../web/api/types.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { NotFoundMessage } from '../../web/components/NotFound.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useFormat, useLanguageName } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';
import { useSession } from '../../web/session.tsx';
import { useApi } from '../../web/useApi.ts';
import { AccessBadge, TypeBadge } from './Badges.tsx';
import type { TocEntry } from './DocumentToc.tsx';
import { DocumentView, parsedBody } from './DocumentView.tsx';
import { LegislationProvisions } from './LegislationProvisions.tsx';
import { LinksSection } from './LinksSection.tsx';
import { dirOf, useStateNames } from './names.ts';
import { paragraphLabel, RecordDetails } from './RecordDetails.tsx';
import { Recommendations } from './Recommendations.tsx';
import { searchHref } from './searchUrl.ts';
import { useScrollToHash } from './useScrollToHash.ts';

const DATE_KINDS = ['adopted', 'decided', 'published', 'in_force', 'enacted'] as const;

/** Long titles (a recommendation's is its text) shortened for breadcrumbs and the browser tab. */
export function shortTitle(title: string, max = 80): string {
  return title.length > max ? `${title.slice(0, max - 1)}…` : title;
}

/** /records/:id: any knowledge record, with its details, text or document structure, links and history. */
export function RecordPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const res = useApi((signal) => ok(api.GET('/api/v1/records/{id}', { params: { path: { id } }, signal })), [id]);
  const data = res.data?.id === id ? res.data : undefined;
  const missing = res.status === 'error' && (res.error.status === 404 || res.error.status === 400);
  usePageTitle(data ? shortTitle(data.title) : missing ? t('knowledge.record.notFoundTitle') : t('knowledge.record.title'));
  useScrollToHash(!!data);

  if (missing) {
    return (
      <NotFoundMessage title={t('knowledge.record.notFoundTitle')} backTo="/search" backLabel={t('knowledge.record.backToSearch')}>
        <p data-testid="record-not-found">{t('knowledge.record.notFoundText')}</p>
      </NotFoundMessage>
    );
  }
  const crumbs = [
    { to: '/', label: t('nav.home') },
    { to: '/search', label: t('nav.search') },
    ...(data ? [{ to: searchHref({ type: [data.type] }), label: t(`knowledge.typesPlural.${data.type}`) }] : []),
    { label: data ? shortTitle(data.title, 60) : t('knowledge.record.title') },
  ];
  if (!data) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        {res.status === 'error' ? <ErrorMessage error={res.error} onRetry={res.reload} /> : <Loading />}
      </>
    );
  }
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <RecordView record={data} />
    </>
  );
}

function RecordView({ record }: { record: KnowledgeRecord }) {
  const { t } = useTranslation();
  const lang = useLang();
  const f = useFormat();
  const session = useSession();
  const states = useStateNames();
  const languageName = useLanguageName();
  const parent = useApi((signal) => (record.parentId ? ok(api.GET('/api/v1/records/{id}', { params: { path: { id: record.parentId } }, signal })) : Promise.resolve(null)), [record.parentId]);
  const doc = record.type === 'cop-document' ? parsedBody(record) : null;
  const titleTranslation = record.lang !== lang ? record.translations.find((x) => x.field === 'title' && x.lang === lang) : undefined;
  // Reviewing links is editing the record's content: the server says whether this viewer may.
  const canReview = record.permissions.edit;
  const dates = DATE_KINDS.filter((k) => record.dates[k]);
  const after: TocEntry[] = [
    { id: 'recommendations', label: t('knowledge.rec.title') },
    { id: 'references', label: t('knowledge.links.title') },
    { id: 'incoming', label: t('knowledge.incoming.title') },
  ];

  return (
    <article className="record" data-testid="record" data-type={record.type} data-id={record.id}>
      <p className="record-kicker">
        <TypeBadge type={record.type} />
        <AccessBadge access={record.access} state={record.accessState} />
      </p>
      <h1 lang={record.lang} dir={dirOf(record.lang)} data-testid="record-title" className={record.type === 'recommendation' ? 'long-title' : undefined}>
        {record.title}
      </h1>
      {titleTranslation && (
        <p className="title-translation" data-testid="title-translation">
          {titleTranslation.value} <TranslationKind kind={titleTranslation.kind} />
        </p>
      )}
      {record.retiredAt && (
        <div className="notice notice-warn" role="note" data-testid="retired">
          <p>
            {t('knowledge.record.retired', { date: f.date(record.retiredAt) })}
            {record.retiredReason && (
              <>
                {' '}
                <span lang="en" dir="ltr">
                  ({record.retiredReason})
                </span>
              </>
            )}
          </p>
        </div>
      )}

      <dl className="facts" data-testid="record-facts">
        <dt>{t('knowledge.record.type')}</dt>
        <dd>{t(`knowledge.types.${record.type}`, { defaultValue: record.type })}</dd>
        <dt>{t('knowledge.record.language')}</dt>
        <dd>
          {languageName(record.lang)}
          {record.languageVersions.length > 0 && (
            <>
              {' · '}
              <span>{t('knowledge.record.otherVersions')}</span>{' '}
              <ul className="inline-list" data-testid="language-versions">
                {record.languageVersions.map((v) => (
                  <li key={v.id}>
                    <Link to={`/records/${v.id}`} hrefLang={v.lang}>
                      {languageName(v.lang)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </dd>
        {record.symbol && (
          <>
            <dt>{t('knowledge.record.symbol')}</dt>
            <dd>
              <code dir="ltr">{record.symbol}</code>
            </dd>
          </>
        )}
        {record.date && (
          <>
            <dt>{t('knowledge.record.date')}</dt>
            <dd>{f.date(record.date)}</dd>
          </>
        )}
        {dates.map((k) => (
          <div key={k} className="facts-pair">
            <dt>{t(`knowledge.record.dates.${k}`)}</dt>
            <dd>{f.date(record.dates[k])}</dd>
          </div>
        ))}
        {record.states.length > 0 && (
          <>
            <dt>{t('knowledge.record.states')}</dt>
            <dd>
              <ul className="inline-list">
                {record.states.map((s) => (
                  <li key={s}>
                    <Link to={`/states/${s}`}>{states.get(s) ?? s}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {record.parentId && (
          <>
            <dt>{t('knowledge.record.fromDocument')}</dt>
            <dd>
              <Link to={`/records/${record.parentId}${record.parentRef ? `#${record.parentRef}` : ''}`} data-testid="parent-link">
                {parent.data ? (
                  <span lang={parent.data.lang} dir={dirOf(parent.data.lang)}>
                    {parent.data.title}
                  </span>
                ) : (
                  t('knowledge.record.document')
                )}
              </Link>
              {record.parentRef && <span className="muted"> · {paragraphLabel(t, record.parentRef)}</span>}
            </dd>
          </>
        )}
        {record.crimes.length > 0 && (
          <>
            <dt>{t('knowledge.facets.crime')}</dt>
            <dd>
              <ul className="inline-list">
                {record.crimes.map((c) => (
                  <li key={c}>
                    <Link to={searchHref({ crime: [c] })}>{t(`knowledge.crimes.${c}`, { defaultValue: c })}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {record.topics.length > 0 && (
          <>
            <dt>{t('knowledge.record.topics')}</dt>
            <dd lang="en">{record.topics.join(', ')}</dd>
          </>
        )}
        <dt>{t('knowledge.record.access')}</dt>
        <dd>
          <AccessBadge access={record.access} state={record.accessState} />
        </dd>
        {(record.sourceUrl || record.sourceFile) && (
          <>
            <dt>{t('knowledge.record.source')}</dt>
            <dd>
              {record.sourceUrl && /^https?:\/\//i.test(record.sourceUrl) ? (
                <a href={record.sourceUrl} rel="noopener noreferrer" dir="ltr">
                  {record.sourceUrl}
                </a>
              ) : (
                <span dir="ltr">{record.sourceFile}</span>
              )}
            </dd>
          </>
        )}
        <dt>{t('knowledge.record.version')}</dt>
        <dd>
          {t('knowledge.record.versionText', { version: f.number(record.version), date: f.date(record.updatedAt) })}{' '}
          <Link to={`/records/${record.id}/versions`} data-testid="history-link">
            {t('knowledge.record.history')}
          </Link>
        </dd>
      </dl>

      <RecordDetails record={record} />

      {doc ? (
        <DocumentView record={record} doc={doc} after={after} />
      ) : record.type === 'legislation' ? (
        <LegislationProvisions record={record} />
      ) : (
        record.fullText && (
          <section aria-labelledby="text-title" data-testid="record-text">
            <h2 id="text-title">{t('knowledge.record.text')}</h2>
            <div className="prose full-text" lang={record.lang} dir={dirOf(record.lang)}>
              {record.fullText
                .split(/\n+/)
                .filter((x) => x.trim())
                .map((para, i) => (
                  <p key={i}>{para}</p>
                ))}
            </div>
          </section>
        )
      )}

      {record.type === 'cop-document' && <Recommendations record={record} doc={doc} />}

      {record.translations.length > 0 && <Translations record={record} />}

      <LinksSection record={record} canReview={canReview} csrfToken={session.csrfToken} />

      <section aria-labelledby="incoming-title" id="incoming" data-testid="incoming">
        <h2 id="incoming-title">{t('knowledge.incoming.title')}</h2>
        {record.incoming.length === 0 ? (
          <p className="muted">{t('knowledge.incoming.none')}</p>
        ) : (
          <ul className="plain-list">
            {record.incoming.map((x, i) => (
              <li key={`${x.id}-${i}`}>
                <TypeBadge type={x.type} />{' '}
                <Link to={`/records/${x.id}`} lang={x.lang} dir={dirOf(x.lang)}>
                  {shortTitle(x.title, 140)}
                </Link>
                {x.text && (
                  <>
                    {' '}
                    <q className="link-quote" lang={x.lang} dir={dirOf(x.lang)}>
                      {x.text}
                    </q>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function TranslationKind({ kind }: { kind: 'official' | 'unofficial' | 'machine' }) {
  const { t } = useTranslation();
  return (
    <span className={`badge translation-${kind}`} data-kind={kind}>
      {t(`knowledge.translations.kind.${kind}`)}
    </span>
  );
}

/** Translations of the record's fields, each marked official, unofficial or machine. */
function Translations({ record }: { record: KnowledgeRecord }) {
  const { t } = useTranslation();
  const f = useFormat();
  const languageName = useLanguageName();
  const fields = [...new Set(record.translations.map((x) => x.field))];
  return (
    <section aria-labelledby="translations-title" data-testid="translations">
      <h2 id="translations-title">{t('knowledge.translations.title')}</h2>
      {fields.map((field) => (
        <div key={field}>
          <h3>{t(`knowledge.translations.field.${field}`, { defaultValue: field })}</h3>
          <ul className="translations">
            {record.translations
              .filter((x) => x.field === field)
              .map((x) => (
                <li key={`${x.field}-${x.lang}`} data-lang={x.lang} data-kind={x.kind}>
                  <p className="translation-head">
                    <strong>{languageName(x.lang)}</strong> <TranslationKind kind={x.kind} />{' '}
                    <span className="muted small">{t('knowledge.translations.byAt', { by: x.by, date: f.date(x.at) })}</span>
                  </p>
                  {x.value.length > 600 ? (
                    <details>
                      <summary>{t('knowledge.translations.show')}</summary>
                      <p className="prose" lang={x.lang} dir={dirOf(x.lang)}>
                        {x.value}
                      </p>
                    </details>
                  ) : (
                    <p lang={x.lang} dir={dirOf(x.lang)}>
                      {x.value}
                    </p>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
