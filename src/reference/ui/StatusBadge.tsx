import { useTranslation } from 'react-i18next';
import type { PartyStatus } from '../../web/api/types.ts';

const MARK: Record<PartyStatus, string> = { party: '✓', signatory: '✎', none: '✕', unknown: '?' };

/**
 * A party status as a coloured label. "unknown" means the status is not loaded, never "not a party",
 * so it has its own wording, a dashed outline and a question mark.
 */
export function StatusBadge({ status, compact = false }: { status: PartyStatus; compact?: boolean }) {
  const { t } = useTranslation();
  const label = t(`status.${status}`);
  return (
    <span className={`status status-${status}${compact ? ' status-compact' : ''}`} data-status={status} title={compact && status === 'unknown' ? t('status.unknownExplanation') : undefined}>
      <span aria-hidden="true">{MARK[status]}</span>
      {label}
    </span>
  );
}

/** The four statuses with their meaning, for a page that shows many badges. */
export function StatusLegend() {
  const { t } = useTranslation();
  const all: PartyStatus[] = ['party', 'signatory', 'none', 'unknown'];
  return (
    <ul className="legend" aria-label={t('status.legend')}>
      {all.map((s) => (
        <li key={s}>
          <StatusBadge status={s} />
          <span className="muted">{t(`status.help.${s}`)}</span>
        </li>
      ))}
    </ul>
  );
}
