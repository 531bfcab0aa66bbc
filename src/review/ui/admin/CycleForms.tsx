import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../web/i18n.ts';
import { ErrorMessage } from '../../../web/components/LoadState.tsx';
import { patchCycle, putPlan, useClusters, type Cycle, type PhaseInput } from './adminApi.ts';
import { useSubmit } from './useSubmit.ts';

const DEADLINES = ['focalPointDays', 'expertsDays', 'answersMonths', 'feedbackMonths', 'invitationDays', 'clarificationDays'] as const;

/** The cycle's rules: cap, mutual reviews, most reviewers, deadlines (saved with the version read). */
export function SettingsForm({ cycle, onSaved }: { cycle: Cycle; onSaved: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [s, setS] = useState(cycle.settings);
  const num = (v: string) => Number(v);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(() => patchCycle(cycle.id, { version: cycle.version, settings: { cap: s.cap, allowMutual: s.allowMutual, maxReviewers: s.maxReviewers, deadlines: s.deadlines } }), onSaved);
  };
  return (
    <form className="ra-form" onSubmit={onSubmit} data-testid="settings-form">
      <div className="row">
        <div><label htmlFor="s-cap">{t('reviewAdmin.settings.cap')}</label><input id="s-cap" type="number" min={1} max={20} value={s.cap} onChange={(e) => setS({ ...s, cap: num(e.target.value) })} /></div>
        <div><label htmlFor="s-max">{t('reviewAdmin.settings.maxReviewers')}</label><input id="s-max" type="number" min={2} max={10} value={s.maxReviewers} onChange={(e) => setS({ ...s, maxReviewers: num(e.target.value) })} /></div>
      </div>
      <div><label><input type="checkbox" checked={s.allowMutual} onChange={(e) => setS({ ...s, allowMutual: e.target.checked })} /> {t('reviewAdmin.settings.allowMutual')}</label></div>
      <div className="row">
        {DEADLINES.map((d) => (
          <div key={d}>
            <label htmlFor={`s-${d}`}>{t(`reviewAdmin.settings.${d}`)}</label>
            <input id={`s-${d}`} type="number" min={1} max={365} value={s.deadlines[d]} onChange={(e) => setS({ ...s, deadlines: { ...s.deadlines, [d]: num(e.target.value) } })} />
          </div>
        ))}
      </div>
      <p className="muted">{t('reviewAdmin.settings.pooling')}: <bdi dir="ltr">{Object.entries(s.pooling).map(([k, v]) => `${k} → ${v}`).join(', ')}</bdi></p>
      {submit.error && <ErrorMessage error={submit.error} />}
      <p><button type="submit" disabled={submit.busy}>{t('reviewAdmin.save')}</button></p>
    </form>
  );
}

/** The work plan: phases of clusters from a year offset for some years. */
export function PlanForm({ cycle, onSaved }: { cycle: Cycle; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const clusters = useClusters();
  const submit = useSubmit();
  const [phases, setPhases] = useState<PhaseInput[]>(cycle.plan.map((p) => ({ phase: p.phase, clusters: p.clusters.map((c) => c.code), yearOffset: p.yearOffset, years: p.years })));
  const update = (i: number, p: Partial<PhaseInput>) => setPhases(phases.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const add = () => {
    const last = phases.at(-1);
    setPhases([...phases, { phase: phases.length + 1, clusters: [], yearOffset: last ? last.yearOffset + last.years : 0, years: 2 }]);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(() => putPlan(cycle.id, cycle.version, phases), onSaved);
  };
  return (
    <form className="ra-form" onSubmit={onSubmit} data-testid="plan-form">
      {phases.map((p, i) => (
        <fieldset key={p.phase} className="ra-phase">
          <legend>{t('reviewAdmin.plan.phase', { n: p.phase, from: cycle.startYear + p.yearOffset, to: cycle.startYear + p.yearOffset + p.years - 1 })}</legend>
          <div className="row">
            <div><label htmlFor={`p${i}-off`}>{t('reviewAdmin.plan.yearOffset')}</label><input id={`p${i}-off`} type="number" min={0} max={50} value={p.yearOffset} onChange={(e) => update(i, { yearOffset: Number(e.target.value) })} /></div>
            <div><label htmlFor={`p${i}-years`}>{t('reviewAdmin.plan.years')}</label><input id={`p${i}-years`} type="number" min={1} max={10} value={p.years} onChange={(e) => update(i, { years: Number(e.target.value) })} /></div>
          </div>
          {(clusters.data?.items ?? []).map((c) => (
            <label key={c.code} className="ra-check">
              <input type="checkbox" checked={p.clusters.includes(c.code)}
                onChange={(e) => update(i, { clusters: e.target.checked ? [...p.clusters, c.code] : p.clusters.filter((x) => x !== c.code) })} />{' '}
              {(c.names as Record<string, string>)[lang] ?? c.name}
            </label>
          ))}
        </fieldset>
      ))}
      <div className="row">
        <button type="button" className="button-secondary" onClick={add}>{t('reviewAdmin.plan.add')}</button>
        {phases.length > 0 && <button type="button" className="button-secondary" onClick={() => setPhases(phases.slice(0, -1))}>{t('reviewAdmin.plan.removeLast')}</button>}
      </div>
      {submit.error && <ErrorMessage error={submit.error} />}
      <p><button type="submit" disabled={submit.busy}>{t('reviewAdmin.plan.save')}</button></p>
    </form>
  );
}
