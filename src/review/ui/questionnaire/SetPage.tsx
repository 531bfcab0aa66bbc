import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../web/api/client.ts';
import { Breadcrumbs } from '../../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useSession } from '../../../web/session.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { newVersion, publishDraft, useQuestionSet } from './questionnaireApi.ts';
import './questionnaire.css';

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/**
 * /review-questionnaires/:id: one version of a question set, its questions in the UI language, the other languages
 * side by side on request. The secretariat starts a new version from it, edits a draft and publishes it.
 */
export function SetPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const secretariat = !!session.user?.roles.includes('secretariat');
  const [n, setN] = useState(0);
  const [others, setOthers] = useState(false);
  const [err, setErr] = useState<ApiError | null>(null);
  const set = useQuestionSet(id, i18n.language, [n]);
  usePageTitle(set.data?.title.text ?? t('reviewQuestionnaire.sets.title'));
  const act = async (f: () => Promise<unknown>) => { setErr(null); try { await f(); } catch (e) { setErr(e as ApiError); } };
  return (
    <main className="rq-page">
      <Breadcrumbs items={[{ label: t('reviewQuestionnaire.sets.title'), to: '/review-questionnaires' }, { label: set.data?.title.text ?? '…' }]} />
      {set.status === 'error' && <ErrorMessage error={set.error} onRetry={set.reload} />}
      {!set.data && set.status === 'loading' && <Loading />}
      {set.data && (
        <>
          <h1 lang={set.data.title.fallback ? set.data.title.lang : undefined}>{set.data.title.text}</h1>
          <p className="rq-meta">{t('reviewQuestionnaire.version', { version: set.data.version })} · {t(`reviewQuestionnaire.status.${set.data.status}`)}</p>
          <p>
            <label className="rq-check"><input type="checkbox" checked={others} onChange={(e) => setOthers(e.target.checked)} /> {t('reviewQuestionnaire.sets.otherLanguages')}</label>
          </p>
          {secretariat && set.data.status !== 'draft' && (
            <p><button type="button" onClick={() => act(async () => { const d = await newVersion(set.data!.instrument as 'UNTOC', set.data!.cluster); navigate(`/review-questionnaires/${d.id}`); })}>{t('reviewQuestionnaire.sets.newVersion')}</button></p>
          )}
          {secretariat && set.data.status === 'draft' && (
            <p><button type="button" onClick={() => act(async () => { await publishDraft(id); setN((x) => x + 1); })}>{t('reviewQuestionnaire.sets.publish')}</button></p>
          )}
          {err && <ErrorMessage error={err} />}
          {secretariat && set.data.status === 'draft' ? (
            <DraftEditor set={set.data} onSaved={() => setN((x) => x + 1)} />
          ) : (
            <ol className="rq-set-questions">
              {set.data.questions.map((q) => (
                <li key={q.id}>
                  <p><span className="rq-key">{q.key}</span> · {t('reviewQuestionnaire.article', { article: q.article })}{q.paragraph && ` (${q.paragraph})`} · {t(`reviewQuestionnaire.types.${q.answerType}`)}</p>
                  <p lang={q.text.fallback ? q.text.lang : undefined}>{q.text.text}</p>
                  {others && (
                    <dl className="rq-langs">
                      {LANGS.filter((l) => l !== q.text.lang && q.texts[l]).map((l) => (
                        <div key={l}><dt>{l}</dt><dd lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>{q.texts[l]}</dd></div>
                      ))}
                    </dl>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </main>
  );
}
