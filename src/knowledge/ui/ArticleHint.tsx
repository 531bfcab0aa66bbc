import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchResult } from '../../web/api/types.ts';
import { articleHref } from './LinksSection.tsx';
import { useArticleLabel } from './names.ts';

/**
 * Above the results of a search that names an article ("article 18", "第十八条", "المادة 18"): a link to the
 * article's page, since whoever types a citation most likely wants the provision itself, then what cites it.
 */
export function ArticleHint({ article }: { article: SearchResult['article'] }) {
  const { t } = useTranslation();
  const label = useArticleLabel();
  if (!article) return null;
  const ref = [article.instrument, article.article, article.paragraph].filter((x) => x !== null).join(':');
  return (
    <p className="notice article-hint" data-testid="article-hint">
      <Link to={articleHref(article)}>{t('knowledge.search.articleHint', { ref: label(ref) })}</Link>
    </p>
  );
}
