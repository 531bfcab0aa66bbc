import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import type { Progress } from './analysisApi.ts';
import type { useProgress } from './analysisApi.ts';

const STAGES = ['nominating', 'answering', 'desk_review', 'observations', 'summary', 'completed'] as const;

/** The progress of the cycle as counts per stage and per start group and phase — never per State. */
export function ProgressSection({ progress }: { progress: ReturnType<typeof useProgress> }) {
  const { t } = useTranslation();
  const p: Progress | undefined = progress.data;
  return (
    <section aria-labelledby="t-progress" className="analysis-section" data-testid="analysis-progress">
      <h2 id="t-progress">{t('reviewAnalysis.progress.title')}</h2>
      {progress.status === 'error' && <ErrorMessage error={progress.error} onRetry={progress.reload} />}
      {!p && progress.status === 'loading' && <Loading />}
      {p && (
        <>
          <p className="small muted">{t('reviewAnalysis.progress.overdue', p.overdue)}</p>
          <div className="table-scroll">
            <table className="data-table" data-testid="table-progress">
              <thead>
                <tr>
                  <th scope="col">{t('reviewAnalysis.progress.groupPhase')}</th>
                  {STAGES.map((s) => <th scope="col" key={s}>{t(`reviewAnalysis.stages.${s}`)}</th>)}
                  <th scope="col">{t('reviewAnalysis.progress.overdueSteps')}</th>
                </tr>
              </thead>
              <tbody>
                {p.byGroupPhase.map((g) => (
                  <tr key={`${g.group}-${g.phase}`}>
                    <th scope="row">{t('reviewAnalysis.progress.cell', { group: g.group ?? '—', phase: g.phase ?? '—' })}</th>
                    {STAGES.map((s) => <td key={s}>{g.stages[s]}</td>)}
                    <td>{g.overdue}</td>
                  </tr>
                ))}
                <tr className="analysis-total">
                  <th scope="row">{t('reviewAnalysis.progress.total')}</th>
                  {p.byStage.map((s) => <td key={s.stage}>{s.reviews}</td>)}
                  <td>{p.byStage.reduce((n, s) => n + s.overdue, 0)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
