import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, ok } from '../../../web/api/client.ts';
import { errorText } from '../../../web/components/errors.ts';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { DIMENSIONS, type Dimension } from './dimensions.ts';
import { useStatsFormat } from './numbers.ts';
import { orderByKeys } from './order.ts';
import { suppressForPreview, THRESHOLD } from './preview.ts';
import { submitAggregates, useSubmissions, type SubmissionInput, type SubmittedCell } from './statsApi.ts';
import { SubmissionList } from './SubmissionList.tsx';
import { SubmissionTable } from './SubmissionTable.tsx';

type Label = (dim: Dimension, value: string | null) => string;

const lastYear = () => new Date().getUTCFullYear() - 1;

/**
 * "Submit aggregates to the secretariat": the officer chooses a period and a grouping, sees the table exactly as it
 * will be sent (small cells suppressed), confirms, and sees the State's past submissions. Nothing per case leaves.
 */
export function SubmitSection({ label }: { label: Label }) {
  const { t } = useTranslation();
  const n = useStatsFormat();
  const [from, setFrom] = useState(`${lastYear()}-01-01`);
  const [to, setTo] = useState(`${lastYear()}-12-31`);
  const [by1, setBy1] = useState<Dimension>('kind');
  const [by2, setBy2] = useState<Dimension | ''>('legal-basis');
  const [direction, setDirection] = useState<'' | 'incoming' | 'outgoing'>('');
  const [preview, setPreview] = useState<{ input: SubmissionInput; cells: SubmittedCell[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(0);
  const past = useSubmissions([done]);

  const input = (): SubmissionInput => ({ from, to, by: by2 && by2 !== by1 ? [by1, by2] : [by1], ...(direction && { direction }) });
  const fail = (e: unknown) => setError(e instanceof ApiError ? errorText(t, e) : t('error.unexpected'));

  const showPreview = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setPreview(null);
    const q = input();
    try {
      const stats = await ok(api.GET('/api/v1/cases/stats', { params: { query: { from: q.from, to: q.to, by: q.by.join(','), ...(q.direction && { direction: q.direction }) } } }));
      const cells = orderByKeys(stats.groups, q.by, label, n.compare).map(suppressForPreview);
      setPreview({ input: q, cells });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      await submitAggregates(preview.input);
      setPreview(null);
      setDone((d) => d + 1);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const suppressed = preview?.cells.filter((c) => c.suppressed).length ?? 0;
  return (
    <section aria-labelledby="stats-submit-title" className="stats-submit" data-testid="stats-submit">
      <h2 id="stats-submit-title">{t('caseStats.submit.title')}</h2>
      <p className="prose">{t('caseStats.submit.intro', { threshold: n.number(THRESHOLD) })}</p>
      <form className="filters" onSubmit={showPreview}>
        <div className="field">
          <label htmlFor="submit-from">{t('caseStats.filters.from')}</label>
          <input id="submit-from" type="date" required value={from} onChange={(e) => setFrom(e.target.value)} data-testid="submit-from" />
        </div>
        <div className="field">
          <label htmlFor="submit-to">{t('caseStats.filters.to')}</label>
          <input id="submit-to" type="date" required value={to} onChange={(e) => setTo(e.target.value)} data-testid="submit-to" />
        </div>
        <div className="field">
          <label htmlFor="submit-direction">{t('caseStats.filters.direction')}</label>
          <select id="submit-direction" value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)}>
            <option value="">{t('caseStats.filters.any')}</option>
            <option value="incoming">{label('direction', 'incoming')}</option>
            <option value="outgoing">{label('direction', 'outgoing')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="submit-by1">{t('caseStats.filters.by')}</label>
          <select id="submit-by1" value={by1} onChange={(e) => setBy1(e.target.value as Dimension)} data-testid="submit-by-1">
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`caseStats.dimensions.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="submit-by2">{t('caseStats.filters.thenBy')}</label>
          <select id="submit-by2" value={by2} onChange={(e) => setBy2(e.target.value as Dimension | '')} data-testid="submit-by-2">
            <option value="">{t('caseStats.filters.noSecond')}</option>
            {DIMENSIONS.filter((d) => d !== by1).map((d) => (
              <option key={d} value={d}>
                {t(`caseStats.dimensions.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters-actions">
          <button type="submit" disabled={busy} data-testid="submit-preview">
            {t('caseStats.submit.preview')}
          </button>
        </div>
      </form>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="stats-preview" data-testid="submit-preview-block">
          <p role="status">{t('caseStats.submit.previewNote', { cells: n.number(preview.cells.length), suppressed: n.number(suppressed) })}</p>
          {preview.cells.length === 0 ? (
            <p className="muted">{t('caseStats.submit.emptyPreview')}</p>
          ) : (
            <SubmissionTable caption={t('caseStats.submit.previewCaption', { from: n.date(preview.input.from), to: n.date(preview.input.to) })} by={preview.input.by} cells={preview.cells} label={label} testId="submit-preview-table" />
          )}
          <div className="button-row">
            <button type="button" onClick={() => void confirm()} disabled={busy || preview.cells.length === 0} data-testid="submit-confirm">
              {t('caseStats.submit.confirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setPreview(null)}>
              {t('caseStats.submit.cancel')}
            </button>
          </div>
        </div>
      )}
      <h3>{t('caseStats.submit.past')}</h3>
      {past.status === 'error' && <ErrorMessage error={past.error} onRetry={past.reload} />}
      {!past.data && past.status === 'loading' && <Loading />}
      {past.data && <SubmissionList items={past.data.items} label={label} withCells />}
    </section>
  );
}
