import { useTranslation } from 'react-i18next';
import { useDraftForm } from '../components/form-context.tsx';
import { ListEditor } from '../components/list-editors.tsx';
import { TextArea, TextField } from '../components/text-fields.tsx';
import type { DraftContent } from '../../draft.schema.ts';

type Abbreviation = DraftContent['abbreviations'][number];

/** Step 4: the summary of the facts (art. 18(15)(c)), the purpose (18(15)(f)) and the abbreviations used. */
export function FactsStep() {
  const { t } = useTranslation();
  const c = useDraftForm().content as DraftContent;
  const onlyService = c.assistance.length > 0 && c.assistance.every((f) => f.measure === 'service-of-documents');
  return (
    <>
      <TextArea
        path="facts.summary"
        label={t('drafting.facts.summary')}
        hint={onlyService ? t('drafting.facts.summaryHintService') : t('drafting.facts.summaryHint')}
        required={!onlyService}
        rows={12}
        counter
      />
      <TextArea path="purpose" label={t('drafting.facts.purpose')} hint={t('drafting.facts.purposeHint')} required rows={4} />
      <ListEditor<Abbreviation>
        path="abbreviations"
        legend={t('drafting.facts.abbreviations')}
        hint={t('drafting.facts.abbreviationsHint')}
        itemLabel={(i, a) => (a.term ? a.term : t('drafting.facts.abbreviation', { n: i + 1 }))}
        addLabel={t('drafting.facts.addAbbreviation')}
        removeLabel={(i) => t('drafting.facts.removeAbbreviation', { n: i + 1 })}
        newItem={() => ({ term: '', meaning: '' })}
        render={(p) => (
          <div className="field-grid">
            <TextField path={`${p}.term`} label={t('drafting.facts.term')} maxLength={32} />
            <TextField path={`${p}.meaning`} label={t('drafting.facts.meaning')} maxLength={300} />
          </div>
        )}
      />
    </>
  );
}
