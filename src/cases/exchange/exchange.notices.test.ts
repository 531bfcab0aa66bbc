import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../platform/i18n/languages.ts';
import { render } from '../../platform/notifications/render.ts';
import { deliveredNotice, queryNotice, type ExchangeParams } from './exchange.notices.ts';

/** The exchange's notices exist in the six languages, name the case by its references and the State by its name in the reader's language. */
const params: ExchangeParams = {
  caseId: '3f1c2d4e-0000-4000-8000-000000000001', reference: 'CHN-MLA-2026-0007', theirReference: 'FRA-MLA-2026-0042', fromState: 'FRA',
  fromStateNames: { en: 'France', fr: 'France', es: 'Francia', ru: 'Франция', ar: 'فرنسا', zh: '法国' },
};

describe('exchange notices', () => {
  for (const kind of [deliveredNotice, queryNotice]) {
    it(`${kind.key}: six different texts, each with both references and the State's name in that language`, () => {
      const subjects = new Set<string>();
      for (const lang of LANGUAGES) {
        const r = render(kind.key, params, lang);
        subjects.add(r.subject);
        expect(r.subject, lang).toContain(params.reference);
        expect(`${r.subject} ${r.body}`, lang).toContain(params.theirReference);
        expect(`${r.subject} ${r.body}`, lang).toContain(params.fromStateNames[lang]!);
        expect(kind.label[lang], lang).toBeTruthy();
      }
      expect(subjects.size).toBe(LANGUAGES.length);
    });
  }
});
