import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTIFIER_TYPES, PROPERTY_TYPES, type AssistanceForm, type PropertyItem } from '../../draft.schema.ts';
import { CheckboxField, MultiCheck, RadioGroup } from '../components/choice-fields.tsx';
import { DateTimeListField } from '../components/code-list-fields.tsx';
import { Group } from '../components/field-group.tsx';
import { useDraftForm } from '../components/form-context.tsx';
import { ListEditor, ValueList } from '../components/list-editors.tsx';
import { SelectField, TriStateField } from '../components/select-fields.tsx';
import { TextArea, TextField } from '../components/text-fields.tsx';
import { currencies, timeZones } from '../components/zones.ts';
import type { DraftContent } from '../../draft.schema.ts';
import { useLabels } from '../labels.ts';
import { newIdentifier, newProperty } from '../newItems.ts';
import { useWizardInfo } from '../WizardContext.tsx';
import { personName } from './PersonsStep.tsx';

type Identifier = { id: string; type: string | null; value: string; port: number | null };

/** The fields a form of assistance needs beyond its description and purpose, by measure. */
export function MeasureFields({ path: p, form: f }: { path: string; form: AssistanceForm }) {
  const { t } = useTranslation();
  switch (f.measure) {
    case 'taking-evidence':
      return <HearingFields path={p} />;
    case 'video-link-hearing':
      return (
        <>
          <HearingFields path={p} />
          <DateTimeListField
            path={`${p}.proposedDates`}
            legend={t('drafting.fields.proposedDates')}
            inputLabel={t('drafting.fields.proposedDate')}
            addLabel={t('drafting.fields.addProposedDate')}
          />
          <TimeZoneField path={`${p}.timeZone`} />
          <TextField path={`${p}.interpretation`} label={t('drafting.fields.interpretation')} hint={t('drafting.fields.interpretationHint')} maxLength={300} />
          <TextField path={`${p}.technicalContact`} label={t('drafting.fields.technicalContact')} maxLength={300} />
        </>
      );
    case 'service-of-documents':
      return (
        <>
          <ListEditor<{ title: string; description: string }>
            path={`${p}.documents`}
            legend={t('drafting.fields.documents')}
            itemLabel={(n, d) => d.title || t('drafting.fields.document', { n: n + 1 })}
            addLabel={t('drafting.fields.addDocument')}
            removeLabel={(n) => t('drafting.fields.removeDocument', { n: n + 1 })}
            newItem={() => ({ title: '', description: '' })}
            render={(dp) => (
              <>
                <TextField path={`${dp}.title`} label={t('drafting.fields.documentTitle')} required maxLength={300} />
                <TextArea path={`${dp}.description`} label={t('drafting.fields.documentDescription')} rows={2} />
              </>
            )}
          />
          <TextArea path={`${p}.addressForService`} label={t('drafting.fields.addressForService')} required rows={2} />
          <CheckboxField path={`${p}.proofOfServiceRequired`} label={t('drafting.fields.proofOfServiceRequired')} />
        </>
      );
    case 'search-and-seizure':
      return (
        <>
          <TextArea path={`${p}.places`} label={t('drafting.fields.places')} hint={t('drafting.fields.placesHint')} required rows={2} />
          <TextArea path={`${p}.itemsSought`} label={t('drafting.fields.itemsSought')} required rows={2} />
        </>
      );
    case 'freezing':
      return <PropertyList path={`${p}.property`} />;
    case 'examining-objects-and-sites':
      return <TextArea path={`${p}.objectsOrSites`} label={t('drafting.fields.objectsOrSites')} required rows={2} />;
    case 'information-and-expert-evaluations':
      return <TextArea path={`${p}.informationSought`} label={t('drafting.fields.informationSought')} required rows={3} />;
    case 'bank-records':
      return (
        <>
          <TextField path={`${p}.institution`} label={t('drafting.fields.institution')} required maxLength={300} />
          <ListEditor<{ holder: string; number: string }>
            path={`${p}.accounts`}
            legend={t('drafting.fields.accounts')}
            itemLabel={(n) => t('drafting.fields.account', { n: n + 1 })}
            addLabel={t('drafting.fields.addAccount')}
            removeLabel={(n) => t('drafting.fields.removeAccount', { n: n + 1 })}
            newItem={() => ({ holder: '', number: '' })}
            render={(ap) => (
              <div className="field-grid">
                <TextField path={`${ap}.holder`} label={t('drafting.fields.accountHolder')} maxLength={300} />
                <TextField path={`${ap}.number`} label={t('drafting.fields.accountNumber')} dir="ltr" maxLength={300} />
              </div>
            )}
          />
          <Period path={p} />
          <TextArea path={`${p}.recordsSought`} label={t('drafting.fields.recordsSought')} required rows={2} />
          <CheckboxField path={`${p}.certifiedCopies`} label={t('drafting.fields.certifiedCopies')} />
        </>
      );
    case 'government-and-business-records':
      return (
        <>
          <TextField path={`${p}.holder`} label={t('drafting.fields.recordsHolder')} required maxLength={300} />
          <TextArea path={`${p}.recordsSought`} label={t('drafting.fields.recordsSought')} required rows={2} />
          <CheckboxField path={`${p}.certifiedCopies`} label={t('drafting.fields.certifiedCopies')} />
        </>
      );
    case 'identify-and-trace-proceeds':
      return (
        <>
          <PropertyList path={`${p}.property`} />
          <Period path={p} />
        </>
      );
    case 'voluntary-appearance':
      return (
        <div className="field-grid">
          <TextField path={`${p}.where`} label={t('drafting.fields.where')} required maxLength={300} />
          <TextField path={`${p}.when`} type="date" label={t('drafting.fields.when')} />
          <TriStateField path={`${p}.expensesCovered`} label={t('drafting.fields.expensesCovered')} />
          <TriStateField path={`${p}.safeConduct`} label={t('drafting.fields.safeConduct')} hint={t('drafting.fields.safeConductHint')} />
        </div>
      );
    case 'other-assistance':
      return null;
    case 'e-evidence-preservation':
    case 'e-evidence-subscriber':
    case 'e-evidence-traffic':
    case 'e-evidence-content':
    case 'e-evidence-real-time-traffic':
      return <ElectronicEvidenceFields path={`${p}.electronicEvidence`} measure={f.measure} />;
    case 'confiscation':
      return (
        <>
          <PropertyList path={`${p}.property`} />
          <Group legend={t('drafting.fields.order')} hint={t('drafting.fields.orderHint')}>
            <RadioGroup
              path={`${p}.order.basis`}
              legend={t('drafting.fields.orderBasis')}
              required
              options={[
                { value: 'enforce-existing-order', label: t('drafting.fields.orderEnforce'), hint: t('drafting.fields.orderEnforceHint') },
                { value: 'obtain-order', label: t('drafting.fields.orderObtain'), hint: t('drafting.fields.orderObtainHint') },
              ]}
            />
            <div className="field-grid">
              <TextField path={`${p}.order.issuedBy`} label={t('drafting.fields.orderIssuedBy')} maxLength={300} />
              <TextField path={`${p}.order.date`} type="date" label={t('drafting.fields.orderDate')} />
              <TextField path={`${p}.order.reference`} label={t('drafting.fields.orderReference')} maxLength={300} />
              <TriStateField path={`${p}.order.isFinal`} label={t('drafting.fields.orderIsFinal')} />
            </div>
            <TextArea path={`${p}.order.summary`} label={t('drafting.fields.orderSummary')} rows={3} />
          </Group>
        </>
      );
    case 'asset-sharing-and-return':
      return (
        <>
          <RadioGroup
            path={`${p}.proposal`}
            legend={t('drafting.fields.proposal')}
            required
            options={(['return-to-victims', 'return-to-owners', 'sharing', 'contribution-to-untoc-account'] as const).map((v) => ({
              value: v,
              label: t(`drafting.fields.proposals.${v}`),
              hint: t(`drafting.fields.proposalHints.${v}`),
            }))}
          />
          <TextArea path={`${p}.terms`} label={t('drafting.fields.terms')} rows={2} />
          <TextArea path={`${p}.paymentDetails`} label={t('drafting.fields.paymentDetails')} rows={2} />
        </>
      );
    case 'extradition':
      return (
        <>
          <RadioGroup
            path={`${p}.surrenderFor`}
            legend={t('drafting.fields.surrenderFor')}
            required
            options={[
              { value: 'prosecution', label: t('drafting.fields.surrenderProsecution') },
              { value: 'enforcement-of-sentence', label: t('drafting.fields.surrenderSentence') },
            ]}
          />
          <Group legend={t('drafting.fields.warrant')}>
            <SelectField
              path={`${p}.warrant.type`}
              label={t('drafting.fields.warrantType')}
              required
              empty={t('drafting.form.choose')}
              options={(['arrest-warrant', 'judgement', 'other'] as const).map((v) => ({ value: v, label: t(`drafting.fields.warrantTypes.${v}`) }))}
            />
            <div className="field-grid">
              <TextField path={`${p}.warrant.issuedBy`} label={t('drafting.fields.warrantIssuedBy')} required maxLength={300} />
              <TextField path={`${p}.warrant.date`} type="date" label={t('drafting.fields.warrantDate')} required />
              <TextField path={`${p}.warrant.reference`} label={t('drafting.fields.warrantReference')} maxLength={300} />
              <TextField path={`${p}.warrant.sentenceImposed`} label={t('drafting.fields.sentenceImposed')} maxLength={300} />
              <TextField path={`${p}.warrant.sentenceRemaining`} label={t('drafting.fields.sentenceRemaining')} maxLength={300} />
            </div>
          </Group>
          <CheckboxField path={`${p}.provisionalArrestRequested`} label={t('drafting.fields.provisionalArrest')} hint={t('drafting.fields.provisionalArrestHint')} />
          <TextArea path={`${p}.assurances`} label={t('drafting.fields.assurances')} hint={t('drafting.fields.assurancesHint')} rows={2} />
          <TextArea path={`${p}.statuteOfLimitations`} label={t('drafting.fields.statuteOfLimitations')} rows={2} />
        </>
      );
    case 'transfer-of-proceedings':
      return (
        <>
          <TextArea path={`${p}.reasons`} label={t('drafting.fields.transferReasons')} hint={t('drafting.fields.transferReasonsHint')} required rows={3} />
          <TextArea path={`${p}.stageOfProceedings`} label={t('drafting.fields.stageOfProceedings')} rows={2} />
          <TextArea path={`${p}.evidenceTransmitted`} label={t('drafting.fields.evidenceTransmitted')} rows={2} />
          <TextField path={`${p}.limitationPeriod`} label={t('drafting.fields.limitationPeriod')} maxLength={300} />
        </>
      );
    case 'joint-investigation':
      return (
        <>
          <TextArea path={`${p}.objective`} label={t('drafting.fields.jitObjective')} required rows={2} />
          <TextArea path={`${p}.participatingAuthorities`} label={t('drafting.fields.jitParticipants')} rows={2} />
          <div className="field-grid">
            <TextField path={`${p}.durationMonths`} type="number" numeric inputMode="numeric" label={t('drafting.fields.jitDuration')} />
            <TextField path={`${p}.leadAuthority`} label={t('drafting.fields.jitLead')} maxLength={300} />
            <TextField path={`${p}.agreementBasis`} label={t('drafting.fields.jitAgreement')} hint={t('drafting.fields.jitAgreementHint')} maxLength={300} />
          </div>
        </>
      );
    case 'controlled-delivery':
      return (
        <>
          <TextArea path={`${p}.consignment`} label={t('drafting.fields.consignment')} required rows={2} />
          <TextArea path={`${p}.route`} label={t('drafting.fields.deliveryRoute')} rows={2} />
          <TextField path={`${p}.expectedDates`} label={t('drafting.fields.expectedDates')} maxLength={300} />
        </>
      );
    case 'transfer-of-sentenced-persons':
      return (
        <>
          <TextField path={`${p}.sentence`} label={t('drafting.fields.sentence')} required maxLength={300} />
          <TriStateField path={`${p}.consentObtained`} label={t('drafting.fields.consentObtained')} />
        </>
      );
    default:
      return null;
  }
}

