import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { KnowledgeRecord } from '../../web/api/types.ts';
import { useFormat, useLanguageName } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';
import type { detailsSchemas } from '../knowledge.schemas.ts';
import { AddresseeBadges } from './Badges.tsx';
import { dirOf, useArticleLabel, useStateNames, useYearFormat } from './names.ts';

type Details<K extends keyof typeof detailsSchemas> = Partial<z.output<(typeof detailsSchemas)[K]>>;
type Cooperation = z.output<(typeof detailsSchemas)['cooperation-case']>['cooperation'];

/** A list of controlled values in the UI language, joined as the language joins a list. */
function useList() {
  const { t } = useTranslation();
  const lang = useLang();
  const fmt = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
  return (prefix: string, values: readonly string[] | undefined) => fmt.format((values ?? []).map((v) => t(`${prefix}.${v}`, { defaultValue: v })));
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function ExternalLink({ url }: { url: string | undefined }) {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return (
    <a href={url} rel="noopener noreferrer" dir="ltr">
      {url}
    </a>
  );
}

/** The type-specific details of a record, written out readably. */
export function RecordDetails({ record }: { record: KnowledgeRecord }) {
  const { t } = useTranslation();
  const d = record.details;
  let content: ReactNode = null;
  switch (record.type) {
    case 'case':
      content = <CaseDetails d={d as Details<'case'>} />;
      break;
    case 'legislation':
      content = <LegislationDetails d={d as Details<'legislation'>} />;
      break;
    case 'cooperation-case':
      content = <CooperationCaseDetails d={d as Details<'cooperation-case'>} />;
      break;
    case 'recommendation':
      content = <RecommendationDetails record={record} d={d as Details<'recommendation'>} />;
      break;
    case 'guide':
    case 'bibliography':
    case 'database-link':
      content = <ResourceDetails d={d as Details<'guide'> & Details<'bibliography'> & Details<'database-link'>} />;
      break;
    default:
      return null;
  }
  return (
    <section aria-labelledby="details-title" data-testid="record-details">
      <h2 id="details-title">{t(`knowledge.details.title.${record.type}`)}</h2>
      {content}
    </section>
  );
}

function CaseDetails({ d }: { d: Details<'case'> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const f = useFormat();
  const states = useStateNames();
  const list = useList();
  const languageName = useLanguageName();
  const summaries = Object.entries(d.factSummary ?? {});
  const ownSummary = summaries.find(([l]) => l === lang);
  return (
    <>
      <dl className="facts">
        <Fact label={t('knowledge.case.court')}>{d.court}</Fact>
        <Fact label={t('knowledge.case.caseNumber')}>{d.caseNumber}</Fact>
        <Fact label={t('knowledge.case.ecli')}>{d.ecli && <code>{d.ecli}</code>}</Fact>
        <Fact label={t('knowledge.case.neutralCitation')}>{d.neutralCitation}</Fact>
        <Fact label={t('knowledge.case.stageLabel')}>{d.stage && t(`knowledge.case.stage.${d.stage}`)}</Fact>
      </dl>
      {(d.participants?.length ?? 0) > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="participants-caption" tabIndex={0}>
          <table data-testid="participants">
            <caption id="participants-caption">
              <span>{t('knowledge.case.participants')}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('knowledge.case.roleLabel')}</th>
                <th scope="col">{t('knowledge.case.personKindLabel')}</th>
                <th scope="col">{t('knowledge.case.name')}</th>
                <th scope="col">{t('knowledge.case.genderLabel')}</th>
                <th scope="col">{t('knowledge.case.age')}</th>
                <th scope="col">{t('knowledge.case.nationality')}</th>
              </tr>
            </thead>
            <tbody>
              {d.participants!.map((p, i) => (
                <tr key={i}>
                  <th scope="row">{t(`knowledge.case.role.${p.role}`)}</th>
                  <td>{t(`knowledge.case.personKind.${p.kind}`)}</td>
                  <td>{p.anonymised || !p.name ? <span className="muted">{t('knowledge.case.anonymised')}</span> : p.name}</td>
                  <td>{p.gender ? t(`knowledge.case.gender.${p.gender}`) : '—'}</td>
                  <td className="num">{p.age !== undefined ? f.number(p.age) : '—'}</td>
                  <td>{p.nationality ? (states.get(p.nationality) ?? p.nationality) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(d.charges?.length ?? 0) > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="charges-caption" tabIndex={0}>
          <table data-testid="charges">
            <caption id="charges-caption">
              <span>{t('knowledge.case.charges')}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('knowledge.case.statute')}</th>
                <th scope="col">{t('knowledge.case.description')}</th>
                <th scope="col">{t('knowledge.case.verdictLabel')}</th>
                <th scope="col">{t('knowledge.case.sentence')}</th>
              </tr>
            </thead>
            <tbody>
              {d.charges!.map((c, i) => (
                <tr key={i}>
                  <th scope="row">{c.statute}</th>
                  <td>{c.description ?? '—'}</td>
                  <td>{c.verdict ? t(`knowledge.case.verdict.${c.verdict}`) : '—'}</td>
                  <td>{c.sentence ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summaries.length > 0 && (
        <>
          <h3>{t('knowledge.case.factSummary')}</h3>
          {(ownSummary ? [ownSummary] : summaries).map(([l, text]) => (
            <div key={l} className="prose">
              {!ownSummary && summaries.length > 1 && <h4 className="small">{languageName(l)}</h4>}
              <p lang={l} dir={dirOf(l)}>
                {text}
              </p>
            </div>
          ))}
          {ownSummary && summaries.length > 1 && (
            <details className="help">
              <summary>{t('knowledge.case.otherSummaries')}</summary>
              {summaries
                .filter(([l]) => l !== lang)
                .map(([l, text]) => (
                  <div key={l}>
                    <h4 className="small">{languageName(l)}</h4>
                    <p lang={l} dir={dirOf(l)}>
                      {text}
                    </p>
                  </div>
                ))}
            </details>
          )}
        </>
      )}
      {d.commentary && (
        <>
          <h3>{t('knowledge.case.commentary')}</h3>
          <p className="prose">{d.commentary}</p>
        </>
      )}
      {(d.cooperation?.length ?? 0) > 0 && (
        <>
          <h3>{t('knowledge.coop.title')}</h3>
          {d.cooperation!.map((c, i) => (
            <CooperationBlock key={i} c={c} />
          ))}
        </>
      )}
      {d.trafficking && (
        <>
          <h3>{t('knowledge.tip.title')}</h3>
          <dl className="facts" data-testid="trafficking">
            <Fact label={t('knowledge.tip.actsLabel')}>{list('knowledge.tip.acts', d.trafficking.acts)}</Fact>
            <Fact label={t('knowledge.tip.meansLabel')}>{list('knowledge.tip.means', d.trafficking.means)}</Fact>
            <Fact label={t('knowledge.tip.purposesLabel')}>{list('knowledge.tip.purposes', d.trafficking.purposes)}</Fact>
            <Fact label={t('knowledge.tip.formLabel')}>{d.trafficking.form && t(`knowledge.tip.form.${d.trafficking.form}`)}</Fact>
            <Fact label={t('knowledge.tip.sector')}>{d.trafficking.sector}</Fact>
          </dl>
        </>
      )}
    </>
  );
}

/** One request for cooperation: what, between which States, on what legal basis, with what outcome. */
function CooperationBlock({ c }: { c: Cooperation }) {
  const { t } = useTranslation();
  const states = useStateNames();
  const article = useArticleLabel();
  const name = (iso3: string) => states.get(iso3) ?? iso3;
  const b = c.legalBasis;
  const basis =
    b.kind === 'convention' && b.instrument
      ? b.article
        ? article(`${b.instrument}:${b.article}`)
        : article(b.instrument)
      : b.kind === 'treaty' && b.treaty
        ? b.treaty
        : null;
  return (
    <dl className="facts cooperation" data-testid="cooperation">
      <Fact label={t('knowledge.coop.kindLabel')}>{t(`knowledge.coop.kind.${c.kind}`)}</Fact>
      <Fact label={t('knowledge.coop.requesting')}>
        <Link to={`/states/${c.requesting}`}>{name(c.requesting)}</Link>
      </Fact>
      <Fact label={t('knowledge.coop.requested')}>
        <Link to={`/states/${c.requested}`}>{name(c.requested)}</Link>
      </Fact>
      <Fact label={t('knowledge.coop.basisLabel')}>
        {t(`knowledge.coop.basis.${b.kind}`)}
        {basis && (
          <>
            {t('common.colon')}
            {b.kind === 'convention' && b.instrument && b.article ? <Link to={`/articles/${b.instrument}/${b.article}`}>{basis}</Link> : basis}
          </>
        )}
      </Fact>
      <Fact label={t('knowledge.coop.outcomeLabel')}>
        <span className={`badge outcome-${c.outcome}`}>{t(`knowledge.coop.outcome.${c.outcome}`)}</span>
      </Fact>
    </dl>
  );
}

function LegislationDetails({ d }: { d: Details<'legislation'> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <dl className="facts">
        <Fact label={t('knowledge.law.title')}>{d.lawTitle}</Fact>
        <Fact label={t('knowledge.law.number')}>{d.lawNumber}</Fact>
        <Fact label={t('knowledge.law.enactedOn')}>{f.date(d.enactedOn)}</Fact>
        <Fact label={t('knowledge.law.inForceOn')}>{f.date(d.inForceOn)}</Fact>
        <Fact label={t('knowledge.law.repealedOn')}>{f.date(d.repealedOn)}</Fact>
      </dl>
      {(d.amendments?.length ?? 0) > 0 && (
        <>
          <h3>{t('knowledge.law.amendments')}</h3>
          <ul>
            {d.amendments!.map((a, i) => (
              <li key={i}>
                {f.date(a.on)}
                {t('common.colon')}
                {a.by}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function CooperationCaseDetails({ d }: { d: Details<'cooperation-case'> }) {
  const { t } = useTranslation();
  const year = useYearFormat();
  return (
    <>
      <dl className="facts">
        <Fact label={t('knowledge.facets.crime')}>{d.crimeType && t(`knowledge.crimes.${d.crimeType}`)}</Fact>
        <Fact label={t('knowledge.facets.year')}>{d.year !== undefined ? year(d.year) : null}</Fact>
      </dl>
      {d.cooperation && <CooperationBlock c={d.cooperation} />}
      {d.summary && (
        <>
          <h3>{t('knowledge.coop.summary')}</h3>
          <p className="prose">{d.summary}</p>
        </>
      )}
    </>
  );
}

function RecommendationDetails({ record, d }: { record: KnowledgeRecord; d: Details<'recommendation'> }) {
  const { t } = useTranslation();
  const para = d.paragraph ?? record.parentRef;
  return (
    <dl className="facts">
      <Fact label={t('knowledge.rec.addressedTo')}>{(d.addressees?.length ?? 0) > 0 ? <AddresseeBadges addressees={d.addressees!} /> : null}</Fact>
      <Fact label={t('knowledge.rec.paragraph')}>
        {para && record.parentId ? <Link to={`/records/${record.parentId}#${para}`}>{paragraphLabel(t, para)}</Link> : para ? paragraphLabel(t, para) : null}
      </Fact>
      <Fact label={t('knowledge.doc.body')}>{d.body && t(`knowledge.bodies.${d.body}`, { defaultValue: d.body })}</Fact>
    </dl>
  );
}

function ResourceDetails({ d }: { d: Details<'guide'> & Details<'bibliography'> & Details<'database-link'> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const year = useYearFormat();
  const authors = d.authors?.length ? new Intl.ListFormat(lang, { type: 'conjunction' }).format(d.authors) : null;
  return (
    <dl className="facts">
      <Fact label={t('knowledge.resource.authors')}>{authors}</Fact>
      <Fact label={t('knowledge.resource.publisher')}>{d.publisher}</Fact>
      <Fact label={t('knowledge.facets.year')}>{d.year !== undefined ? year(d.year) : null}</Fact>
      <Fact label={t('knowledge.resource.coverage')}>{d.coverage}</Fact>
      <Fact label={t('knowledge.resource.url')}>{d.url ? <ExternalLink url={d.url} /> : null}</Fact>
    </dl>
  );
}

/** "para_12__subpara_a" → "Paragraph 12 (a)". */
export function paragraphLabel(t: (k: string, o?: Record<string, unknown>) => string, id: string): string {
  const m = id.match(/(?:^|__)para_(\d+)(?:__subpara_([a-z]+))?$/);
  if (!m) return id;
  return m[2] ? t('knowledge.doc.subparagraphRef', { number: m[1], letter: m[2] }) : t('knowledge.doc.paragraphRef', { number: m[1] });
}
