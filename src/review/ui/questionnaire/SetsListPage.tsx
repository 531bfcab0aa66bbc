import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useSession } from '../../../web/session.tsx';
import { useQuestionSets } from './questionnaireApi.ts';
import './questionnaire.css';

/** /review-questionnaires: the published question sets (and, for the secretariat, every version), by instrument and cluster. */
export function SetsListPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const secretariat = !!session.user?.roles.includes('secretariat');
  const list = useQuestionSets(i18n.language, secretariat ? 'all' : 'published');
  usePageTitle(t('reviewQuestionnaire.sets.title'));
  return (
    <main className="rq-page">
      <h1>{t('reviewQuestionnaire.sets.title')}</h1>
      <p className="rq-hint">{t('reviewQuestionnaire.sets.intro')}</p>
      {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {!list.data && list.status === 'loading' && <Loading />}
      {list.data && (
        <table className="rq-sets">
          <thead><tr><th scope="col">{t('reviewQuestionnaire.sets.set')}</th><th scope="col">{t('reviewQuestionnaire.sets.version')}</th><th scope="col">{t('reviewQuestionnaire.sets.status')}</th><th scope="col">{t('reviewQuestionnaire.sets.questions')}</th></tr></thead>
          <tbody>
            {list.data.items.map((s) => (
              <tr key={s.id}>
                <td><Link to={`/review-questionnaires/${s.id}`} lang={s.title.fallback ? s.title.lang : undefined}>{s.title.text}</Link></td>
                <td>{s.version}</td>
                <td>{t(`reviewQuestionnaire.status.${s.status}`)}</td>
                <td>{s.questionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
