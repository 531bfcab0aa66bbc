/**
 * What a Conference document is, from its title block: symbols, issuing body, session, meeting dates and place,
 * kind, date, distribution, original language, agenda item, and how many recommendations it holds.
 */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeRecord } from '../../web/api/types.ts';
import { useFormat, useLanguageName } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';
import type { ParsedDocument } from '../parsing/types.ts';

export function DocumentInfo({ record, doc, docLang }: { record: KnowledgeRecord; doc: ParsedDocument; docLang: string }) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const f = useFormat();
  const languageName = useLanguageName();
  const meeting = doc.meeting;
  const meetingDates =
    meeting?.start && meeting.end && meeting.end !== meeting.start
      ? formatRange(uiLang, meeting.start, meeting.end)
      : meeting?.start
        ? f.date(meeting.start)
        : null;

  return (
    <section aria-labelledby="doc-info-title" className="doc-info" data-testid="document-info">
      <h2 id="doc-info-title">{t('knowledge.doc.about')}</h2>
      <dl className="facts">
        {doc.symbols.length > 0 && (
          <>
            <dt>{t('knowledge.doc.symbols')}</dt>
            <dd>
              {doc.symbols.map((s, i) => (
                <Fragment key={s}>
                  {i > 0 && ', '}
                  <code dir="ltr">{s}</code>
                </Fragment>
              ))}
            </dd>
          </>
        )}
        {doc.body && (
          <>
            <dt>{t('knowledge.doc.body')}</dt>
            <dd data-testid="issuing-body">{t(`knowledge.bodies.${doc.body.key}`, { defaultValue: doc.body.name })}</dd>
          </>
        )}
        {doc.session && (
          <>
            <dt>{t(doc.session.kind === 'session' ? 'knowledge.doc.session' : 'knowledge.doc.meetingNumber')}</dt>
            <dd>
              {t(doc.session.kind === 'session' ? 'knowledge.doc.sessionNumber' : 'knowledge.doc.meetingOrdinal', { number: f.number(doc.session.number) })}{' '}
              <span className="muted small" lang={docLang}>
                ({doc.session.text})
              </span>
            </dd>
          </>
        )}
        {meeting && (meetingDates || meeting.place) && (
          <>
            <dt>{t('knowledge.doc.meeting')}</dt>
            <dd data-testid="meeting">
              {meetingDates}
              {meetingDates && meeting.place && t('knowledge.listSeparator')}
              {meeting.place && <span lang={meeting.placeEn && uiLang === 'en' ? 'en' : docLang}>{uiLang === 'en' && meeting.placeEn ? meeting.placeEn : meeting.place}</span>}
            </dd>
          </>
        )}
        {doc.type && doc.type !== 'other' && (
          <>
            <dt>{t('knowledge.doc.kind')}</dt>
            <dd>{t(`knowledge.doc.kinds.${doc.type}`)}</dd>
          </>
        )}
        {doc.documentDate && (
          <>
            <dt>{t('knowledge.doc.documentDate')}</dt>
            <dd>{f.date(doc.documentDate)}</dd>
          </>
        )}
        {doc.distribution && (
          <>
            <dt>{t('knowledge.doc.distribution')}</dt>
            <dd>{t(`knowledge.doc.distributions.${doc.distribution}`)}</dd>
          </>
        )}
        {doc.originalLanguage && (
          <>
            <dt>{t('knowledge.doc.originalLanguage')}</dt>
            <dd>{languageName(doc.originalLanguage)}</dd>
          </>
        )}
        {doc.agendaItemReference && (
          <>
            <dt>{t('knowledge.doc.agendaItemReference')}</dt>
            <dd lang={docLang}>{doc.agendaItemReference}</dd>
          </>
        )}
        <dt>{t('knowledge.rec.title')}</dt>
        <dd>
          <a href="#recommendations">{t('knowledge.rec.count', { count: record.children.length })}</a>
        </dd>
      </dl>
    </section>
  );
}

function formatRange(lang: string, start: string, end: string): string {
  const fmt = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${end}T00:00:00Z`);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${start} – ${end}`;
  return fmt.formatRange(a, b);
}
