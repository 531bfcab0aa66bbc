import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Article } from '../../web/api/types.ts';
import { useFormat } from '../../web/format.ts';
import { ArticleTitle } from './ArticleTitle.tsx';
import { ClusterBadge } from './ClusterBadge.tsx';

/** Articles (number, title, review cluster) of one instrument or one of its chapters. */
export function ArticlesTable({
  caption,
  articles,
  instrumentName,
  id,
  captionHidden = false,
  showCluster = true,
}: {
  caption: string;
  articles: Article[];
  instrumentName: (code: string) => string;
  id?: string;
  /** when a heading with the same words is just above */
  captionHidden?: boolean;
  /** false for an instrument outside the review mechanism */
  showCluster?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="table-scroll" role="region" aria-labelledby={id ? `${id}-caption` : undefined} tabIndex={0}>
      <table className="articles-table" data-testid="articles">
        <caption id={id ? `${id}-caption` : undefined} className={captionHidden ? 'visually-hidden' : undefined}>
          <span>{caption}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="col-number">
              {t('articles.number')}
            </th>
            <th scope="col">{t('articles.titleColumn')}</th>
            {showCluster && (
              <th scope="col" className="col-cluster">
                {t('articles.cluster')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.article} data-testid="article-row" data-article={a.article}>
              <th scope="row" className="num">
                <Link to={`/instruments/${a.instrument}/articles/${a.article}`}>{t('articles.short', { number: f.number(a.article) })}</Link>
              </th>
              <td>
                <ArticleTitle article={a} />
              </td>
              {showCluster && (
                <td>
                  <ClusterBadge article={a} instrumentName={instrumentName} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
