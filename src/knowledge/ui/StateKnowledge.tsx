import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordGroup } from './ArticleKnowledge.tsx';
import { searchHref } from './searchUrl.ts';

const SECTIONS = [
  { key: 'legislation', types: ['legislation'] },
  { key: 'caseLaw', types: ['case', 'cooperation-case'] },
  { key: 'documents', types: ['cop-document', 'recommendation'] },
] as const;

/** On a State's page: its legislation, its case law, and the documents and recommendations that concern it. */
export function StateKnowledge({ iso3 }: { iso3: string }) {
  const { t } = useTranslation();
  return (
    <div className="state-knowledge" data-testid="state-knowledge">
      {SECTIONS.map((s) => (
        <RecordGroup key={s.key} level={2} id={`state-${s.key}`} title={t(`knowledge.state.${s.key}`)} params={{ state: [iso3], type: [...s.types] }} />
      ))}
      <p>
        <Link to={searchHref({ state: [iso3] })}>{t('knowledge.state.searchAll')}</Link>
      </p>
    </div>
  );
}