function HearingFields({ path: p }: { path: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ValueList
        path={`${p}.questions`}
        legend={t('drafting.fields.questions')}
        hint={t('drafting.fields.questionsHint')}
        itemLabel={(n) => t('drafting.fields.question', { n: n + 1 })}
        addLabel={t('drafting.fields.addQuestion')}
        empty=""
        render={(ip, label) => <TextArea path={ip} label={label} rows={2} />}
      />
      <TextArea path={`${p}.attendees`} label={t('drafting.fields.attendees')} hint={t('drafting.fields.attendeesHint')} rows={2} />
      <TriStateField path={`${p}.oathOrAffirmation`} label={t('drafting.fields.oath')} />
    </>
  );
}

function Period({ path: p }: { path: string }) {
  const { t } = useTranslation();
  return (
    <div className="field-grid">
      <TextField path={`${p}.periodFrom`} type="date" label={t('drafting.fields.periodFrom')} />
      <TextField path={`${p}.periodTo`} type="date" label={t('drafting.fields.periodTo')} />
    </div>
  );
}

export function TimeZoneField({ path, required }: { path: string; required?: boolean }) {
  const { t } = useTranslation();
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), []);
  return <SelectField path={path} label={t('drafting.fields.timeZone')} hint={t('drafting.fields.timeZoneHint')} required={required} empty={t('drafting.form.choose')} options={zones} />;
}

