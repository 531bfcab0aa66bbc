import type { CaseDto } from './caseTypes.ts';
import { useCaseLabels } from './labels.ts';
import { useStates } from './useStates.ts';

/** What the request is about: offences and crime types, forms of assistance, persons concerned and authorities. */
export function CaseDetails({ c }: { c: CaseDto }) {
  const L = useCaseLabels();
  const { stateName } = useStates();
  const { t } = L;
  return (
    <section className="case-section" aria-labelledby="case-details-title" data-testid="case-details">
      <h2 id="case-details-title">{t('cases.details.title')}</h2>
      {c.summary && (
        <p className="prose" dir="auto">
          {c.summary}
        </p>
      )}
      <h3 className="h3-like">{t('cases.fields.measures')}</h3>
      {c.measures.length ? (
        <ul className="badge-list">
          {c.measures.map((m) => (
            <li key={m} className="badge">
              {L.measure(m)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('cases.header.none')}</p>
      )}
      <h3 className="h3-like">{t('cases.fields.offences')}</h3>
      {c.crimeTypes.length > 0 && (
        <ul className="badge-list">
          {c.crimeTypes.map((x) => (
            <li key={x} className="badge badge-outline">
              {L.crimeType(x)}
            </li>
          ))}
        </ul>
      )}
      {c.offences.length > 0 ? (
        <ul className="small">
          {c.offences.map((o, i) => (
            <li key={i} dir="auto">
              {o}
            </li>
          ))}
        </ul>
      ) : (
        c.crimeTypes.length === 0 && <p className="small muted">{t('cases.header.none')}</p>
      )}
      <h3 className="h3-like">{t('cases.fields.persons')}</h3>
      {c.persons.length ? (
        <ul className="plain-list small" data-testid="case-persons">
          {c.persons.map((p, i) => (
            <li key={i}>
              <strong dir="auto">{p.name}</strong> — <span dir="auto">{t(`cases.personRoles.${p.role}`, { defaultValue: p.role })}</span>
              {p.nationality && <> · {stateName(p.nationality)}</>}
              {p.inCustody && (
                <>
                  {' '}
                  <span className="badge badge-overdue">{t('cases.details.inCustody')}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('cases.header.none')}</p>
      )}
      <h3 className="h3-like">{t('cases.fields.authorities')}</h3>
      {c.authorities.length ? (
        <ul className="plain-list small" data-testid="case-authorities">
          {c.authorities.map((a, i) => (
            <li key={i}>
              <span className="muted">{L.authorityRole(a.role)}:</span> <span dir="auto">{a.name}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('cases.header.none')}</p>
      )}
      {c.assignees.length > 0 && (
        <>
          <h3 className="h3-like">{t('cases.form.assignees')}</h3>
          <ul className="plain-list small">
            {c.assignees.map((a) => (
              <li key={a.id} dir="auto">
                {a.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
