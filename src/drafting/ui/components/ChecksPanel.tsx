import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../web/api/client.ts';
import { ErrorMessage } from '../../../web/components/LoadState.tsx';
import type { CheckReport, CheckResult } from '../../../web/api/types.ts';
import type { DraftContent } from '../../draft.schema.ts';
import { useLang } from '../../../web/i18n.ts';
import { checkText, type CheckText, type CheckTextContext, type CheckTextLabels } from '../checkText.ts';
import { usePathLabel } from '../fieldLabel.ts';
import { useLabels } from '../labels.ts';
import { normalPath } from '../paths.ts';
import { stepOfPath, type Step } from '../steps.ts';

/** A check's message and fix in the UI language (the API's English when we have no text for its id). */
export function useCheckText(ctx: CheckTextContext = {}) {
  const { t, i18n } = useTranslation();
  const L = useLabels();
  const lang = useLang();
  const { content = null, report = null } = ctx;
  const labels = useMemo<CheckTextLabels>(() => {
    const and = new Intl.ListFormat(lang, { type: 'conjunction' });
    const or = new Intl.ListFormat(lang, { type: 'disjunction' });
    return {
      language: L.languageName,
      measure: L.measure,
      channel: L.channel,
      kind: L.kind,
      legalBasis: (code) => t(`drafting.route.basisCode.${code}`, { defaultValue: code }),
      list: (items, type) => (type === 'and' ? and : or).format(items),
      noneRecorded: t('drafting.checks.noneRecorded'),
    };
  }, [L, lang, t]);
  return useCallback(
    (r: CheckResult) =>
      checkText(r, (key, values) => t(key, values), (key) => i18n.exists(key), labels, { content, report }),
    [t, i18n, labels, content, report],
  );
}

/**
 * The checks before finalising, errors first: each names the field, says what is wrong and how to fix it,
 * and leads to the field in its step. Errors block finalising; warnings do not.
 */
export function ChecksPanel({
  report,
  checking,
  error,
  run,
  goTo,
  content,
}: {
  report: CheckReport | null;
  checking: boolean;
  error: ApiError | null;
  run: () => void;
  goTo: (s: Step, path?: string) => void;
  content: DraftContent;
}) {
  const { t } = useTranslation();
  const pathLabel = usePathLabel(content);
  const text = useCheckText({ content, report });
  const sorted = [...(report?.results ?? [])].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <section className="checks" aria-labelledby="checks-title" data-testid="checks">
      <h3 id="checks-title">{t('drafting.checks.title')}</h3>
      <p className="small muted">{t('drafting.checks.intro')}</p>
      {error && <ErrorMessage error={error} onRetry={run} />}
      <p role="status" aria-live="polite" className="checks-summary" data-testid="checks-summary" data-errors={report?.errors ?? ''} data-warnings={report?.warnings ?? ''}>
        {checking
          ? t('drafting.checks.running')
          : report
            ? report.results.length === 0
              ? t('drafting.checks.allPassed')
              : t('drafting.checks.summary', { errors: report.errors, warnings: report.warnings })
            : ''}
      </p>
      {sorted.length > 0 && (
        <ul className="check-list">
          {sorted.map((r, i) => (
            <CheckItem key={`${r.id}-${r.path}-${i}`} result={r} label={pathLabel(r.path)} goTo={goTo} text={text(r)} />
          ))}
        </ul>
      )}
      <p>
        <button type="button" className="button-secondary button-small" onClick={run} disabled={checking} data-testid="run-checks">
          {t('drafting.checks.runAgain')}
        </button>
      </p>
    </section>
  );
}

function CheckItem({ result: r, label, goTo, text }: { result: CheckResult; label: string; goTo: (s: Step, path?: string) => void; text: CheckText }) {
  const { t } = useTranslation();
  const { message, fix, translated } = text;
  const langProps = translated ? {} : ({ lang: 'en', dir: 'ltr' } as const);
  const step = stepOfPath(r.path);
  const href = `?step=${step}&field=${encodeURIComponent(normalPath(r.path))}`;
  return (
    <li className={`check check-${r.severity}`} data-testid="check" data-check={r.id} data-severity={r.severity} data-path={normalPath(r.path)}>
      <span className={`check-badge check-badge-${r.severity}`}>{t(r.severity === 'error' ? 'drafting.checks.error' : 'drafting.checks.warning')}</span>{' '}
      <a
        href={href}
        className="check-field"
        onClick={(e) => {
          e.preventDefault();
          goTo(step, r.path);
        }}
        data-testid="check-link"
      >
        {label}
      </a>
      <span className="check-step small muted"> ({t(`drafting.steps.${step}.title`)})</span>
      <p className="check-message" {...langProps}>
        {message}
      </p>
      {fix && (
        <p className="check-fix" {...langProps}>
          <span className="visually-hidden">{t('drafting.checks.howToFix')}: </span>
          {fix}
        </p>
      )}
    </li>
  );
}
