import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../platform/i18n/languages.ts';
import { formatterFor } from '../../platform/notifications/format.ts';
import { overdueNotice, STEP_LABELS } from './overdue.notices.ts';

/** The overdue notice in the six languages: subject with the reference, each step named and dated, never the case's content. */

const params = (n: number) => ({
  caseId: 'c1',
  reference: 'GBR-MLA-2026-0042',
  steps: [{ step: 'acknowledge', dueAt: '2026-12-01T09:00:00.000Z' }, { step: 'answer-query', dueAt: '2026-12-02T09:00:00.000Z' }, { step: 'decide', dueAt: '2026-12-03T09:00:00.000Z' }].slice(0, n),
});

describe('overdue notice', () => {
  it.each(LANGUAGES)('%s: names the case and each step with its date, in the language', (lang) => {
    const f = formatterFor(lang);
    for (const n of [1, 3]) {
      const r = overdueNotice.templates[lang](params(n), f);
      expect(r.subject).toContain('GBR-MLA-2026-0042');
      expect(r.items).toHaveLength(n);
      expect(r.items![0]).toEqual({ text: STEP_LABELS.acknowledge![lang], link: '/cases/c1', detail: f.date('2026-12-01T09:00:00.000Z') });
      if (lang !== 'en') expect(r.subject).not.toBe(overdueNotice.templates.en(params(n), formatterFor('en')).subject);
    }
  });

  it('every step deadlines.ts knows has a label in each language, each its own', () => {
    for (const step of ['acknowledge', 'decide', 'execute', 'answer-query', 'supply-info', 'deadline']) {
      const labels = STEP_LABELS[step]!;
      expect(Object.keys(labels).sort()).toEqual([...LANGUAGES].sort());
      expect(new Set(Object.values(labels)).size).toBe(6);
    }
  });
});
