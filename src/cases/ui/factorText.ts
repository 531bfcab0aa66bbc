import type { useFormat } from '../../web/format.ts';
import type { PriorityFactor } from './caseTypes.ts';
import type { CaseLabels } from './labels.ts';

/**
 * One priority factor as a sentence: its name, what it added ("+30") and the detail it was computed from
 * (days left, years of the maximum penalty, number of victims, the form of assistance). The rules helper's
 * priority.ts names the factors and their details; a detail this page does not know is shown as it is.
 */
export function factorText(L: CaseLabels, f: ReturnType<typeof useFormat>, x: PriorityFactor): string {
  const points = (x.points >= 0 ? '+' : '−') + f.number(Math.abs(x.points));
  const detail = Object.entries(x.detail ?? {})
    .map(([k, v]) => detailText(L, f, k, v))
    .filter(Boolean)
    .join(L.t('cases.priority.detailSep'));
  return L.t('cases.priority.factorLine', { factor: L.factor(x.factor), points, detail: detail ? L.t('cases.priority.detailWrap', { list: detail }) : '' });
}

function detailText(L: CaseLabels, f: ReturnType<typeof useFormat>, key: string, v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? L.t(`cases.priority.detail.${key}`, { defaultValue: key }) : '';
  if (key === 'measure' && v === 'extradition-with-custody') return L.t('cases.priority.detail.extraditionWithCustody');
  if (key === 'measure' && typeof v === 'string') return L.measure(v);
  if (key === 'kind' && typeof v === 'string') return L.kind(v);
  if (key === 'daysLeft' && typeof v === 'number' && v < 0) return L.t('cases.priority.detail.passed');
  if (typeof v === 'number') return L.t(`cases.priority.detail.${key}`, { count: v, n: f.number(v), defaultValue: `${key}: ${f.number(v)}` });
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return L.t(`cases.priority.detail.${key}`, { date: f.date(v), defaultValue: `${key}: ${f.date(v) ?? v}` });
  return `${key}: ${v}`;
}
