import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { useLang } from '../../../web/i18n.ts';
import { useApi } from '../../../web/useApi.ts';
import { answerText } from './answerText.ts';
import { deskApi, type Review } from './deskApi.ts';
import { StepButton } from './StepButton.tsx';
import { Threads } from './Threads.tsx';

/** Feedback and clarifications, question by question: the question, the reviewed State's answer, the threads. */
export function FeedbackTab({ review, onChanged }: { review: Review; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useApi((signal) => deskApi.questionnaire(review.id, lang, signal), [review.id, lang]);
  const th = useApi((signal) => deskApi.threads(review.id, signal), [review.id]);
  const reload = () => { th.reload(); onChanged(); };
  if (th.status === 'error') return <ErrorMessage error={th.error} onRetry={th.reload} />;
  if (!th.data || q.status === 'loading') return <Loading />;
  const threads = th.data.threads;
  const on = (questionId: string | null) => threads.filter((x) => x.root.questionId === questionId);
  return (
    <section aria-labelledby="desk-feedback-h">
      <h2 id="desk-feedback-h">{t('reviewDesk.tabs.feedback')}</h2>
      <StepButton review={review} action="submit_feedback" label={t('reviewDesk.submitFeedback')} testId="desk-submit-feedback" hideUnlessRelevant={review.standing.side !== 'reviewing'}
        onClick={() => deskApi.step(review.id, { step: 'feedback' }).then(onChanged)} />
      <article className="desk-question">
        <h3>{t('reviewDesk.general')}</h3>
        <Threads review={review} threads={on(null)} onChanged={reload} />
      </article>
      {q.status === 'error' && <p className="small">{t('reviewDesk.noQuestionnaire')}</p>}
      {q.data?.instruments.map((ins) => ins.articles.map((a) => a.questions.map((question) => (
        <article key={question.id} className="desk-question" data-testid="desk-question">
          <h3>{ins.instrument} · {t('reviewDesk.article', { n: a.article })}</h3>
          <p className="desk-question-text" lang={question.text.lang}>{question.text.text}</p>
          <div className="desk-answer">
            <p className="small"><strong>{t('reviewDesk.answer')}</strong></p>
            <p dir="auto">{question.answer ? answerText(question.answer.value) : t('reviewDesk.noAnswer')}</p>
          </div>
          <Threads review={review} threads={on(question.id)} questionId={question.id} onChanged={reload} />
        </article>
      ))))}
    </section>
  );
}
