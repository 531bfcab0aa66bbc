import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api, ok } from '../../web/api/client.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { errorText } from '../../web/components/errors.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { NotFoundMessage } from '../../web/components/NotFound.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useSession } from '../../web/session.tsx';
import { useApi } from '../../web/useApi.ts';
import { can } from './components/actions.ts';
import { useCheckText } from './components/ChecksPanel.tsx';
import { SaveProblem } from './components/ConflictAlert.tsx';
import { DraftFormProvider, type FieldIssue } from './components/form-context.tsx';
import { SaveIndicator } from './components/SaveIndicator.tsx';
import type { CheckReport, Draft } from '../../web/api/types.ts';
import { DraftingGate, canDraft } from './Gate.tsx';
import { useRoute, useStates } from './hooks.ts';
import { fieldId, normalPath, splitPath } from './paths.ts';
import { AssistanceStep } from './steps/AssistanceStep.tsx';
import { BasisStep } from './steps/BasisStep.tsx';
import { ConditionsStep } from './steps/ConditionsStep.tsx';
import { FactsStep } from './steps/FactsStep.tsx';
import { PersonsStep } from './steps/PersonsStep.tsx';
import { ProceedingsStep } from './steps/ProceedingsStep.tsx';
import { ReviewStep } from './steps/ReviewStep.tsx';
import { RouteStep } from './steps/RouteStep.tsx';
import { isStep, STEPS, stepOfPath, type Step } from './steps.ts';
import { useAutosave } from './useAutosave.ts';
import { WizardInfoProvider, type WizardInfo } from './WizardContext.tsx';
import './drafting.css';

export const STEP_COMPONENTS: Record<Exclude<Step, 'review'>, ComponentType> = {
  route: RouteStep,
  basis: BasisStep,
  proceedings: ProceedingsStep,
  facts: FactsStep,
  persons: PersonsStep,
  assistance: AssistanceStep,
  conditions: ConditionsStep,
};

/** /drafting/:id?step=…&field=…: the wizard over one draft. */
export function WizardPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const session = useSession();
  const draft = useApi((signal) => ok(api.GET('/api/v1/drafting/drafts/{id}', { params: { path: { id } }, signal })), [id]);
  usePageTitle(draft.data ? draft.data.title || draft.data.reference : t('drafting.wizard.title'));

  if (session.status === 'ready' && !canDraft(session.user?.roles)) return <DraftingGate title={t('drafting.wizard.title')} />;
  if (draft.status === 'error' && (draft.error.status === 404 || draft.error.status === 400)) {
    return (
      <NotFoundMessage title={t('drafting.wizard.notFoundTitle')} backTo="/drafting" backLabel={t('drafting.wizard.backToList')}>
        <p>{t('drafting.wizard.notFoundText')}</p>
      </NotFoundMessage>
    );
  }
  if (draft.status === 'error') return <ErrorMessage error={draft.error} onRetry={draft.reload} />;
  if (!draft.data || session.status === 'loading') return <Loading />;
  // a share reader lands on the read-only view
  if (draft.data.access === 'consultation') return <ConsultationRedirect id={id} />;
  return <Wizard key={draft.data.id} initial={draft.data} csrfToken={session.csrfToken ?? ''} />;
}

function ConsultationRedirect({ id }: { id: string }) {
  const navigate = useNavigate();
  useEffect(() => {
    navigate(`/drafting/shared/${id}`, { replace: true });
  }, [id, navigate]);
  return <Loading />;
}

