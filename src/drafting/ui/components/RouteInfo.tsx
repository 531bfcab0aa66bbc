import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { useFormat } from '../../../web/format.ts';
import type { DraftContent } from '../../draft.schema.ts';
import type { RouteAnswer } from '../../../web/api/types.ts';
import { useDraftForm } from './form-context.tsx';
import { useLabels } from '../labels.ts';
import { useWizardInfo } from '../WizardContext.tsx';

function YesNoUnknown({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  if (value === null) return <span className="status status-unknown">{t('drafting.route.unknownValue')}</span>;
  return <span className={value ? 'status status-party' : 'status status-none'}>{t(value ? 'drafting.form.yes' : 'drafting.form.no')}</span>;
}

/**
 * What the directory says for the pair of States: the authority to address, the languages and channels it
 * accepts, whether the Convention can be the legal basis, its specific requirements — and, plainly, what it
 * does not know (never guessed).
 */
export function RouteInfo() {
  const { t } = useTranslation();
  const { route } = useWizardInfo();
  const form = useDraftForm();
  if (!(form.content as DraftContent).requested.state) return <p className="notice">{t('drafting.route.chooseState')}</p>;
  if (!route || (route.status === 'loading' && !route.data)) return <Loading label={t('drafting.route.loading')} />;
  if (route.status === 'error') {
    return (
      <div className="notice notice-unknown" data-testid="route-unavailable">
        <p>{t('drafting.route.unavailable')}</p>
        <ErrorMessage error={route.error} onRetry={route.reload} />
      </div>
    );
  }
  return <RouteAnswerView answer={route.data!} />;
}

export function RouteAnswerView({ answer }: { answer: RouteAnswer }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const a = answer.authority;
  const party = (s: string) => t(`drafting.route.party.${s}`);
  // the directory names what it does not know by code: "party-status:requested", "measure:bank-records", "authority.available24x7"
  const unknownText = (u: string) => {
    const [head, rest = ''] = u.split(':');
    if (head === 'party-status') return t('drafting.route.unknownItem.partyStatus', { state: rest === 'requesting' ? answer.requesting.name : answer.requested.name });
    if (head === 'measure') return t('drafting.route.unknownItem.measure', { measure: L.measure(rest) });
    if (u.startsWith('authority.')) return t(`drafting.route.unknownItem.flags.${u.slice('authority.'.length)}`, { defaultValue: u });
    return t(`drafting.route.unknownItem.${u}`, { defaultValue: u });
  };
  return (
    <section className="route-info" aria-labelledby="route-info-title" data-testid="route-info">
      <h3 id="route-info-title">{t('drafting.route.title', { from: answer.requesting.name, to: answer.requested.name })}</h3>
      <dl className="facts">
        <dt>{t('drafting.route.authority')}</dt>
        <dd data-testid="route-authority">
          {a ? (
            <>
              <strong>{a.name}</strong>
              {a.contacts && (
                <ul className="plain-list small">
                  {a.contacts.email && (
                    <li>
                      {t('drafting.route.email')}: <span dir="ltr">{a.contacts.email}</span>
                    </li>
                  )}
                  {a.contacts.phone && (
                    <li>
                      {t('drafting.route.phone')}: <span dir="ltr">{a.contacts.phone}</span>
                    </li>
                  )}
                  {a.contacts.postalAddress && (
                    <li>
                      {t('drafting.route.address')}: {a.contacts.postalAddress}
                    </li>
                  )}
                </ul>
              )}
              {a.available24x7 !== null && (
                <span className="small">
                  {t('drafting.route.available24x7')}: <YesNoUnknown value={a.available24x7} />{' '}
                </span>
              )}
              {a.lastVerified && <span className="small muted">{t('drafting.route.lastVerified', { date: f.date(a.lastVerified) })}</span>}
            </>
          ) : (
            <span className="status status-unknown">{t('drafting.route.notRecorded')}</span>
          )}
        </dd>
        <dt>{t('drafting.route.languages')}</dt>
        <dd data-testid="route-languages" data-languages={answer.languages?.join(',') ?? ''}>
          {answer.languages ? (
            answer.languages.length ? (
              <ul className="inline-list">
                {answer.languages.map((l) => (
                  <li key={l}>{L.languageName(l)}</li>
                ))}
              </ul>
            ) : (
              t('drafting.route.none')
            )
          ) : (
            <span className="status status-unknown">{t('drafting.route.notRecorded')}</span>
          )}
        </dd>
        <dt>{t('drafting.route.channels')}</dt>
        <dd data-testid="route-channels">
          {answer.channels ? (
            <ul className="inline-list">
              {answer.channels.map((c) => (
                <li key={c}>{L.channel(c)}</li>
              ))}
            </ul>
          ) : (
            <span className="status status-unknown">{t('drafting.route.notRecorded')}</span>
          )}
        </dd>
        <dt>{t('drafting.route.convention')}</dt>
        <dd data-testid="route-convention">
          <YesNoUnknown value={answer.legalBasis.convention} />{' '}
          <span className="status-explanation">{t(`drafting.route.basisCode.${answer.legalBasis.code}`)}</span>
        </dd>
        <dt>{t('drafting.route.partyStatus')}</dt>
        <dd>
          {answer.requesting.name}: {party(answer.requesting.untoc)} · {answer.requested.name}: {party(answer.requested.untoc)}
        </dd>
      </dl>
      {answer.measure && (
        <p className="small">
          {t('drafting.route.measureAvailable', { measure: L.measure(answer.measure.code) })}{' '}
          {answer.measure.available ? t(`drafting.route.available.${answer.measure.available}`) : t('drafting.route.unknownValue')}
        </p>
      )}
      {answer.requirements.length > 0 && (
        <>
          <h4>{t('drafting.route.requirements')}</h4>
          {/* the directory's own words, as its focal point wrote them */}
          <ul data-testid="route-requirements">
            {answer.requirements.map((r, i) => (
              <li key={i} dir="auto">
                {r}
              </li>
            ))}
          </ul>
        </>
      )}
      {answer.unknown.length > 0 && (
        <div className="notice notice-unknown" data-testid="route-unknown">
          <p>{t('drafting.route.unknownIntro')}</p>
          <ul>
            {answer.unknown.map((u) => (
              <li key={u}>{unknownText(u)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
