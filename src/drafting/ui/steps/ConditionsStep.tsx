import { useTranslation } from 'react-i18next';
import { ATTACHMENT_KINDS } from '../../draft.schema.ts';
import { WizardAttachments } from '../components/Attachments.tsx';
import { CheckboxField } from '../components/choice-fields.tsx';
import { Group } from '../components/field-group.tsx';
import { useDraftForm } from '../components/form-context.tsx';
import { ListEditor } from '../components/list-editors.tsx';
import { SelectField } from '../components/select-fields.tsx';
import { TextArea, TextField } from '../components/text-fields.tsx';
import type { DraftContent } from '../../draft.schema.ts';
import { useLabels } from '../labels.ts';
import { newAttachment } from '../newItems.ts';

type Attachment = DraftContent['attachments'][number];

/** Step 7: urgency (18(24)), confidentiality (18(20)), procedures (18(17)), use limitations (18(19)), attachments. */
export function ConditionsStep() {
  const { t } = useTranslation();
  const L = useLabels();
  const c = useDraftForm().content as DraftContent;
  return (
    <>
      <Group legend={t('drafting.conditions.urgency')} hint={t('drafting.conditions.urgencyHint')}>
        <CheckboxField path="urgency.urgent" label={t('drafting.conditions.urgent')} />
        {c.urgency.urgent && (
          <>
            <TextField path="urgency.deadline" type="date" label={t('drafting.conditions.deadline')} required />
            <TextArea path="urgency.reason" label={t('drafting.conditions.urgencyReason')} hint={t('drafting.conditions.urgencyReasonHint')} required rows={2} />
          </>
        )}
      </Group>
      <Group legend={t('drafting.conditions.confidentiality')} hint={t('drafting.conditions.confidentialityHint')}>
        <CheckboxField path="confidentiality.required" label={t('drafting.conditions.confidential')} />
        {c.confidentiality.required && <TextArea path="confidentiality.reason" label={t('drafting.conditions.confidentialityReason')} required rows={2} />}
      </Group>
      <TextArea path="procedures" label={t('drafting.conditions.procedures')} hint={t('drafting.conditions.proceduresHint')} rows={3} />
      <TextArea path="useLimitations" label={t('drafting.conditions.useLimitations')} hint={t('drafting.conditions.useLimitationsHint')} rows={3} />
      <ListEditor<Attachment>
        path="attachments"
        legend={t('drafting.attachments.legend')}
        hint={t('drafting.attachments.hint')}
        itemLabel={(n, a) => a.title || t('drafting.attachments.item', { n: n + 1 })}
        addLabel={t('drafting.attachments.add')}
        removeLabel={(n) => t('drafting.attachments.remove', { n: n + 1 })}
        newItem={newAttachment}
        render={(ap) => (
          <>
            <div className="field-grid">
              <SelectField path={`${ap}.kind`} label={t('drafting.attachments.kind')} empty={t('drafting.form.choose')} options={L.opts('attachmentKinds', ATTACHMENT_KINDS)} />
              <TextField path={`${ap}.title`} label={t('drafting.attachments.title')} required maxLength={300} />
              <TextField path={`${ap}.pages`} type="number" numeric inputMode="numeric" label={t('drafting.attachments.pages')} />
            </div>
            <TextArea path={`${ap}.description`} label={t('drafting.attachments.description')} rows={2} />
            <CheckboxField path={`${ap}.translated`} label={t('drafting.attachments.translated')} />
          </>
        )}
      />
      <WizardAttachments />
    </>
  );
}
