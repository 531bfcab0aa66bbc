import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import type { Article } from '../../web/api/types.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { NotFoundMessage } from '../../web/components/NotFound.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';
import { ArticlesTable } from './ArticlesTable.tsx';
import { chapterText } from './chapterTitle.ts';
import { InstrumentFacts } from './InstrumentFacts.tsx';
import { byCode, useInstruments } from './useInstruments.ts';

interface Chapter {
  chapter: string;
  caption: string;
  articles: Article[];
}

function groupByChapter(articles: Article[], label: (a: Article) => string): Chapter[] {
  const out: Chapter[] = [];
  for (const a of articles) {
    const key = a.chapter ?? '';
    let last = out[out.length - 1];
    if (!last || last.chapter !== key) {
      last = { chapter: key, caption: label(a), articles: [] };
      out.push(last);
    }
    last.articles.push(a);
  }
  return out;
}

/** /instruments/:code: an instrument and its articles (grouped by chapter where the instrument has chapters). */
export function InstrumentPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const code = (useParams().code ?? '').toUpperCase();
  const res = useApi((signal) => ok(api.GET('/api/v1/instruments/{code}', { params: { path: { code }, query: { lang } }, signal })), [code, lang]);
  const all = byCode(useInstruments().data);
  const shortName = (c: string) => all.get(c)?.shortName ?? c;
  const data = res.data?.code === code ? res.data : undefined;
  usePageTitle(data?.shortName ?? (res.status === 'error' && res.error.status === 404 ? t('instruments.notFoundTitle') : t('instruments.title')));

  if (res.status === 'error' && (res.error.status === 404 || res.error.status === 400)) {
    return (
      <NotFoundMessage title={t('instruments.notFoundTitle')} backTo="/instruments" backLabel={t('instruments.backToList')}>
        <p>{t('instruments.notFoundText', { code })}</p>
      </NotFoundMessage>
    );
  }

  const crumbs = [
    { to: '/', label: t('nav.home') },
    { to: '/instruments', label: t('nav.instruments') },
    { label: data?.shortName ?? code },
  ];
  if (!data) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        {res.status === 'error' ? <ErrorMessage error={res.error} onRetry={res.reload} /> : <Loading />}
      </>
    );
  }

  const hasChapters = data.articles.some((a) => a.chapter);
  const showCluster = data.reviewed || data.articles.some((a) => a.cluster);
  const chapters = hasChapters
    ? groupByChapter(data.articles, (a) => (a.chapter ? chapterText(t, data.code, a) : t('articles.title')))
    : [{ chapter: '', caption: t('articles.captionOf', { instrument: data.shortName }), articles: data.articles }];

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1>{data.name}</h1>
      <InstrumentFacts instrument={data} parentName={data.parent ? shortName(data.parent) : undefined} />
      <h2 id="articles-title">{t('articles.title')}</h2>
      {data.articles.length === 0 && <p className="notice">{t('articles.noneLoaded')}</p>}
      {hasChapters && (
        <nav className="chapter-nav" aria-label={t('articles.chapters')}>
          <ol>
            {chapters.map((c) => (
              <li key={c.chapter}>
                <a href={`#chapter-${c.chapter}`}>{c.caption}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {chapters
        .filter((c) => c.articles.length > 0)
        .map((c) =>
          hasChapters ? (
            <section key={c.chapter} aria-labelledby={`chapter-${c.chapter}`}>
              <h3 id={`chapter-${c.chapter}`} tabIndex={-1}>
                {c.caption}
              </h3>
              <ArticlesTable id={`chapter-${c.chapter}-table`} caption={c.caption} captionHidden showCluster={showCluster} articles={c.articles} instrumentName={shortName} />
            </section>
          ) : (
            <ArticlesTable key="all" id="articles-table" caption={c.caption} showCluster={showCluster} articles={c.articles} instrumentName={shortName} />
          ),
        )}
    </>
  );
}
