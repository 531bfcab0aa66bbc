import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../web/api/client.ts';
import { Breadcrumbs } from '../../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { ConsultationPanel } from './ConsultationPanel.tsx';
import { submitAnswers, useQuestionnaire, useReview, type Questionnaire } from './questionnaireApi.ts';
import { refusalText } from '../core/refusalText.ts';
import './questionnaire.css';

/**
 * /reviews/:id/questionnaire: the review's questions by instrument and article, one form per question. The reviewed
 * State's focal point and experts answer while the review is answering; everyone else in the review reads. The
 * Submit button appears exactly when the review's actions allow `submit_answers`, with the reasons when they do not.
 */
export function QuestionnairePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [n, setN] = useState(0);
  // kept here: the body is replaced while the questionnaire reloads after a save
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const q = useQuestionnaire(id, i18n.language, [n]);
  const review = useReview(id, i18n.language, [n]);
  usePageTitle(t('reviewQuestionnaire.title'));
  return (
    <main className="rq-page">
      <Breadcrumbs items={[{ label: t('reviewQuestionnaire.reviews'), to: '/reviews' }, { label: t('reviewQuestionnaire.review'), to: `/reviews/${id}` }, { label: t('reviewQuestionnaire.title') }]} />
      <h1>{t('reviewQuestionnaire.title')}</h1>
      {q.status === 'error' && <ErrorMessage error={q.error} onRetry={q.reload} />}
      {!q.data && q.status === 'loading' && <Loading />}
      {q.data && <Body data={q.data} reviewId={id} review={review.data} justSaved={justSaved} onSaved={setJustSaved} onChange={() => setN((x) => x + 1)} />}
    </main>
  );
}

function Body({ data, reviewId, review, justSaved, onSaved, onChange }: { data: Questionnaire; reviewId: string; justSaved: string | null; onSaved: (questionId: string) => void; review: { actions: Array<{ action: string; allowed: boolean; reasons: Array<{ code?: string; message: string }> }>; standing: { side: string; role: string } } | undefined; onChange: () => void }) {
  const { t } = useTranslation();
  const [submitErr, setSubmitErr] = useState<ApiError | null>(null);
  const submit = review?.actions.find((a) => a.action === 'submit_answers');
  const reviewedSide = review?.standing.side === 'reviewed';
  const pct = data.progress.total ? Math.round((100 * data.progress.answered) / data.progress.total) : 0;
  return (
    <>
      <p className="rq-progress" data-testid="rq-progress">
        {t('reviewQuestionnaire.progress', { answered: data.progress.answered, total: data.progress.total })}
        <progress max={data.progress.total || 1} value={data.progress.answered} aria-label={`${pct}%`} />
      </p>
      {!data.opened && <p className="rq-hint">{t('reviewQuestionnaire.notOpened')}</p>}
      {data.opened && !data.canAnswer && <p className="rq-hint">{t('reviewQuestionnaire.readOnly')}</p>}
      {data.excluded.length > 0 && <p className="rq-hint">{t('reviewQuestionnaire.excluded', { articles: data.excluded.map((e) => `${e.instrument} ${e.article}`).join(', ') })}</p>}
      {data.instruments.map((ins) => (
        <section key={ins.instrument} className="rq-instrument" aria-labelledby={`rq-${ins.instrument}`}>
          <h2 id={`rq-${ins.instrument}`} lang={ins.set.title.fallback ? ins.set.title.lang : undefined}>{ins.set.title.text} <span className="rq-meta">{t('reviewQuestionnaire.version', { version: ins.set.version })}</span></h2>
          {ins.articles.map((a) => (
            <section key={a.article} className="rq-article" aria-labelledby={`rq-${ins.instrument}-${a.article}`}>
              <h3 id={`rq-${ins.instrument}-${a.article}`}>{t('reviewQuestionnaire.article', { article: a.article })}</h3>
              {a.questions.map((q) => (
                <article key={q.id} className={`rq-question${q.answer ? ' rq-answered' : ''}`} data-testid={`question-${q.key}`}>
                  <p className="rq-text" id={`q-${q.id}`} lang={q.text.fallback ? q.text.lang : undefined}>
                    <span className="rq-key">{q.key}</span> {q.text.text}
                    {q.text.fallback && <span className="rq-meta"> ({t('reviewQuestionnaire.fallback', { lang: q.text.lang })})</span>}
                  </p>
                  {q.guidance && <p className="rq-hint" lang={q.guidance.fallback ? q.guidance.lang : undefined}>{q.guidance.text}</p>}
                  <p className="rq-meta">{t(`reviewQuestionnaire.types.${q.answerType}`)} · {q.answer ? t('reviewQuestionnaire.answered') : t('reviewQuestionnaire.unanswered')}</p>
                  {(data.canAnswer || q.answer) ? (
                    <AnswerForm key={`${q.id}-${q.answer?.version ?? 0}`} reviewId={reviewId} q={q} legislation={a.legislation} editable={data.canAnswer} justSaved={justSaved === q.id} onSaved={(qid) => { onSaved(qid); onChange(); }} />
                  ) : null}
                </article>
              ))}
            </section>
          ))}
        </section>
      ))}
      <ConsultationPanel reviewId={reviewId} editable={data.canAnswer} />
      {submit && reviewedSide && data.stage === 'answering' && (
        <section className="rq-submit" aria-labelledby="rq-submit-h">
          <h2 id="rq-submit-h">{t('reviewQuestionnaire.submit.title')}</h2>
          {submit.allowed ? (
            <button type="button" onClick={async () => { try { await submitAnswers(reviewId); onChange(); } catch (e) { setSubmitErr(e as ApiError); } }}>{t('reviewQuestionnaire.submit.button')}</button>
          ) : (
            <>
              <p>{t('reviewQuestionnaire.submit.notYet')}</p>
              <ul>{submit.reasons.map((r) => { const x = refusalText(t, r); return <li key={r.message} lang={x.lang} dir={x.lang ? 'ltr' : undefined}>{x.text}</li>; })}</ul>
            </>
          )}
          {submitErr && <ErrorMessage error={submitErr} />}
        </section>
      )}
    </>
  );
}
