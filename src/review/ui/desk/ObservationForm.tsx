import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../web/api/client.ts';
import { ErrorMessage } from '../../../web/components/LoadState.tsx';
import { deskApi, type Observation, type Review } from './deskApi.ts';

const KINDS = ['gap', 'good_practice', 'suggestion', 'ta_need'] as const;
const TA = ['legislative_assistance', 'institution_building', 'policymaking', 'capacity_building', 'research_data_collection', 'international_cooperation', 'model_agreements', 'other'] as const;

/** Adding an item to a reviewing State's list: kind (a TA need with its category), instrument, articles, text. */
export function ObservationForm({ review, state, onChanged }: { review: Review; state: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Observation['kind']>('gap');
  const [category, setCategory] = useState<string>(TA[0]);
  const [instrument, setInstrument] = useState(review.instruments[0] ?? 'UNTOC');
  const [articles, setArticles] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const nums = articles.split(/[\s,;،、，]+/).filter(Boolean).map(Number);
    deskApi.addObservation(review.id, { reviewingState: state, kind, ...(kind === 'ta_need' ? { taCategory: category } : {}), instrument, articles: nums, text })
      .then(() => { setText(''); setArticles(''); onChanged(); }, setError);
  };
  const id = (f: string) => `obs-${state}-${f}`;
  return (
    <form className="desk-obs-form" onSubmit={submit} data-testid={`desk-obs-form-${state}`}>
      <h4>{t('reviewDesk.obs.add')}</h4>
      <div className="desk-fields">
        <label htmlFor={id('kind')}>{t('reviewDesk.obs.kind')}</label>
        <select id={id('kind')} value={kind} onChange={(e) => setKind(e.target.value as Observation['kind'])} data-testid="desk-obs-kind">
          {KINDS.map((k) => <option key={k} value={k}>{t(`reviewDesk.obsKinds.${k}`)}</option>)}
        </select>
        {kind === 'ta_need' && (<>
          <label htmlFor={id('cat')}>{t('reviewDesk.obs.category')}</label>
          <select id={id('cat')} value={category} onChange={(e) => setCategory(e.target.value)} data-testid="desk-obs-category">
            {TA.map((c) => <option key={c} value={c}>{t(`reviewDesk.ta.${c}`)}</option>)}
          </select>
        </>)}
        <label htmlFor={id('ins')}>{t('reviewDesk.obs.instrument')}</label>
        <select id={id('ins')} value={instrument} onChange={(e) => setInstrument(e.target.value)} data-testid="desk-obs-instrument">
          {review.instruments.map((i) => <option key={i} value={i}>{i}</option>)}
        </select>
        <label htmlFor={id('art')}>{t('reviewDesk.obs.articles')}</label>
        <input id={id('art')} required inputMode="numeric" value={articles} onChange={(e) => setArticles(e.target.value)} placeholder="5, 6" data-testid="desk-obs-articles" />
        <label htmlFor={id('text')}>{t('reviewDesk.obs.text')}</label>
        <textarea id={id('text')} required rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="desk-obs-text" />
      </div>
      <button type="submit" className="button" data-testid="desk-obs-add">{t('reviewDesk.obs.addButton')}</button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
