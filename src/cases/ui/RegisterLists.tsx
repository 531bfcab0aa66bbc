import { AUTHORITY_ROLES } from '../case.vocabulary.ts';
import { useCaseLabels } from './labels.ts';
import { fid, useIssues, useRegister } from './registerFields.tsx';
import { PERSON_ROLES, type AuthorityRow, type PersonRow } from './registerForm.ts';

/** The persons concerned, one row each: name, role, nationality, in custody (which weighs on the priority). */
export function PersonsEditor({ states }: { states: { iso3: string; name: string }[] }) {
  const { s, set } = useRegister();
  const L = useCaseLabels();
  const { t } = L;
  const errors = useIssues('persons');
  const update = (i: number, p: Partial<PersonRow>) => set('persons', s.persons.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <fieldset className="list-editor" data-field="persons">
      <legend>{t('cases.fields.persons')}</legend>
      {s.persons.map((p, i) => (
        <div key={i} className="list-row" data-testid="person-row">
          <div className="field">
            <label htmlFor={fid(`persons-${i}-name`)}>{t('cases.register.personName', { n: i + 1 })}</label>
            <input id={fid(`persons-${i}-name`)} dir="auto" value={p.name} onChange={(e) => update(i, { name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={fid(`persons-${i}-role`)}>{t('cases.register.personRole')}</label>
            <select id={fid(`persons-${i}-role`)} value={p.role} onChange={(e) => update(i, { role: e.target.value })}>
              {PERSON_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`cases.personRoles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fid(`persons-${i}-nationality`)}>{t('cases.register.nationality')}</label>
            <select id={fid(`persons-${i}-nationality`)} value={p.nationality} onChange={(e) => update(i, { nationality: e.target.value })}>
              <option value="">{t('cases.register.unknown')}</option>
              {states.map((x) => (
                <option key={x.iso3} value={x.iso3}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-check">
            <input id={fid(`persons-${i}-custody`)} type="checkbox" checked={p.inCustody} onChange={(e) => update(i, { inCustody: e.target.checked })} />
            <label htmlFor={fid(`persons-${i}-custody`)}>{t('cases.details.inCustody')}</label>
          </div>
          <button type="button" className="link-button" onClick={() => set('persons', s.persons.filter((_, j) => j !== i))}>
            {t('cases.register.removePerson', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button-secondary button-small" onClick={() => set('persons', [...s.persons, { name: '', role: 'suspect', nationality: '', inCustody: false }])} data-testid="add-person">
        {t('cases.register.addPerson')}
      </button>
      {errors.length > 0 && (
        <span className="field-error" lang="en" dir="ltr">
          {errors.join(' · ')}
        </span>
      )}
    </fieldset>
  );
}

/** The authorities involved: central, requesting, competent, executing — by name (the directory's, or as written). */
export function AuthoritiesEditor() {
  const { s, set } = useRegister();
  const L = useCaseLabels();
  const { t } = L;
  const errors = useIssues('authorities');
  const update = (i: number, a: Partial<AuthorityRow>) => set('authorities', s.authorities.map((x, j) => (j === i ? { ...x, ...a } : x)));
  return (
    <fieldset className="list-editor" data-field="authorities">
      <legend>{t('cases.fields.authorities')}</legend>
      {s.authorities.map((a, i) => (
        <div key={i} className="list-row" data-testid="authority-row">
          <div className="field">
            <label htmlFor={fid(`authorities-${i}-role`)}>{t('cases.register.authorityRole')}</label>
            <select id={fid(`authorities-${i}-role`)} value={a.role} onChange={(e) => update(i, { role: e.target.value as AuthorityRow['role'] })}>
              {AUTHORITY_ROLES.map((r) => (
                <option key={r} value={r}>
                  {L.authorityRole(r)}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor={fid(`authorities-${i}-name`)}>{t('cases.register.authorityName', { n: i + 1 })}</label>
            <input id={fid(`authorities-${i}-name`)} dir="auto" value={a.name} onChange={(e) => update(i, { name: e.target.value })} />
          </div>
          <button type="button" className="link-button" onClick={() => set('authorities', s.authorities.filter((_, j) => j !== i))}>
            {t('cases.register.removeAuthority', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button-secondary button-small" onClick={() => set('authorities', [...s.authorities, { role: s.direction === 'incoming' ? 'requesting' : 'central', name: '' }])}>
        {t('cases.register.addAuthority')}
      </button>
      {errors.length > 0 && (
        <span className="field-error" lang="en" dir="ltr">
          {errors.join(' · ')}
        </span>
      )}
    </fieldset>
  );
}