/** Property to trace, freeze or confiscate (art. 13): what, where, worth what, held by whom. */
function PropertyList({ path }: { path: string }) {
  const { t } = useTranslation();
  const L = useLabels();
  const c = useDraftForm().content as DraftContent;
  const money = useMemo(() => currencies().map((x) => ({ value: x, label: x })), []);
  const persons = c.persons.map((x, i) => ({ value: x.id, label: personName(x) || t('drafting.persons.item', { n: i + 1 }) }));
  return (
    <ListEditor<PropertyItem>
      path={path}
      legend={t('drafting.property.legend')}
      hint={t('drafting.property.hint')}
      itemLabel={(n, it) => (it.type ? t('drafting.property.itemTyped', { n: n + 1, type: t(`drafting.propertyTypes.${it.type}`) }) : t('drafting.property.item', { n: n + 1 }))}
      addLabel={t('drafting.property.add')}
      removeLabel={(n) => t('drafting.property.remove', { n: n + 1 })}
      newItem={newProperty}
      render={(pp) => (
        <>
          <SelectField path={`${pp}.type`} label={t('drafting.property.type')} required empty={t('drafting.form.choose')} options={L.opts('propertyTypes', PROPERTY_TYPES)} />
          <TextArea path={`${pp}.description`} label={t('drafting.property.description')} required rows={2} />
          <TextArea path={`${pp}.location`} label={t('drafting.property.location')} required rows={2} />
          <TextArea path={`${pp}.identifiers`} label={t('drafting.property.identifiers')} hint={t('drafting.property.identifiersHint')} rows={2} />
          <div className="field-grid">
            <TextField path={`${pp}.estimatedValue.amount`} type="number" numeric inputMode="decimal" label={t('drafting.property.value')} />
            <SelectField path={`${pp}.estimatedValue.currency`} label={t('drafting.property.currency')} empty={t('drafting.form.choose')} options={money} />
          </div>
          {persons.length > 0 && <MultiCheck path={`${pp}.holderPersonIds`} legend={t('drafting.property.holders')} options={persons} />}
        </>
      )}
    />
  );
}

