import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../web/api/client.ts';
import { ErrorMessage } from '../../../web/components/LoadState.tsx';
import { actionOf, deskApi, type Comment, type Review, type Thread } from './deskApi.ts';

/** One message: who, when, its status (draft, sent, answered), its due date and an overdue mark; Send for the focal point's drafts. */
function Message({ review, c, onChanged }: { review: Review; c: Comment; onChanged: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <li className={`desk-msg desk-msg-${c.kind} ${c.status === 'draft' ? 'is-draft' : ''}`} data-testid="desk-message">
      <p className="desk-msg-head small">
        <strong>{t(`reviewDesk.kinds.${c.kind}`)}</strong> · {c.author.name}{c.author.state ? ` (${c.author.state})` : ''} ·{' '}
        <span className={`badge desk-status-${c.status}`}>{t(`reviewDesk.status.${c.status}`)}</span>
        {c.dueOn && <> · {t('reviewDesk.due', { date: c.dueOn })}</>}
        {c.overdue && <> <span className="badge desk-overdue" data-testid="desk-overdue">{t('reviewDesk.overdue')}</span></>}
      </p>
      <p className="desk-msg-body" dir="auto">{c.body}</p>
      {c.canSend && (
        <button type="button" className="button small" data-testid="desk-send" onClick={() => deskApi.send(review.id, c.id).then(onChanged, setError)}>
          {t('reviewDesk.send')}
        </button>
      )}
      {c.status === 'draft' && !c.canSend && <p className="small desk-reason">{t('reviewDesk.draftNote')}</p>}
      {error && <ErrorMessage error={error} />}
    </li>
  );
}

/** Writing a message: feedback or a clarification (a reviewing State), or a reply (the reviewed State). */
export function Composer({ review, questionId, parentId, onChanged }: { review: Review; questionId?: string; parentId?: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const side = review.standing.side;
  const kinds = parentId ? (side === 'reviewed' ? ['reply'] : ['feedback', 'clarification']) : side === 'reviewing' ? ['feedback', 'clarification'] : [];
  const [kind, setKind] = useState(kinds[0] ?? 'feedback');
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  if (!actionOf(review, 'comment').allowed || kinds.length === 0) return null;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    deskApi.comment(review.id, { kind: kind as Comment['kind'], body, ...(questionId && !parentId ? { questionId } : {}), ...(parentId ? { parentId } : {}) })
      .then(() => { setBody(''); onChanged(); }, setError);
  };
  return (
    <form className="desk-composer" onSubmit={submit}>
      {kinds.length > 1 && (
        <select aria-label={t('reviewDesk.kind')} value={kind} onChange={(e) => setKind(e.target.value)} data-testid="desk-kind">
          {kinds.map((k) => <option key={k} value={k}>{t(`reviewDesk.kinds.${k}`)}</option>)}
        </select>
      )}
      <textarea required rows={3} value={body} onChange={(e) => setBody(e.target.value)} data-testid="desk-body"
        aria-label={parentId ? t('reviewDesk.replyLabel') : t('reviewDesk.commentLabel')} />
      <button type="submit" className="button" data-testid="desk-save-draft">{t('reviewDesk.saveDraft')}</button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

/** The threads on one question (or the general ones), each with its replies and a reply box. */
export function Threads({ review, threads, questionId, onChanged }: { review: Review; threads: Thread[]; questionId?: string; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="desk-threads">
      {threads.length === 0 && <p className="small">{t('reviewDesk.noThreads')}</p>}
      {threads.map((th) => (
        <ol key={th.root.id} className="desk-thread" aria-label={t('reviewDesk.threadOf', { state: th.root.reviewingState })}>
          <Message review={review} c={th.root} onChanged={onChanged} />
          {th.replies.map((c) => <Message key={c.id} review={review} c={c} onChanged={onChanged} />)}
          {th.root.status !== 'draft' && <li className="desk-reply"><Composer review={review} parentId={th.root.id} onChanged={onChanged} /></li>}
        </ol>
      ))}
      <Composer review={review} {...(questionId ? { questionId } : {})} onChanged={onChanged} />
    </div>
  );
}
