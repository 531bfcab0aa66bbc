import type { Language } from '../../platform/i18n/languages.ts';
import { draftContentSchema, type DraftContent } from '../draft.schema.ts';
import { completeDraftInput } from '../test-fixtures.ts';

/**
 * The values that a right-to-left (or a Chinese) document used to scramble: an account number, an IBAN,
 * a phone number, a French address, a date, a French sentence and an Arabic sentence, typed by a drafter
 * who declared French as the language of the request. Shared by the DOCX tests and `npm run render:docx`.
 */
export const BIDI = {
  account: '6217 0000 1234 5678',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  phone: '+33 1 44 77 00 00',
  address: '12 rue de la Paix, 75002 Paris',
  date: '2026-03-14',
  french: 'Le 14 mars 2026, le suspect a viré 250 000 EUR depuis le compte 6217 0000 1234 5678.',
  arabic: 'حوّل المشتبه به 250000 يورو في 14 مارس 2026.',
} as const;

export function bidiDraft(): DraftContent {
  const input = completeDraftInput();
  const mla = input.assistance![0] as Record<string, unknown>;
  return draftContentSchema.parse({
    ...input,
    language: 'fr',
    requesting: {
      ...input.requesting,
      authority: { ...input.requesting!.authority, address: BIDI.address },
      contact: { ...input.requesting!.contact, phone: BIDI.phone },
    },
    facts: { summary: `${BIDI.french}\n${BIDI.arabic}` },
    urgency: { urgent: true, deadline: BIDI.date },
    assistance: [
      { ...mla, accounts: [{ holder: '', number: BIDI.account }] },
      { id: 'f-2', measure: 'asset-sharing-and-return', paymentDetails: BIDI.iban },
    ],
  });
}

export const BIDI_LANGUAGES: readonly Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
