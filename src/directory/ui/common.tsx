import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../web/api/client.ts';
import type { StateSummary } from '../../web/api/types.ts';
import { useLanguageName } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';
import type { HistoryItem } from '../../web/api/types.ts';

/** The States (names in the UI language), for pickers and labels. */
export function useStates(): StateSummary[] {
  const lang = useLang();
  const res = useApi((signal) => ok(api.GET('/api/v1/states', { params: { query: { lang } }, signal })), [lang]);
  return res.data?.items ?? [];
}

export function useStateName(): (iso3: string | null | undefined) => string {
  const states = useStates();
  const map = useMemo(() => new Map(states.map((s) => [s.iso3, s.name])), [states]);
  return (iso3) => (iso3 ? (map.get(iso3) ?? iso3) : '');
}

/** yes / no / not known — null is never shown as "no". */
export function YesNo({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === true) return <span className="yes">{t('directory.yes')}</span>;
  if (value === false) return <span className="no">{t('directory.no')}</span>;
  return <span className="muted" data-unknown="true">{t('directory.unknown')}</span>;
}

export function Languages({ codes }: { codes: unknown }) {
  const { t } = useTranslation();
  const name = useLanguageName();
  if (!Array.isArray(codes)) return <span className="muted" data-unknown="true">{t('directory.unknown')}</span>;
  return <>{(codes as string[]).map((c) => name(c)).join(', ')}</>;
}

export function Channels({ codes }: { codes: unknown }) {
  const { t } = useTranslation();
  if (!Array.isArray(codes)) return <span className="muted" data-unknown="true">{t('directory.unknown')}</span>;
  return <>{(codes as string[]).map((c) => t(`directory.channels.${c}`, { defaultValue: c })).join(', ')}</>;
}

export function Functions({ codes }: { codes: unknown }) {
  const { t } = useTranslation();
  return <>{((codes as string[] | null) ?? []).map((c) => t(`directory.functions.${c}`, { defaultValue: c })).join(', ')}</>;
}

export function Provenance({ value }: { value: unknown }) {
  const { t } = useTranslation();
  const p = value as { type?: string; reference?: string | null; date?: string | null } | null;
  if (!p?.type) return null;
  return (
    <span data-testid="provenance">
      {t(`directory.provenance.${p.type}`, { defaultValue: p.type })}
      {p.reference ? ` — ${p.reference}` : ''}
      {p.date ? ` (${p.date})` : ''}
    </span>
  );
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Every version of an entry: who, when, what changed (values as recorded). */
export function HistoryList({ items }: { items: HistoryItem[] }) {
  const { t } = useTranslation();
  return (
    <ol className="plain-list versions" data-testid="history">
      {items.map((h) => (
        <li key={h.version} data-action={h.action}>
          <p>
            <strong>{t('directory.history.version', { n: h.version })}</strong> · {t(`directory.history.${h.action}`)} · <time dateTime={h.changedAt}>{h.changedAt.slice(0, 16).replace('T', ' ')}</time>
            {h.changedBy && <> · {t('directory.history.by', { who: h.changedBy })}</>}
          </p>
          <div className="table-scroll">
            <table className="small">
              <thead>
                <tr>
                  <th scope="col">{t('directory.history.field')}</th>
                  <th scope="col">{t('directory.history.from')}</th>
                  <th scope="col">{t('directory.history.to')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(h.changes).map(([field, c]) => (
                  <tr key={field}>
                    <th scope="row">{t(`directory.fields.${field}`, { defaultValue: field })}</th>
                    {c.hidden ? (
                      <td colSpan={2} className="muted">{t('directory.history.hidden')}</td>
                    ) : (
                      <>
                        <td dir="auto">{show(c.from)}</td>
                        <td dir="auto">{show(c.to)}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </li>
      ))}
    </ol>
  );
}
