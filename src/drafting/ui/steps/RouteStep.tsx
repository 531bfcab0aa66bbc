import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_KINDS } from '../../../reference/measures.ts';
import { RadioGroup } from '../components/choice-fields.tsx';
import { Group } from '../components/field-group.tsx';
import { useDraftForm } from '../components/form-context.tsx';
import { SelectField } from '../components/select-fields.tsx';
import { TextArea, TextField } from '../components/text-fields.tsx';
import { RouteInfo } from '../components/RouteInfo.tsx';
import { useLang } from '../../../web/i18n.ts';
import { useApi } from '../../../web/useApi.ts';
import { api, ok } from '../../../web/api/client.ts';
import type { DraftContent } from '../../draft.schema.ts';
import { useLabels } from '../labels.ts';
import { useWizardInfo } from '../WizardContext.tsx';

/** Step 1: who asks whom — the kind of request, both States and authorities, language and channel. */
export function RouteStep() {
  const { t } = useTranslation();
  const L = useLabels();
  const form = useDraftForm();
  const { draft, states, stateName, route } = useWizardInfo();
  const c = form.content as DraftContent;
  const answer = route?.status === 'ok' ? route.data : null;
  // A request for one form of assistance goes to that measure's receiving authority when its record names one
  // (urgent preservation: the police or 24/7 unit), the central authority being the channel; else to the
  // central authority. With several forms the checks say which one names another body.
  const measures = [...new Set(c.assistance.map((f) => f.measure))];
  const only = measures.length === 1 ? measures[0] : undefined;
  const lang = useLang();
  const to = c.requested.state;
  const perMeasure = useApi(
    (signal) => (only && to ? ok(api.GET('/api/v1/directory/route', { params: { query: { from: draft.requestingState, to, kind: c.kind, measure: only, lang } }, signal })) : Promise.resolve(null)),
    [draft.requestingState, to, c.kind, only, lang],
  );
  const measureAnswer = perMeasure.data && perMeasure.data.query.to === to && perMeasure.data.query.measure === only ? perMeasure.data : null;
  const addressee = (only ? measureAnswer?.addressee : answer?.addressee) ?? null;

  // the directory's addressee is the one to address unless the writer already named another
  useEffect(() => {
    if (form.readOnly || !addressee) return;
    if (!c.requested.authorityName && (addressee.id === null || c.requested.authorityId !== addressee.id)) {
      form.set('requested.authorityId', addressee.id);
      form.set('requested.authorityName', addressee.name);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [addressee?.id, addressee?.name]);

  const accepted = answer?.languages ?? null;
  const channels = answer?.channels ?? null;
  const stateOptions = states.filter((s) => s.iso3 !== draft.requestingState).map((s) => ({ value: s.iso3, label: s.name }));

  return (
    <>
      <RadioGroup
        path="kind"
        legend={t('drafting.route.kind')}
        required
        options={REQUEST_KINDS.map((k) => ({ value: k, label: L.kind(k), hint: t(`drafting.kindHints.${k}`) }))}
      />
      <TextField path="title" label={t('drafting.route.workingTitle')} hint={t('drafting.route.workingTitleHint')} maxLength={300} />

      <Group legend={t('drafting.route.requestingLegend', { state: stateName(draft.requestingState) })} hint={t('drafting.route.requestingHint')}>
        <TextField path="requesting.authority.name" label={t('drafting.route.authorityName')} required maxLength={300} />
        <TextArea path="requesting.authority.functions" label={t('drafting.route.authorityFunctions')} rows={2} />
        <TextArea path="requesting.authority.address" label={t('drafting.route.authorityAddress')} rows={2} />
        <TextField path="requesting.caseReference" label={t('drafting.route.caseReference')} maxLength={300} />
        <div className="field-grid">
          <TextField path="requesting.contact.name" label={t('drafting.route.contactName')} autoComplete="name" maxLength={300} />
          <TextField path="requesting.contact.position" label={t('drafting.route.contactPosition')} maxLength={300} />
          <TextField path="requesting.contact.email" type="email" label={t('drafting.route.contactEmail')} dir="ltr" inputMode="email" maxLength={300} />
          <TextField path="requesting.contact.phone" type="tel" label={t('drafting.route.contactPhone')} dir="ltr" maxLength={300} />
          <TextField path="requesting.contact.languages" label={t('drafting.route.contactLanguages')} maxLength={300} />
        </div>
      </Group>

      <Group legend={t('drafting.route.requestedLegend')}>
        <SelectField
          path="requested.state"
          label={t('drafting.route.requestedState')}
          required
          empty={t('drafting.route.chooseStateOption')}
          options={stateOptions}
          onChosen={() => {
            // another State: its authority comes from the directory afresh
            form.set('requested.authorityId', null);
            form.set('requested.authorityName', '');
          }}
        />
        <RouteInfo />
        <TextField
          path="requested.authorityName"
          label={t('drafting.route.requestedAuthority')}
          hint={
            addressee?.via && only
              ? t('drafting.route.requestedAuthorityVia', { measure: L.measure(only), name: addressee.name, via: addressee.via.name })
              : addressee
                ? t('drafting.route.requestedAuthorityHint', { name: addressee.name })
                : t('drafting.route.requestedAuthorityUnknown')
          }
          required
          maxLength={300}
        />
        <SelectField
          path="language"
          label={t('drafting.route.language')}
          required
          empty={t('drafting.form.choose')}
          hint={accepted ? t('drafting.route.languageAccepted', { list: accepted.map(L.languageName).join(', ') }) : t('drafting.route.languageUnknown')}
          options={L.unLanguages.map((o) => ({ ...o, label: accepted?.includes(o.value) ? `${o.label} ✓` : o.label }))}
        />
        {c.language && accepted && !accepted.includes(c.language) && (
          <p className="notice notice-warn" role="status" data-testid="language-not-accepted">
            {t('drafting.route.languageNotAccepted', { lang: L.languageName(c.language), state: stateName(c.requested.state), list: accepted.map(L.languageName).join(', ') })}
          </p>
        )}
        <SelectField
          path="channel"
          label={t('drafting.route.channel')}
          empty={t('drafting.form.choose')}
          hint={channels ? t('drafting.route.channelAccepted', { list: channels.map(L.channel).join(', ') }) : t('drafting.route.channelUnknown')}
          options={L.channels.map((o) => ({ ...o, label: channels?.includes(o.value as never) ? `${o.label} ✓` : o.label }))}
        />
      </Group>
    </>
  );
}
