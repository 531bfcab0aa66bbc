import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { MEASURE_CODES } from '../../reference/measures.ts';
import { ApiError, type ApiIssue } from '../../web/api/client.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { errorText } from '../../web/components/errors.ts';
import { Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useSession } from '../../web/session.tsx';
import { CASE_CHANNELS, CASE_KINDS, CONFIDENTIALITY_LEVELS, CRIME_TYPES, DIRECTIONS, LEGAL_BASES } from '../case.vocabulary.ts';
import { casesApi } from './casesApi.ts';
import { articleText } from './CaseHeader.tsx';
import { CasesGate, useCasesAccess } from './Gate.tsx';
import { useCaseLabels } from './labels.ts';
import { AuthoritiesEditor, PersonsEditor } from './RegisterLists.tsx';
import { CheckField, CodeChecks, RegisterContext, SelectField, TextField, type RegisterCtx } from './registerFields.tsx';
import { ARTICLE_OF_KIND, CONVENTION_ARTICLES, emptyRegister, toNewCase, type RegisterState } from './registerForm.ts';
import { useStates } from './useStates.ts';
import './cases.css';

/** /cases/new — registering by hand a request received or sent outside the platform (paper, e-mail, diplomatic channel…). */
export function RegisterPage() {
  const L = useCaseLabels();
  usePageTitle(L.t('cases.register.title'));
  const access = useCasesAccess();
  const session = useSession();
  if (access === 'loading') return <Loading />;
  // registering is the central authority's (the API refuses anyone else); a practitioner is told so, not shown a form
  if (access !== 'ok' || !session.user?.roles.includes('officer')) return <CasesGate title={L.t('cases.register.title')} />;
  return <RegisterForm ownState={session.user.state ?? ''} />;
}

function RegisterForm({ ownState }: { ownState: string }) {
  const L = useCaseLabels();
  const { t } = L;
  const navigate = useNavigate();
  const { list } = useStates();
  const [s, setS] = useState<RegisterState>(emptyRegister);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const others = useMemo(() => list.filter((x) => x.iso3 !== ownState), [list, ownState]);
  const ctx: RegisterCtx = {
    s,
    issues,
    set: (key, value) =>
      setS((x) => {
        const next = { ...x, [key]: value };
        // the Convention's article follows the kind, until the officer picks another one
        if (key === 'kind' && x.article === ARTICLE_OF_KIND[x.kind]) next.article = ARTICLE_OF_KIND[value as RegisterState['kind']];
        return next;
      }),
  };
  const opts = (codes: readonly string[], label: (c: string) => string) => codes.map((c) => ({ value: c, label: label(c) }));
  const incoming = s.direction === 'incoming';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setIssues([]);
    try {
      const created = await casesApi.register(toNewCase(s));
      navigate(`/cases/${created.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? errorText(t, err) : t('error.unexpected'));
      if (err instanceof ApiError) setIssues(err.issues);
      setBusy(false);
      // the summary is announced; its first field gets the focus back from the button
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.register-form [aria-invalid="true"]')?.focus());
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { to: '/cases', label: t('cases.nav') }, { label: t('cases.register.title') }]} />
      <h1>{t('cases.register.title')}</h1>
      <p className="prose">{t('cases.register.intro')}</p>
      <RegisterContext.Provider value={ctx}>
        <form className="register-form" onSubmit={submit} noValidate data-testid="register-form">
          <fieldset>
            <legend>{t('cases.register.request')}</legend>
            <SelectField name="direction" label={t('cases.fields.direction')} options={opts(DIRECTIONS, (d) => t(`cases.register.directionChoice.${d}`))} />
            <SelectField name="kind" label={t('cases.fields.kind')} options={opts(CASE_KINDS, L.kind)} />
            <SelectField
              name="counterpartState"
              label={t(incoming ? 'cases.register.requestingState' : 'cases.register.requestedState')}
              required
              options={[{ value: '', label: t('cases.form.choose') }, ...others.map((x) => ({ value: x.iso3, label: x.name }))]}
            />
            <TextField name="title" label={t('cases.fields.title')} required />
            <TextField name="counterpartReference" label={t(incoming ? 'cases.register.theirReferenceIn' : 'cases.register.theirReferenceOut')} ltr />
            <TextField name="reference" label={t('cases.header.ourReference')} hint={t('cases.register.referenceHint')} ltr />
            <TextField name="summary" label={t('cases.register.summary')} multiline />
          </fieldset>
          <fieldset>
            <legend>{t('cases.register.travel')}</legend>
            {!incoming && <CheckField name="alreadySent" label={t('cases.register.alreadySent')} />}
            {(incoming || s.alreadySent) && (
              <>
                <SelectField name="channel" label={t('cases.fields.channel')} options={opts(CASE_CHANNELS.filter((c) => c !== 'platform'), L.channel)} />
                <TextField name="date" type="date" label={t(incoming ? 'cases.fields.receivedAt' : 'cases.fields.sentAt')} />
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>{t('cases.fields.legalBasis')}</legend>
            <SelectField name="legalBasis" label={t('cases.fields.legalBasis')} options={opts(LEGAL_BASES, L.legalBasis)} />
            {s.legalBasis === 'convention' && (
              <SelectField name="article" label={t('cases.register.article')} options={CONVENTION_ARTICLES.map((a) => ({ value: a, label: t('cases.header.conventionArticle', { article: articleText(a) }) }))} />
            )}
            {s.legalBasis === 'treaty' && <TextField name="treaty" label={t('cases.register.treaty')} required />}
          </fieldset>
          <fieldset>
            <legend>{t('cases.register.substance')}</legend>
            <CodeChecks name="measures" legend={t('cases.fields.measures')} codes={MEASURE_CODES} label={L.measure} />
            <CodeChecks name="crimeTypes" legend={t('cases.fields.crimeTypes')} codes={CRIME_TYPES} label={L.crimeType} />
            <TextField name="offences" label={t('cases.fields.offences')} hint={t('cases.register.offencesHint')} multiline />
            <PersonsEditor states={list} />
            <AuthoritiesEditor />
          </fieldset>
          <fieldset>
            <legend>{t('cases.register.urgency')}</legend>
            <p className="hint">{t('cases.register.urgencyHint')}</p>
            <CheckField name="personInCustody" label={t('cases.register.personInCustody')} />
            <CheckField name="evidenceAtRisk" label={t('cases.register.evidenceAtRisk')} />
            {s.evidenceAtRisk && <TextField name="evidenceLossDate" type="date" label={t('cases.register.evidenceLossDate')} />}
            <TextField name="maxPenaltyYears" type="number" label={t('cases.register.maxPenaltyYears')} />
            <CheckField name="organisedCriminalGroup" label={t('cases.register.ocg')} />
            <TextField name="victims" type="number" label={t('cases.register.victims')} />
            <TextField name="deadline" type="date" label={t('cases.fields.deadline')} />
            <TextField name="deadlineReason" label={t('cases.fields.deadlineReason')} required={!!s.deadline} />
            <SelectField name="confidentiality" label={t('cases.fields.confidentiality')} options={opts(CONFIDENTIALITY_LEVELS, L.confidentiality)} />
          </fieldset>
          {error && (
            <div className="alert" role="alert" data-testid="register-error">
              <p>{error}</p>
              {issues.length > 0 && <p className="small">{t('cases.register.seeFields')}</p>}
            </div>
          )}
          <div className="button-row">
            <button type="submit" disabled={busy} data-testid="register-submit">
              {t('cases.register.submit')}
            </button>
          </div>
        </form>
      </RegisterContext.Provider>
    </>
  );
}
