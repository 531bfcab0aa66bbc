import { useMemo } from 'react';
import { useLang } from '../../web/i18n.ts';

/**
 * A moment (an ISO timestamp) as date and time in the UI language, in the reader's own time zone: a timeline
 * needs the hour (an evidence, an answer the same day), which web/format.ts's date leaves out.
 */
export function useDateTime(): (iso: string | null | undefined) => string {
  const lang = useLang();
  return useMemo(() => {
    const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso) => {
      if (!iso) return '';
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
    };
  }, [lang]);
}
