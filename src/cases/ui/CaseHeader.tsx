import type { ReactNode } from 'react';
import { useFormat } from '../../web/format.ts';
import type { CaseDto } from './caseTypes.ts';
import { useCaseLabels } from './labels.ts';
import { useStates } from './useStates.ts';

/** "UNTOC:18:3:a" as "art. 18(3)(a)" (the Convention's provision invoked). */
export function articleText(article: string): string {
  const [, art, ...rest] = article.split(':');
  return `${art ?? ''}${rest.map((p) => `(${p})`).join('')}`;
}

/**
 * What the case is, at a glance: both sides' references and States, kind, legal basis, channel, confidentiality,
 * deadline with its reason, and the transmission (kept apart from the request's state, as in e-CODEX) with the
 * time-stamped evidences the timeline holds.
 */
export function CaseHeader({ c }: { c: CaseDto }) {
  const L = useCaseLabels();
  const f = useFormat();
  const { stateName } = useStates();
  const { t } = L;
  const requesting = c.direction === 'outgoing' ? c.ownerState : c.counterpartState;
  const requested = c.direction === 'outgoing' ? c.counterpartState : c.ownerState;
  const evidences = c.timeline.filter((e) => e.type === 'evidence');
  const basis =
    c.legalBasis.type === 'convention' && c.legalBasis.article
      ? t('cases.header.conventionArticle', { article: articleText(c.legalBasis.article) })
      : c.legalBasis.type === 'treaty' && c.legalBasis.treaty
        ? `${L.legalBasis('treaty')}: ${c.legalBasis.treaty}`
        : L.legalBasis(c.legalBasis.type);

  return (
    <section className="case-header" aria-label={t('cases.header.label')} data-testid="case-header">
      <p className="case-badges">
        <span className={`badge case-state state-${c.status}`} data-testid="case-status">
          {L.state(c.status)}
        </span>
        <span className="badge badge-outline">{L.direction(c.direction)}</span>
        <span className="badge badge-outline">{L.kind(c.kind)}</span>
        <span className={`badge confidentiality-${c.confidentiality}`}>{L.confidentiality(c.confidentiality)}</span>
        {c.handledOutsideSystem && <span className="badge badge-outline">{t('cases.header.byHand')}</span>}
        {c.pausedSince && <span className="badge badge-outline">{t('cases.header.paused', { date: f.date(c.pausedSince) })}</span>}
      </p>
      <dl className="case-facts">
        <Fact term={t('cases.header.ourReference')}>
          <span dir="ltr" data-testid="case-reference">
            {c.reference}
          </span>
        </Fact>
        <Fact term={t('cases.header.theirReference')}>{c.counterpartReference ? <span dir="ltr">{c.counterpartReference}</span> : <span className="muted">{t('cases.header.none')}</span>}</Fact>
        <Fact term={t('cases.header.requesting')}>{stateName(requesting)}</Fact>
        <Fact term={t('cases.header.requested')}>{stateName(requested)}</Fact>
        <Fact term={t('cases.fields.legalBasis')}>
          <span dir="auto">{basis}</span>
        </Fact>
        <Fact term={t('cases.fields.channel')}>{L.channel(c.channel)}</Fact>
        {c.receivedAt && <Fact term={t('cases.fields.receivedAt')}>{f.date(c.receivedAt)}</Fact>}
        {c.sentAt && <Fact term={t('cases.fields.sentAt')}>{f.date(c.sentAt)}</Fact>}
        <Fact term={t('cases.fields.deadline')}>
          {c.deadline ? (
            <span data-testid="case-deadline">
              {f.date(c.deadline)}
              {c.deadlineReason && (
                <span className="block small" dir="auto">
                  {c.deadlineReason}
                </span>
              )}
            </span>
          ) : (
            <span className="muted">{t('cases.header.noDeadline')}</span>
          )}
        </Fact>
        {c.direction === 'outgoing' && c.counterpartStatus && <Fact term={t('cases.header.counterpartStatus')}>{L.state(c.counterpartStatus)}</Fact>}
        {c.outcome && <Fact term={t('cases.header.outcome')}>{t(`cases.outcomes.${c.outcome}`, { defaultValue: c.outcome })}</Fact>}
        {c.refusalGround && <Fact term={t('cases.form.ground')}>{L.ground(c.refusalGround)}</Fact>}
        <Fact term={t('cases.fields.transmission')}>
          <span data-testid="case-transmission" data-transmission={c.transmission}>
            {L.transmission(c.transmission)}
          </span>
          {evidences.length > 0 && (
            <ul className="plain-list small evidence-list" data-testid="evidences">
              {evidences.map((e) => (
                <li key={e.seq}>
                  <time dateTime={e.at}>{f.date(e.at)}</time> · {L.evidence(String(e.data.evidence ?? e.data.type ?? ''))}
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </dl>
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
