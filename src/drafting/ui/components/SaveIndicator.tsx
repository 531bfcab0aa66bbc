import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../useAutosave.ts';

/** "Saved" / "Saving…" / "Not saved yet", announced politely; a conflict or failure is announced at once elsewhere. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`save-indicator save-${status}`} role="status" aria-live="polite" data-testid="save-status" data-status={status}>
      <span className="save-dot" aria-hidden="true" />
      {t(`drafting.save.${status}`)}
    </p>
  );
}