function Wizard({ initial, csrfToken }: { initial: Draft; csrfToken: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const autosave = useAutosave(initial, csrfToken);
  const { draft, content } = autosave;
  const { list: states, stateName } = useStates();
  const step: Step = isStep(params.get('step')) ? (params.get('step') as Step) : 'route';
  const stepIndex = STEPS.indexOf(step);
  const readOnly = !can(draft, 'edit');

  const to = content.requested.state;
  const routeState = useRoute(draft.requestingState, to, content.kind);

  // checks: run on the review step, and again after each save once they have been shown
  const [report, setReport] = useState<CheckReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<ApiError | null>(null);
  const runChecks = useCallback(async () => {
    setChecking(true);
    setCheckError(null);
    try {
      await autosave.flush();
      setReport(await ok(api.GET('/api/v1/drafting/drafts/{id}/checks', { params: { path: { id: initial.id } } })));
    } catch (e) {
      setCheckError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setChecking(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial.id, autosave.flush]);
  useEffect(() => {
    if (step === 'review' && !readOnly) void runChecks();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);
  const shown = report !== null;
  useEffect(() => {
    if (!shown || autosave.status !== 'saved' || readOnly) return;
    const ctrl = new AbortController();
    ok(api.GET('/api/v1/drafting/drafts/{id}/checks', { params: { path: { id: initial.id } }, signal: ctrl.signal })).then(setReport, () => undefined);
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.version]);

  const checkText = useCheckText({ content, report });
  const issues = useMemo<FieldIssue[]>(() => {
    const fromChecks = (report?.results ?? []).map((r) => {
      const x = checkText(r);
      return { path: r.path, severity: r.severity, message: [x.message, x.fix].filter(Boolean).join(' ') };
    });
    const invalid = autosave.invalid.map((i) => ({ path: i.path, severity: 'error' as const, message: i.message }));
    return [...invalid, ...fromChecks];
  }, [report, autosave.invalid, checkText]);
  const issuesByStep = useMemo(() => {
    const m = new Map<Step, { errors: number; warnings: number }>();
    for (const i of issues) {
      const s = stepOfPath(i.path);
      const e = m.get(s) ?? { errors: 0, warnings: 0 };
      if (i.severity === 'error') e.errors++;
      else e.warnings++;
      m.set(s, e);
    }
    return m;
  }, [issues]);

  // focus: the step's heading when the step changes, or the field a check pointed to
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const field = params.get('field');
  useEffect(() => {
    if (first.current && !field) {
      first.current = false;
      return;
    }
    first.current = false;
    requestAnimationFrame(() => {
      if (field) {
        const keys = splitPath(field);
        for (let n = keys.length; n > 0; n--) {
          const el = document.getElementById(fieldId(keys.slice(0, n).join('.')));
          if (el) {
            el.scrollIntoView({ block: 'center' });
            el.focus();
            return;
          }
        }
      }
      headingRef.current?.focus();
    });
  }, [step, field]);

  const goTo = (s: Step, fieldPath?: string) => {
    const next = new URLSearchParams();
    next.set('step', s);
    if (fieldPath) next.set('field', normalPath(fieldPath));
    setParams(next);
    if (s !== step) window.scrollTo(0, 0);
  };

  const [dupBusy, setDupBusy] = useState(false);
  const [dupError, setDupError] = useState<string | null>(null);
  const duplicate = async () => {
    setDupBusy(true);
    setDupError(null);
    try {
      await autosave.flush();
      const copy = await ok(api.POST('/api/v1/drafting/drafts/{id}/duplicate', { params: { path: { id: initial.id } } }));
      navigate(`/drafting/${copy.id}`);
    } catch (e) {
      setDupError(e instanceof ApiError ? errorText(t, e) : t('error.unexpected'));
    } finally {
      setDupBusy(false);
    }
  };

  const info: WizardInfo = { draft, states, stateName, route: routeState, readOnly };
  const Current = step === 'review' ? null : STEP_COMPONENTS[step];
  const title = content.title || t('drafting.untitled');

  return (
    <WizardInfoProvider value={info}>
      <DraftFormProvider value={{ content, set: autosave.set, readOnly, issues }}>
        <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { to: '/drafting', label: t('drafting.nav') }, { label: draft.reference }]} />
        <div className="wizard-head">
          <div>
            <h1 data-testid="draft-title">{title}</h1>
            <p className="wizard-meta">
              <span className="badge" data-testid="draft-reference">
                {draft.reference}
              </span>{' '}
              <span className="badge badge-outline">{t(`drafting.kinds.${content.kind}`)}</span>{' '}
              {to && (
                <span className="muted small">
                  {t('drafting.wizard.fromTo', { from: stateName(draft.requestingState), to: stateName(to) })}
                </span>
              )}
            </p>
          </div>
          <div className="wizard-tools">
            {!readOnly && <SaveIndicator status={autosave.status} />}
            {can(draft, 'duplicate') && (
              <button type="button" className="button-secondary button-small" onClick={duplicate} disabled={dupBusy} data-testid="duplicate">
                {t('drafting.wizard.duplicate')}
              </button>
            )}
            <Link className="button button-secondary button-small" to={`/drafting/${draft.id}/compare`} data-testid="compare-link">
              {t('drafting.wizard.compare')}
            </Link>
          </div>
        </div>
        {dupError && (
          <p className="alert" role="alert">
            {dupError}
          </p>
        )}
        {draft.status === 'finalised' && (
          <div className="notice notice-success" data-testid="finalised-banner">
            <p>{t('drafting.wizard.finalisedBanner', { reference: draft.case?.reference ?? draft.reference })}</p>
          </div>
        )}
        {draft.duplicatedFrom && (
          <p className="small muted">
            <Link to={`/drafting/${draft.duplicatedFrom}`}>{t('drafting.wizard.duplicatedFrom')}</Link>
          </p>
        )}
        <SaveProblem autosave={autosave} />

        <div className="wizard">
          <nav className="wizard-steps" aria-label={t('drafting.wizard.stepsNav')}>
            <ol>
              {STEPS.map((s, i) => {
                const count = issuesByStep.get(s);
                return (
                  <li key={s}>
                    <Link
                      to={`?step=${s}`}
                      aria-current={s === step ? 'step' : undefined}
                      data-testid={`step-link-${s}`}
                      onClick={(e) => {
                        e.preventDefault();
                        goTo(s);
                      }}
                    >
                      <span className="step-number" aria-hidden="true">
                        {i + 1}
                      </span>
                      <span className="step-label">{t(`drafting.steps.${s}.title`)}</span>
                      {count && count.errors > 0 && (
                        <span className="step-issues step-issues-error">
                          <span aria-hidden="true">{count.errors}</span>
                          <span className="visually-hidden">{t('drafting.checks.errorsCount', { count: count.errors })}</span>
                        </span>
                      )}
                    </Link>
                  </li>
                );
              })}
            </ol>
          </nav>

          <section className="wizard-step" aria-labelledby="step-title" data-step={step}>
            <p className="step-count">{t('drafting.wizard.stepOf', { n: stepIndex + 1, total: STEPS.length })}</p>
            <h2 id="step-title" tabIndex={-1} ref={headingRef} data-testid="step-title">
              {t(`drafting.steps.${step}.title`)}
            </h2>
            <p className="step-intro">{t(`drafting.steps.${step}.intro`)}</p>
            {Current ? (
              <form className="wizard-form" noValidate onSubmit={(e) => e.preventDefault()}>
                <Current />
              </form>
            ) : (
              <ReviewStep
                report={report}
                checking={checking}
                checkError={checkError}
                runChecks={runChecks}
                goTo={goTo}
                autosave={autosave}
              />
            )}
            <div className="wizard-nav">
              {stepIndex > 0 && (
                <button type="button" className="button-secondary" onClick={() => goTo(STEPS[stepIndex - 1]!)} data-testid="step-previous">
                  <span aria-hidden="true" className="dir-arrow">
                    ←
                  </span>{' '}
                  {t('drafting.wizard.previous', { step: t(`drafting.steps.${STEPS[stepIndex - 1]!}.title`) })}
                </button>
              )}
              {stepIndex < STEPS.length - 1 && (
                <button type="button" onClick={() => goTo(STEPS[stepIndex + 1]!)} data-testid="step-next">
                  {t('drafting.wizard.next', { step: t(`drafting.steps.${STEPS[stepIndex + 1]!}.title`) })}{' '}
                  <span aria-hidden="true" className="dir-arrow">
                    →
                  </span>
                </button>
              )}
            </div>
          </section>
        </div>
      </DraftFormProvider>
    </WizardInfoProvider>
  );
}
