import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Article } from '../../web/api/types.ts';

/** The review cluster an article belongs to (a link to it), and any restriction on its review. */
export function ClusterBadge({ article, instrumentName }: { article: Pick<Article, 'cluster' | 'reviewedOnlyIfNotPartyTo'>; instrumentName?: (code: string) => string }) {
  const { t } = useTranslation();
  return (
    <>
      {article.cluster ? (
        <Link className="badge" to={`/clusters#${article.cluster.code}`} data-cluster={article.cluster.code}>
          {article.cluster.name}
        </Link>
      ) : (
        <span className="muted small">{t('articles.noCluster')}</span>
      )}
      {article.reviewedOnlyIfNotPartyTo && (
        <span className="review-note" data-testid="reviewed-only-if-not-party">
          {t('articles.reviewedOnlyIfNotPartyTo', {
            instrument: instrumentName ? instrumentName(article.reviewedOnlyIfNotPartyTo) : article.reviewedOnlyIfNotPartyTo,
          })}
        </span>
      )}
    </>
  );
}
