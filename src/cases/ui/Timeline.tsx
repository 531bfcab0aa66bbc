import { useFormat } from '../../web/format.ts';
import type { CaseDto, CaseTimelineEntry } from './caseTypes.ts';
import { useCaseLabels, type CaseLabels } from './labels.ts';
import { useDateTime } from './useDateTime.ts';

/**
 * The case's timeline, newest first: who, when, what and the note. A transition shows "from → to"; a progress
 * query its due date and, unanswered past it, "overdue" (18(24)); an answer the query it answers; the other side's
 * updates, transmission evidences and documents (with their SHA-256) are entries of their own.
 */
export function Timeline({ c }: { c: CaseDto }) {
  const L = useCaseLabels();
  const { t } = L;
  const entries = [...c.timeline].reverse();
  return (
    <section className="case-section" aria-labelledby="case-timeline-title">
      <h2 id="case-timeline-title">{t('cases.timeline.title')}</h2>
      <ol className="timeline" data-testid="timeline" reversed>
        {entries.map((e) => (
          <Entry key={e.seq} e={e} c={c} />
        ))}
      </ol>
    </section>
  );
}

function Entry({ e, c }: { e: CaseTimelineEntry; c: CaseDto }) {
  const L = useCaseLabels();
  const f = useFormat();
  const dt = useDateTime();
  const { t } = L;
  const query = e.answersSeq !== null ? c.timeline.find((q) => q.seq === e.answersSeq) : undefined;
  return (
    <li className={`timeline-entry type-${e.type}${e.overdue ? ' is-overdue' : ''}`} data-testid="timeline-entry" data-type={e.type} data-seq={e.seq}>
      <p className="timeline-head">
        <strong className="timeline-what">{L.event(e.type)}</strong>
        {e.from && e.to && (
          <span className="timeline-transition" data-testid="transition">
            {' '}
            <span className="badge badge-outline">{L.state(e.from)}</span> <span className="timeline-arrow" aria-label={t('cases.timeline.to')}>{'→'}</span> <span className="badge">{L.state(e.to)}</span>
          </span>
        )}
        {!e.from && e.to && (
          <span className="timeline-transition">
            {' '}
            <span className="badge">{L.state(e.to)}</span>
          </span>
        )}
      </p>
      <p className="timeline-meta small muted">
        <time dateTime={e.at}>{dt(e.at)}</time> · <span dir="auto">{e.actor.name}</span>
        {e.actor.state && e.actor.state !== c.ownerState && <> ({e.actor.state})</>}
      </p>
      {e.type === 'progress_query' && (
        <p className="small" data-testid="query-status">
          {e.dueAt && t('cases.timeline.answerDue', { date: f.date(e.dueAt) })}{' '}
          {e.answeredBy !== null ? (
            <span className="badge badge-outline">{t('cases.timeline.answered')}</span>
          ) : e.overdue ? (
            <span className="badge badge-overdue">{t('cases.due.overdue')}</span>
          ) : (
            <span className="badge badge-outline">{t('cases.timeline.unanswered')}</span>
          )}
        </p>
      )}
      {query && <p className="small">{t('cases.timeline.answers', { date: dt(query.at) })}</p>}
      <Details e={e} L={L} date={f.date} />
      {e.note && (
        <p className="timeline-note" dir="auto">
          {e.note}
        </p>
      )}
    </li>
  );
}

const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The event's own fields, as far as this page knows them (data of cases_events). */
function Details({ e, L, date }: { e: CaseTimelineEntry; L: CaseLabels; date: (iso: string) => string | null }) {
  const { t } = L;
  const d = e.data;
  const lines: string[] = [];
  const colon = t('common.colon');
  if (s(d.ground)) lines.push(`${t('cases.form.ground')}${colon}${L.ground(s(d.ground))}`);
  if (s(d.reasons)) lines.push(`${t('cases.form.reasons')}${colon}${s(d.reasons)}`);
  const authority = typeof d.authority === 'object' && d.authority ? s((d.authority as Record<string, unknown>).name) : s(d.authority);
  if (authority) lines.push(`${t('cases.timeline.authority')}${colon}${authority}`);
  if (d.partial === true) lines.push(t('cases.form.partial'));
  if (s(d.step)) lines.push(`${t('cases.form.step')}${colon}${L.step(s(d.step))}`);
  // the reason is often the entry's note too: said once
  if (s(d.reason) && s(d.reason) !== e.note) lines.push(`${t('cases.timeline.reason')}${colon}${s(d.reason)}`);
  if (s(d.newEstimate)) lines.push(`${t('cases.form.newEstimate')}${colon}${date(s(d.newEstimate))}`);
  if (e.type === 'set_priority') lines.push(`${t('cases.form.level')}${colon}${d.level ? L.level(s(d.level)) : t('cases.priority.computed')}`);
  if (e.type === 'set_deadline') lines.push(`${t('cases.fields.deadline')}${colon}${d.deadline ? date(s(d.deadline)) : t('cases.header.noDeadline')}`);
  if (s(d.date) && e.type === 'consult') lines.push(`${t('cases.form.consultDate')}${colon}${date(s(d.date))}`);
  if (e.type === 'evidence' && s(d.evidence)) lines.push(L.evidence(s(d.evidence)));
  if (e.type === 'counterpart_update' || e.type === 'record_counterpart_status') {
    const what = s(d.eventType) || s(d.event) || s(d.type);
    if (what) lines.push(`${t('cases.timeline.theyDid')}${colon}${L.event(what)}`);
    const st = s(d.status) || s(d.state) || s(d.newState);
    if (st) lines.push(`${t('cases.header.counterpartStatus')}${colon}${L.state(st)}`);
  }
  const digest = s(d.sha256);
  return (
    <>
      {lines.length > 0 && (
        <ul className="plain-list small timeline-data">
          {lines.map((l, i) => (
            <li key={i} dir="auto">
              {l}
            </li>
          ))}
        </ul>
      )}
      {e.type === 'document_added' && (
        <p className="small">
          <span dir="auto">{s(d.fileName) || s(d.title)}</span>
          {s(d.role) && <> · {L.documentRole(s(d.role))}</>}
          {digest && (
            <span className="block digest" dir="ltr" title="SHA-256">
              SHA-256 {digest}
            </span>
          )}
        </p>
      )}
    </>
  );
}
