import { useTranslation } from 'react-i18next';
import { PERSON_ROLES, type Person } from '../../draft.schema.ts';
import { RadioGroup } from '../components/choice-fields.tsx';
import { CodeListField } from '../components/code-list-fields.tsx';
import { useDraftForm } from '../components/form-context.tsx';
import { ListEditor } from '../components/list-editors.tsx';
import { SelectField } from '../components/select-fields.tsx';
import { TextArea, TextField } from '../components/text-fields.tsx';
import type { DraftContent } from '../../draft.schema.ts';
import { useLabels } from '../labels.ts';
import { newPerson } from '../newItems.ts';
import { useWizardInfo } from '../WizardContext.tsx';

type IdDocument = Person['identityDocuments'][number];

/** How a person is named in lists and headings. */
export function personName(p: Person): string {
  if (p.kind === 'legal') return p.organisationName;
  return [p.name.given, p.name.family].filter(Boolean).join(' ');
}

/** Step 5: the persons concerned (art. 18(15)(e)): role, identity, location, nationality. */
export function PersonsStep() {
  const { t } = useTranslation();
  const L = useLabels();
  const { states } = useWizardInfo();
  const c = useDraftForm().content as DraftContent;
  const stateOptions = states.map((s) => ({ value: s.iso3, label: s.name }));
  const extradition = c.kind === 'extradition';
  return (
    <ListEditor<Person>
      path="persons"
      legend={t('drafting.persons.legend')}
      hint={t('drafting.persons.hint')}
      itemLabel={(i, p) => {
        const name = personName(p);
        const role = p.role ? t(`drafting.personRoles.${p.role}`) : null;
        return [t('drafting.persons.item', { n: i + 1 }), name, role && `(${role})`].filter(Boolean).join(' ');
      }}
      addLabel={t('drafting.persons.add')}
      removeLabel={(i) => t('drafting.persons.remove', { n: i + 1 })}
      newItem={newPerson}
      render={(p, _i, person) => (
        <>
          <SelectField path={`${p}.role`} label={t('drafting.persons.role')} required empty={t('drafting.form.choose')} options={L.opts('personRoles', PERSON_ROLES)} />
          <RadioGroup
            path={`${p}.kind`}
            legend={t('drafting.persons.kind')}
            options={[
              { value: 'natural', label: t('drafting.persons.natural') },
              { value: 'legal', label: t('drafting.persons.legal') },
            ]}
          />
          {person.kind === 'legal' ? (
            <TextField path={`${p}.organisationName`} label={t('drafting.persons.organisationName')} required maxLength={300} />
          ) : (
            <div className="field-grid">
              <TextField path={`${p}.name.family`} label={t('drafting.persons.family')} required autoComplete="off" maxLength={300} />
              <TextField path={`${p}.name.given`} label={t('drafting.persons.given')} autoComplete="off" maxLength={300} />
              <TextField path={`${p}.name.otherNames`} label={t('drafting.persons.otherNames')} hint={t('drafting.persons.otherNamesHint')} maxLength={300} />
              <TextField path={`${p}.dateOfBirth`} type="date" label={t('drafting.persons.dateOfBirth')} />
              <TextField path={`${p}.placeOfBirth`} label={t('drafting.persons.placeOfBirth')} maxLength={300} />
              <SelectField
                path={`${p}.gender`}
                label={t('drafting.persons.gender')}
                empty={t('drafting.form.notStated')}
                options={L.opts('genders', ['female', 'male', 'other', 'unknown'])}
              />
            </div>
          )}
          <CodeListField path={`${p}.nationalities`} legend={t('drafting.persons.nationalities')} options={stateOptions} addLabel={t('drafting.persons.addNationality')} max={5} />
          <ListEditor<IdDocument>
            path={`${p}.identityDocuments`}
            legend={t('drafting.persons.documents')}
            itemLabel={(n) => t('drafting.persons.document', { n: n + 1 })}
            addLabel={t('drafting.persons.addDocument')}
            removeLabel={(n) => t('drafting.persons.removeDocument', { n: n + 1 })}
            newItem={() => ({ type: '', number: '', issuedBy: '' })}
            render={(dp) => (
              <div className="field-grid">
                <TextField path={`${dp}.type`} label={t('drafting.persons.documentType')} hint={t('drafting.persons.documentTypeHint')} maxLength={300} />
                <TextField path={`${dp}.number`} label={t('drafting.persons.documentNumber')} dir="ltr" maxLength={300} />
                <TextField path={`${dp}.issuedBy`} label={t('drafting.persons.documentIssuedBy')} maxLength={300} />
              </div>
            )}
          />
          <TextArea path={`${p}.location`} label={t('drafting.persons.location')} hint={t('drafting.persons.locationHint')} rows={2} />
          <SelectField path={`${p}.locationState`} label={t('drafting.persons.locationState')} empty={t('drafting.form.notStated')} options={stateOptions} />
          <TextArea
            path={`${p}.description`}
            label={t('drafting.persons.description')}
            hint={extradition ? t('drafting.persons.descriptionExtradition') : t('drafting.persons.descriptionHint')}
            required={extradition && (person.role === 'accused' || person.role === 'convicted' || person.role === 'suspect')}
            rows={2}
          />
          <TextArea path={`${p}.connection`} label={t('drafting.persons.connection')} hint={t('drafting.persons.connectionHint')} rows={2} />
        </>
      )}
    />
  );
}
