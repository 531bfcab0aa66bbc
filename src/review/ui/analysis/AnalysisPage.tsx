import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useLang } from '../../../web/i18n.ts';
import { useSession } from '../../../web/session.tsx';
import { AnalysisChart } from './AnalysisChart.tsx';
import { csvHref, useAnalysis, useProgress, type Analysis, type AnalysisFilters } from './analysisApi.ts';
import { ProgressSection } from './ProgressSection.tsx';
import './analysis.css';

const KINDS = ['gap', 'good_practice', 'suggestion', 'ta_need', 'ta_answered'] as const;
const FILTERS = ['cycle', 'instrument', 'cluster', 'group'] as const;

/** /review-analysis: the secretariat's analysis of the reviews, by article, cluster, instrument and group — never by State. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t('reviewAnalysis.title'));
  if (session.status === 'loading') return <Loading />;
  if (!session.user?.roles.includes('secretariat')) {
    return (
      <>
        <h1>{t('reviewAnalysis.title')}</h1>
        <p className="notice" data-testid="analysis-not-for-role">{t('reviewAnalysis.onlySecretariat')}</p>
      </>
    );
  }
  return <SecretariatAnalysis />;
}

function SecretariatAnalysis() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const filters: AnalysisFilters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const analysis = useAnalysis(filters, lang);
  const progress = useProgress(filters.cycle);
  const a = analysis.data;
  const set = (k: (typeof FILTERS)[number], v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  const groupName = (code: string, name: string) => (code === 'none' ? t('reviewAnalysis.noGroup') : name);

  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('reviewAnalysis.nav') }]} />
      <h1>{t('reviewAnalysis.title')}</h1>
      <p className="prose">{t('reviewAnalysis.intro')}</p>
      {analysis.status === 'error' && <ErrorMessage error={analysis.error} onRetry={analysis.reload} />}
      {!a && analysis.status === 'loading' && <Loading />}
      {a && (
        <>
          <form className="filters analysis-filters" data-testid="analysis-filters" onSubmit={(e) => e.preventDefault()}>
            <Select id="cycle" label={t('reviewAnalysis.filters.cycle')} value={filters.cycle} onChange={(v) => set('cycle', v)} options={a.cycles.map((c) => ({ code: c.id, label: `${c.code} — ${c.title}` }))} />
            <Select id="instrument" label={t('reviewAnalysis.filters.instrument')} value={filters.instrument} onChange={(v) => set('instrument', v)} options={a.byInstrument.map((i) => ({ code: i.code, label: i.name }))} />
            <Select id="cluster" label={t('reviewAnalysis.filters.cluster')} value={filters.cluster} onChange={(v) => set('cluster', v)} options={a.byCluster.map((c) => ({ code: c.code, label: c.name }))} />
            <Select id="group" label={t('reviewAnalysis.filters.group')} value={filters.group} onChange={(v) => set('group', v)} options={a.byGroup.map((g) => ({ code: g.code, label: groupName(g.code, g.name) }))} />
          </form>
          <div aria-busy={analysis.status === 'loading'} data-testid="analysis-results">
            <p className="small muted" data-testid="analysis-basis">{t('reviewAnalysis.basis', a.basis)}</p>
            <p className="analysis-noranking">{t('reviewAnalysis.noRanking')}</p>
            <div className="analysis-chart-grid">
              <AnalysisChart id="chart-clusters" caption={t('reviewAnalysis.tables.clusters')} categories={a.byCluster.map((c) => c.name)} series={KINDS.map((k) => ({ name: t(`reviewAnalysis.kinds.${k}`), values: a.byCluster.map((c) => c[k]) }))} />
              <AnalysisChart id="chart-groups" caption={t('reviewAnalysis.tables.groups')} categories={a.byGroup.map((g) => groupName(g.code, g.name))} series={KINDS.map((k) => ({ name: t(`reviewAnalysis.kinds.${k}`), values: a.byGroup.map((g) => g[k]) }))} />
              <AnalysisChart id="chart-ta" caption={t('reviewAnalysis.tables.ta')} categories={TA.map((c) => t(`reviewAnalysis.ta.${c}`))} series={[
                { name: t('reviewAnalysis.fromObservations'), values: TA.map((c) => sum(a, c, 'observations')) },
                { name: t('reviewAnalysis.fromAnswers'), values: TA.map((c) => sum(a, c, 'answers')) },
              ]} />
            </div>
            <CountTable id="articles" title={t('reviewAnalysis.tables.articles')} head={t('reviewAnalysis.article')} filters={filters} rows={a.byArticle.map((r) => ({ key: `${r.instrument}-${r.article}`, label: `${r.instrument} ${r.article}`, counts: r }))} />
            <CountTable id="clusters" title={t('reviewAnalysis.tables.clusters')} head={t('reviewAnalysis.filters.cluster')} filters={filters} rows={a.byCluster.map((r) => ({ key: r.code, label: r.name, counts: r }))} />
            <CountTable id="instruments" title={t('reviewAnalysis.tables.instruments')} head={t('reviewAnalysis.filters.instrument')} filters={filters} rows={a.byInstrument.map((r) => ({ key: r.code, label: r.name, counts: r }))} />
            <CountTable id="groups" title={t('reviewAnalysis.tables.groups')} head={t('reviewAnalysis.filters.group')} filters={filters} rows={a.byGroup.map((r) => ({ key: r.code, label: groupName(r.code, r.name), counts: r }))} />
            <TaTable a={a} filters={filters} groupName={groupName} />
            <Texts a={a} filters={filters} />
          </div>
        </>
      )}
      <ProgressSection progress={progress} />
    </>
  );
}

const TA = ['legislative_assistance', 'institution_building', 'policymaking', 'capacity_building', 'research_data_collection', 'international_cooperation', 'model_agreements', 'other'] as const;
const sum = (a: Analysis, c: string, k: 'observations' | 'answers') => a.taNeeds.filter((r) => r.category === c).reduce((s, r) => s + r[k], 0);

function Select({ id, label, value, options, onChange }: { id: string; label: string; value: string | undefined; options: { code: string; label: string }[]; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`analysis-${id}`}>{label}</label>
      <select id={`analysis-${id}`} value={value ?? ''} onChange={(e) => onChange(e.target.value)} data-testid={`filter-${id}`}>
        <option value="">{t('reviewAnalysis.filters.any')}</option>
        {options.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </select>
    </div>
  );
}

function Csv({ filters, table }: { filters: AnalysisFilters; table: string }) {
  const { t } = useTranslation();
  return <a href={csvHref(filters, table)} download className="analysis-csv" data-testid={`csv-${table}`}>{t('reviewAnalysis.csv')}</a>;
}

function CountTable({ id, title, head, rows, filters }: { id: string; title: string; head: string; filters: AnalysisFilters; rows: { key: string; label: string; counts: Record<(typeof KINDS)[number], number> }[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`t-${id}`} className="analysis-section">
      <h2 id={`t-${id}`}>{title}</h2>
      <Csv filters={filters} table={id} />
      {rows.length === 0 ? <p className="muted">{t('reviewAnalysis.empty')}</p> : (
        <div className="table-scroll">
          <table className="data-table" data-testid={`table-${id}`}>
            <thead><tr><th scope="col">{head}</th>{KINDS.map((k) => <th scope="col" key={k}>{t(`reviewAnalysis.kinds.${k}`)}</th>)}</tr></thead>
            <tbody>{rows.map((r) => <tr key={r.key}><th scope="row">{r.label}</th>{KINDS.map((k) => <td key={k}>{r.counts[k]}</td>)}</tr>)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TaTable({ a, filters, groupName }: { a: Analysis; filters: AnalysisFilters; groupName: (code: string, name: string) => string }) {
  const { t } = useTranslation();
  const cell = (c: string, g: string) => a.taNeeds.find((r) => r.category === c && r.group === g);
  return (
    <section aria-labelledby="t-ta" className="analysis-section">
      <h2 id="t-ta">{t('reviewAnalysis.tables.ta')}</h2>
      <Csv filters={filters} table="ta-needs" />
      <p className="small muted">{t('reviewAnalysis.taNote')}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="table-ta">
          <thead><tr><th scope="col">{t('reviewAnalysis.category')}</th>{a.byGroup.map((g) => <th scope="col" key={g.code}>{groupName(g.code, g.name)}</th>)}</tr></thead>
          <tbody>
            {TA.map((c) => (
              <tr key={c}>
                <th scope="row">{t(`reviewAnalysis.ta.${c}`)}</th>
                {a.byGroup.map((g) => { const x = cell(c, g.code); return <td key={g.code}>{x ? `${x.observations} / ${x.answers}` : '0 / 0'}</td>; })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Texts({ a, filters }: { a: Analysis; filters: AnalysisFilters }) {
  const { t } = useTranslation();
  const articles = [...new Set(a.texts.map((x) => `${x.instrument} ${x.article}`))];
  return (
    <section aria-labelledby="t-texts" className="analysis-section" data-testid="analysis-texts">
      <h2 id="t-texts">{t('reviewAnalysis.tables.texts')}</h2>
      <Csv filters={filters} table="texts" />
      {articles.length === 0 && <p className="muted">{t('reviewAnalysis.empty')}</p>}
      {articles.map((art) => (
        <article key={art} className="analysis-article">
          <h3><bdi>{art}</bdi></h3>
          <ul>
            {a.texts.filter((x) => `${x.instrument} ${x.article}` === art).map((x, i) => (
              <li key={i}>
                <span className={`analysis-kind analysis-kind-${x.kind}`}>{t(`reviewAnalysis.kinds.${x.kind}`)}</span>{' '}
                <bdi>{x.text}</bdi> <span className="small muted">(<bdi>{x.cycle}</bdi>)</span>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
