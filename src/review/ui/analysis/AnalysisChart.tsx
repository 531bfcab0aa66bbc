import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../web/i18n.ts';

export interface Series {
  name: string;
  values: number[];
}

const COLOURS = ['#00689d', '#b35c00', '#4a7a1f', '#7a3e9d', '#5c6670'];
const MUTED = '#4a5561';
const BAR = 10;

/**
 * Horizontal stacked bars, one per category, in the order given (article, cluster, category or group order — the
 * chart never sorts by value: resolution 8/2, no ranking). The data are also a table for screen readers. In Arabic
 * the value axis runs right to left and the names stand on the right.
 */
export function AnalysisChart({ id, caption, categories, series }: { id: string; caption: string; categories: string[]; series: Series[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  const rtl = lang === 'ar';
  const data = JSON.stringify({ categories, series });
  const height = Math.max(120, categories.length * (BAR + 14) + 64);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let cleanup = () => {};
    void import('./echarts.ts').then(({ init }) => {
      if (disposed) return;
      const d = JSON.parse(data) as { categories: string[]; series: Series[] };
      const chart = init(el, null, { renderer: 'svg', locale: 'EN' });
      const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
      chart.setOption({
        animation: !(window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false),
        textStyle: { fontFamily: getComputedStyle(document.documentElement).fontFamily, color: MUTED },
        legend: { top: 0, [rtl ? 'right' : 'left']: 0, textStyle: { color: MUTED } },
        grid: { left: 8, right: 8, top: 48, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
        xAxis: { type: 'value', inverse: rtl, minInterval: 1, axisLabel: { color: MUTED, hideOverlap: true, formatter: (v: number) => nf.format(v) } },
        // the categories' own order, first at the top
        yAxis: { type: 'category', inverse: true, position: rtl ? 'right' : 'left', data: d.categories, axisLabel: { color: MUTED, width: Math.min(180, Math.max(90, el.clientWidth * 0.38)), overflow: 'truncate' } },
        series: d.series.map((s, i) => ({ type: 'bar', stack: 'all', name: s.name, barMaxWidth: BAR * 2, itemStyle: { color: COLOURS[i % COLOURS.length] }, data: s.values })),
      });
      const ro = new ResizeObserver(() => chart.resize());
      ro.observe(el);
      cleanup = () => {
        ro.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [data, rtl, lang]);

  return (
    <figure className="chart analysis-chart" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <div className="analysis-chart-canvas" ref={ref} aria-hidden="true" dir="ltr" style={{ blockSize: `${height}px` }} />
      <div className="visually-hidden">
        <table>
          <caption>{t('reviewAnalysis.chartTable', { caption })}</caption>
          <thead>
            <tr>
              <th scope="col">{caption}</th>
              {series.map((s) => <th scope="col" key={s.name}>{s.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                {series.map((s) => <td key={s.name}>{s.values[i]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
