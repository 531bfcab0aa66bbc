import { useTranslation } from 'react-i18next';
import type { Article } from '../../web/api/types.ts';
import { useLang } from '../../web/i18n.ts';

/** An article's title; one given in another language than the UI's is marked as such (lang attribute and a note). */
export function ArticleTitle({ article }: { article: Pick<Article, 'title' | 'titleLanguage'> }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!article.title) return <span className="muted">{t('articles.noTitle')}</span>;
  const other = article.titleLanguage && article.titleLanguage !== lang ? article.titleLanguage : null;
  if (!other) return <>{article.title}</>;
  return (
    <>
      <span lang={other} dir={other === 'ar' ? 'rtl' : 'ltr'}>
        {article.title}
      </span>
      <span className="lang-note" data-testid="title-language-note">
        {other === 'en' ? t('articles.titleEnglishOnly') : t('articles.titleNotTranslated')}
      </span>
    </>
  );
}
