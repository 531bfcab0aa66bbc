import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../web/i18n.ts';
import { useStatsFormat } from './numbers.ts';

export interface ChartSeries {
  name: string;
  /** One value per category; null where there is none (no closed case: no processing time). */
  values: (number | null)[];
}

interface Props {
  id: string;
  caption: string;
  /** The text alternative's first column heading (the grouping). */
  categoryHeading: string;
  categories: { key: string; label: string }[];
  series: ChartSeries[];
  /** What the values are: counts (whole numbers) or days (one decimal). */
  unit?: 'count' | 'days';
}

const COLOURS = ['#00689d', '#b35c00', '#4a7a1f'];
const MUTED = '#4a5561';
const BAR = 14;

/**
 * A horizontal bar chart (one bar per series and category) drawn by ECharts, with its data also given as a table
 * for screen readers; the drawing itself is hidden from them. Horizontal, because the groups' names are long
 * ("Transfer of sentenced persons") and would not fit under columns on a phone. In Arabic the value axis runs
 * right to left and the names stand on the right.
 */
export function StatsChart({ id, caption, categoryHeading, categories, series, unit = 'count' }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = useStatsFormat();
  const ref = useRef<HTMLDivElement>(null);
  const rtl = lang === 'ar';
  const fmt = unit === 'days' ? n.daysNumber : n.number;
  const data = JSON.stringify({ c: categories.map((c) => c.label), s: series });
  const height = Math.max(120, categories.length * (series.length * BAR + 12) + (series.length > 1 ? 64 : 40));

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let cleanup = () => {};
    void import('./echarts.ts').then(({ init }) => {
      if (disposed) return;
      const { c, s } = JSON.parse(data) as { c: string[]; s: ChartSeries[] };
      const chart = init(el, null, { renderer: 'svg', locale: 'EN' });
      const font = getComputedStyle(document.documentElement).fontFamily;
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: unit === 'days' ? 1 : 0 });
      const write = (v: unknown) => (typeof v === 'number' ? nf.format(v) : '');
      chart.setOption({
        animation: !reduced,
        textStyle: { fontFamily: font, color: MUTED },
        legend: s.length > 1 ? { top: 0, [rtl ? 'right' : 'left']: 0, textStyle: { color: MUTED } } : undefined,
        grid: { left: 8, right: 8, top: s.length > 1 ? 28 : 8, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
        xAxis: {
          type: 'value',
          inverse: rtl,
          splitNumber: 4,
          axisLabel: { color: MUTED, hideOverlap: true, formatter: (v: number) => nf.format(v) },
        },
        yAxis: {
          type: 'category',
          // first group at the top, as in the table
          inverse: true,
          position: rtl ? 'right' : 'left',
          data: c,
          axisTick: { alignWithLabel: true },
          axisLabel: { color: MUTED, width: Math.min(180, Math.max(90, el.clientWidth * 0.38)), overflow: 'truncate' },
        },
        series: s.map((one, i) => ({
          type: 'bar',
          name: one.name,
          barMaxWidth: BAR,
          itemStyle: { color: COLOURS[i % COLOURS.length] },
          // the values are written at the bars' ends: no hovering needed to read them
          label: { show: true, position: rtl ? 'left' : 'right', color: '#1b1f23', formatter: (p: { value: unknown }) => write(p.value) },
          data: one.values,
        })),
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
  }, [data, rtl, lang, unit]);

  return (
    <figure className="chart stats-chart" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {/* ECharts places its SVG texts for a left-to-right page: in Arabic the options mirror the chart instead */}
      <div className="stats-chart-canvas" ref={ref} aria-hidden="true" dir="ltr" style={{ blockSize: `${height}px` }} />
      {/* hidden by a wrapper: a table does not shrink to the 1 px of .visually-hidden and would widen the page */}
      <div className="visually-hidden">
        <table data-testid={`${id}-table`}>
          <caption>{t('caseStats.chart.tableCaption', { caption })}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeading}</th>
              {series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                {series.map((s) => (
                  <td key={s.name}>{s.values[i] === null || s.values[i] === undefined ? t('caseStats.noValue') : fmt(s.values[i]!)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
