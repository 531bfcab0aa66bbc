import { useTranslation } from 'react-i18next';
import { PROCEEDING_TYPES, type Offence } from '../../draft.schema.ts';
import { Group } from '../components/field-group.tsx';
import { useDraftForm } from '../components/form-context.tsx';
import { ListEditor } from '../components/list-editors.tsx';
import { SelectField, TriStateField } from '../components/select-fields.tsx';
import { TextArea, TextField } from '../components/text-fields.tsx';
import type { DraftContent } from '../../draft.schema.ts';
import { useLabels } from '../labels.ts';
import { newOffence } from '../newItems.ts';

/** Step 3: the proceedings (art. 18(15)(b)) and the offences, with their penalties. */
export function ProceedingsStep() {
  const { t } = useTranslation();
  const L = useLabels();
  const c = useDraftForm().content as DraftContent;
  const extradition = c.kind === 'extradition';
  return (
    <>
      <Group legend={t('drafting.proceedings.legend')} hint={t('drafting.proceedings.hint')}>
        <SelectField path="proceedings.type" label={t('drafting.proceedings.type')} required empty={t('drafting.form.choose')} options={L.opts('proceedingTypes', PROCEEDING_TYPES)} />
        <TextArea path="proceedings.subjectMatter" label={t('drafting.proceedings.subjectMatter')} hint={t('drafting.proceedings.subjectMatterHint')} required rows={3} />
        <TextField path="proceedings.conductingAuthority.name" label={t('drafting.proceedings.conductingName')} required maxLength={300} />
        <TextArea path="proceedings.conductingAuthority.functions" label={t('drafting.proceedings.conductingFunctions')} rows={2} />
        <TextField path="proceedings.caseNumber" label={t('drafting.proceedings.caseNumber')} maxLength={300} />
        <TextArea path="proceedings.keyDates" label={t('drafting.proceedings.keyDates')} hint={t('drafting.proceedings.keyDatesHint')} rows={2} />
      </Group>
      <ListEditor<Offence>
        path="offences"
        legend={t('drafting.offences.legend')}
        hint={t('drafting.offences.hint')}
        itemLabel={(i, o) => (o.name ? t('drafting.offences.itemNamed', { n: i + 1, name: o.name }) : t('drafting.offences.item', { n: i + 1 }))}
        addLabel={t('drafting.offences.add')}
        removeLabel={(i) => t('drafting.offences.remove', { n: i + 1 })}
        newItem={newOffence}
        render={(p) => (
          <>
            <TextField path={`${p}.name`} label={t('drafting.offences.name')} required maxLength={300} />
            <TextField path={`${p}.legalProvision`} label={t('drafting.offences.legalProvision')} hint={t('drafting.offences.legalProvisionHint')} required maxLength={300} />
            <TextArea path={`${p}.provisionText`} label={t('drafting.offences.provisionText')} hint={extradition ? t('drafting.offences.provisionTextExtradition') : t('drafting.offences.provisionTextHint')} required={extradition} rows={3} />
            <TextField path={`${p}.maxPenalty`} label={t('drafting.offences.maxPenalty')} hint={t('drafting.offences.maxPenaltyHint')} required maxLength={300} />
            <div className="field-grid">
              <TriStateField path={`${p}.organizedCriminalGroup`} label={t('drafting.offences.organizedCriminalGroup')} />
              <TriStateField path={`${p}.transnational`} label={t('drafting.offences.transnational')} />
              <TextField path={`${p}.dateFrom`} type="date" label={t('drafting.offences.dateFrom')} />
              <TextField path={`${p}.dateTo`} type="date" label={t('drafting.offences.dateTo')} />
            </div>
          </>
        )}
      />
    </>
  );
}
