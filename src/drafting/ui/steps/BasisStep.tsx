import { useTranslation } from 'react-i18next';
import { LEGAL_BASIS_TYPES } from '../../draft.schema.ts';
import { RadioGroup } from '../components/choice-fields.tsx';
import { useDraftForm } from '../components/form-context.tsx';
import { TextArea, TextField } from '../components/text-fields.tsx';
import type { DraftContent } from '../../draft.schema.ts';
import { useWizardInfo } from '../WizardContext.tsx';

/** Step 2: the legal basis — the Convention, a treaty or reciprocity — and what each choice implies. */
export function BasisStep() {
  const { t } = useTranslation();
  const form = useDraftForm();
  const { route, stateName } = useWizardInfo();
  const c = form.content as DraftContent;
  const answer = route?.status === 'ok' ? route.data : null;
  const kind = c.kind;
  return (
    <>
      {answer && (
        <p
          className={'notice ' + (answer.legalBasis.convention === true ? 'notice-success' : answer.legalBasis.convention === false ? 'notice-warn' : 'notice-unknown')}
          data-testid="basis-directory"
        >
          {t('drafting.basis.directorySays', { state: stateName(c.requested.state) })} {t(`drafting.route.basisCode.${answer.legalBasis.code}`)}
        </p>
      )}
      <RadioGroup
        path="legalBasis.type"
        legend={t('drafting.basis.legend')}
        required
        options={LEGAL_BASIS_TYPES.map((b) => ({
          value: b,
          label: t(`drafting.basis.types.${b}`),
          hint: t(`drafting.basis.implies.${b}.${kind}`, { defaultValue: t(`drafting.basis.implies.${b}.mla`) }),
        }))}
      />
      {c.legalBasis.type === 'convention' && answer?.legalBasis.convention === false && (
        <p className="notice notice-warn" role="status">
          {t('drafting.basis.conventionNotAvailable')}
        </p>
      )}
      {c.legalBasis.type === 'treaty' && (
        <>
          <TextField path="legalBasis.treatyName" label={t('drafting.basis.treatyName')} hint={t('drafting.basis.treatyNameHint')} required maxLength={300} />
          <TextField path="legalBasis.treatyArticle" label={t('drafting.basis.treatyArticle')} maxLength={300} />
        </>
      )}
      {c.legalBasis.type === 'reciprocity' && (
        <TextArea path="legalBasis.reciprocityAssurance" label={t('drafting.basis.reciprocity')} hint={t('drafting.basis.reciprocityHint')} required rows={3} />
      )}
      <TextArea path="legalBasis.notes" label={t('drafting.basis.notes')} hint={t('drafting.basis.notesHint')} rows={3} />
    </>
  );
}