/** Electronic evidence: the provider, the identifiers, the date-time range and its time zone, urgency. */
function ElectronicEvidenceFields({ path: p, measure }: { path: string; measure: string }) {
  const { t } = useTranslation();
  const L = useLabels();
  const { states } = useWizardInfo();
  const stateOptions = states.map((s) => ({ value: s.iso3, label: s.name }));
  return (
    <>
      <Group legend={t('drafting.ee.provider')} hint={t('drafting.ee.providerHint')}>
        <TextField path={`${p}.provider.name`} label={t('drafting.ee.providerName')} required maxLength={300} />
        <SelectField path={`${p}.provider.state`} label={t('drafting.ee.providerState')} empty={t('drafting.form.notStated')} options={stateOptions} />
        <TextField path={`${p}.provider.contact`} label={t('drafting.ee.providerContact')} maxLength={300} />
      </Group>
      <ListEditor<Identifier>
        path={`${p}.identifiers`}
        legend={t('drafting.ee.identifiers')}
        hint={t('drafting.ee.identifiersHint')}
        itemLabel={(n, it) => (it.type ? t('drafting.ee.identifierTyped', { n: n + 1, type: t(`drafting.identifierTypes.${it.type}`) }) : t('drafting.ee.identifier', { n: n + 1 }))}
        addLabel={t('drafting.ee.addIdentifier')}
        removeLabel={(n) => t('drafting.ee.removeIdentifier', { n: n + 1 })}
        newItem={newIdentifier}
        render={(ip, _n, it) => (
          <div className="field-grid">
            <SelectField path={`${ip}.type`} label={t('drafting.ee.identifierType')} required empty={t('drafting.form.choose')} options={L.opts('identifierTypes', IDENTIFIER_TYPES)} />
            <TextField
              path={`${ip}.value`}
              label={t('drafting.ee.identifierValue')}
              hint={it.type ? t(`drafting.ee.valueHints.${it.type}`) : undefined}
              required
              dir="ltr"
              inputMode={it.type === 'email' ? 'email' : it.type === 'phone-number' ? 'tel' : undefined}
              maxLength={300}
            />
            {it.type === 'ip-address' && (
              <TextField path={`${ip}.port`} type="number" numeric inputMode="numeric" label={t('drafting.ee.port')} hint={t('drafting.ee.portHint')} />
            )}
          </div>
        )}
      />
      <Group legend={t('drafting.ee.range')} hint={t('drafting.ee.rangeHint')}>
        <div className="field-grid">
          <TextField path={`${p}.dateRange.from`} type="datetime-local" label={t('drafting.ee.from')} required={measure !== 'e-evidence-real-time-traffic'} />
          <TextField path={`${p}.dateRange.to`} type="datetime-local" label={t('drafting.ee.to')} required={measure !== 'e-evidence-real-time-traffic'} />
          <TimeZoneField path={`${p}.dateRange.timeZone`} required />
        </div>
      </Group>
      {measure === 'e-evidence-preservation' && (
        <TextField path={`${p}.preservationDays`} type="number" numeric inputMode="numeric" label={t('drafting.ee.preservationDays')} hint={t('drafting.ee.preservationDaysHint')} />
      )}
      {measure === 'e-evidence-real-time-traffic' && (
        <TextField path={`${p}.interceptionDays`} type="number" numeric inputMode="numeric" label={t('drafting.ee.interceptionDays')} required />
      )}
      <Group legend={t('drafting.ee.emergency')}>
        <CheckboxField path={`${p}.emergency.isEmergency`} label={t('drafting.ee.isEmergency')} hint={t('drafting.ee.isEmergencyHint')} />
        <TextArea path={`${p}.emergency.justification`} label={t('drafting.ee.justification')} rows={2} />
      </Group>
      <CheckboxField path={`${p}.nonDisclosure`} label={t('drafting.ee.nonDisclosure')} />
    </>
  );
}
