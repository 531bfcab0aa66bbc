import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../web/api/client.ts';
import { ErrorMessage } from '../../../web/components/LoadState.tsx';
import { editDraft, type QuestionSetFull } from './questionnaireApi.ts';

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** The secretariat's editor of a draft version: each question's text in each language (keys, articles and types stay). */
export function DraftEditor({ set, onSaved }: { set: QuestionSetFull; onSaved: () => void }) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState(() => set.questions.map((q) => ({ ...q.texts })));
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [err, setErr] = useState<ApiError | null>(null);
  async function save() {
    setState('saving');
    setErr(null);
    try {
      await editDraft(set.id, {
        title: set.titles,
        questions: set.questions.map((q, i) => ({
          key: q.key, article: q.article, paragraph: q.paragraph, answerType: q.answerType,
          texts: Object.fromEntries(Object.entries(texts[i]!).filter(([, v]) => v.trim() !== '')),
        })),
      });
      setState('saved');
      onSaved();
    } catch (e) {
      setErr(e as ApiError);
      setState('idle');
    }
  }
  return (
    <form className="rq-editor" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {set.questions.map((q, i) => (
        <fieldset key={q.id}>
          <legend><span className="rq-key">{q.key}</span> · {t('reviewQuestionnaire.article', { article: q.article })} · {t(`reviewQuestionnaire.types.${q.answerType}`)}</legend>
          {LANGS.map((l) => (
            <label key={l}>
              {l}
              <textarea rows={2} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'} value={texts[i]![l] ?? ''} onChange={(e) => setTexts((all) => all.map((x, j) => (j === i ? { ...x, [l]: e.target.value } : x)))} />
            </label>
          ))}
        </fieldset>
      ))}
      <div className="rq-save">
        <button type="submit" disabled={state === 'saving'}>{t('reviewQuestionnaire.sets.saveDraft')}</button>
        <span role="status" aria-live="polite">{state === 'saving' ? t('reviewQuestionnaire.saving') : state === 'saved' ? t('reviewQuestionnaire.saved') : ''}</span>
      </div>
      {err && <ErrorMessage error={err} />}
    </form>
  );
}
