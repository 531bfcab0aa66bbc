import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

interface Props {
  id: string;
  caption: string;
  /** Column headings of the text alternative. */
  keyHeading: string;
  valueHeading: string;
  bars: Bar[];
  /** Clicking a bar (mouse only: the page offers the same choice as a keyboard-usable control). */
  onSelect?: (key: string) => void;
  /** Bars currently chosen (drawn darker). */
  selected?: (key: string) => boolean;
}

const ACCENT = '#00689d';
const ACCENT_DARK = '#003a59';
const MUTED = '#4a5561';

/**
 * A bar chart drawn by ECharts, with its data also given as a (visually hidden) table for screen readers; the
 * drawing itself is hidden from them. Bars run right to left in Arabic, with the value axis on the right.
 */
export function BarChart({ id, caption, keyHeading, valueHeading, bars, onSelect, selected }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const f = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const data = JSON.stringify(bars.map((b) => [b.key, b.label, b.value, selected?.(b.key) ?? false]));
  const rtl = lang === 'ar';

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let cleanup = () => {};
    void import('./echarts.ts').then(({ init }) => {
      if (disposed) return;
      const rows = JSON.parse(data) as [string, string, number, boolean][];
      const chart = init(el, null, { renderer: 'svg', locale: 'EN' });
      const font = getComputedStyle(document.documentElement).fontFamily;
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      chart.setOption({
        animation: !reduced,
        textStyle: { fontFamily: font, color: MUTED },
        grid: { left: 8, right: 8, top: 22, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
        xAxis: {
          type: 'category',
          inverse: rtl,
          data: rows.map((r) => r[1]),
          axisTick: { alignWithLabel: true },
          axisLabel: { color: MUTED, hideOverlap: true },
        },
        yAxis: {
          type: 'value',
          position: rtl ? 'right' : 'left',
          minInterval: 1,
          axisLabel: { color: MUTED, formatter: (v: number) => f.number(v) },
        },
        series: [
          {
            type: 'bar',
            barMaxWidth: 48,
            // the values are written on the bars: no hovering needed to read them
            label: { show: true, position: 'top', color: '#1b1f23', formatter: (p: { value: unknown }) => f.number(Number(p.value)) },
            cursor: selectRef.current ? 'pointer' : 'default',
            data: rows.map((r) => ({ value: r[2], itemStyle: { color: r[3] ? ACCENT_DARK : ACCENT } })),
          },
        ],
      });
      chart.on('click', (p) => {
        const row = rows[p.dataIndex];
        if (row && selectRef.current) selectRef.current(row[0]);
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
  }, [data, rtl, f]);

  return (
    <figure className="chart" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <div className="chart-canvas" ref={ref} aria-hidden="true" />
      <table className="visually-hidden">
        <caption>{t('knowledge.chart.tableCaption', { caption })}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeading}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.label}</th>
              <td>{f.number(b.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
