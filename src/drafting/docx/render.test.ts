import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIDI, bidiDraft } from './bidi-fixture.ts';
import { docxToPdf, hasCommand, pdfVisualLines } from './libreoffice.ts';
import { renderRequestDocx, type DocumentMeta } from './request.ts';

/**
 * What the Arabic request really prints: LibreOffice lays it out (it follows the Unicode bidi algorithm,
 * not Word's per-run w:rtl), Poppler reads the page back in visual order. Needs the Debian packages
 * libreoffice-writer-nogui, poppler-utils, fonts-noto-core and fonts-noto-cjk; skipped without them.
 */
const META: DocumentMeta = { reference: 'FRA-2026-0007', requestingState: 'FRA', status: 'draft', date: '2026-03-14', version: 1, stateNames: { FRA: 'France', CHN: 'China' } };
const tools = (await hasCommand('soffice')) && (await hasCommand('pdftotext'));
if (!tools) console.warn('render.test.ts skipped: soffice or pdftotext missing (apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-core fonts-noto-cjk)');

describe.skipIf(!tools)('the Arabic request, printed by LibreOffice', () => {
  it('prints the account number, IBAN, phone, address and dates left to right, in the order typed', async () => {
    const pdf = await docxToPdf(await renderRequestDocx(bidiDraft(), META, 'ar'), 'request-ar');
    try {
      const lines = await pdfVisualLines(pdf);
      const page = lines.join('\n');
      // Before the fix the account line read "5678 1234 0000 6217", the phone "00 00 77 44 1 +33",
      // the address "rue de la Paix, 75002 Paris 12" and the date of birth "01 - 05 - 1980".
      for (const value of [BIDI.account, BIDI.iban, BIDI.phone, BIDI.address, BIDI.date, '1980-05-01']) expect(page).toContain(value);
      // No date anywhere (table, deadline, periods "from … to …" after an Arabic label) turned round.
      expect(page).not.toMatch(/\b\d\d ?- ?\d\d ?- ?\d{4}\b/);
      expect(lines).toContainEqual(expect.stringMatching(/^Le 14 mars 2026, le suspect a viré 250 000 EUR/));
    } finally {
      await rm(dirname(pdf), { recursive: true, force: true });
    }
  }, 180_000);
});

describe.skipIf(!tools)('the Chinese request, printed by LibreOffice', () => {
  it('breaks the French sentence only between words', async () => {
    const pdf = await docxToPdf(await renderRequestDocx(bidiDraft(), META, 'zh'), 'request-zh');
    try {
      const lines = await pdfVisualLines(pdf);
      const first = lines.findIndex((l) => l.startsWith('Le 14 mars'));
      const last = lines.findIndex((l, i) => i >= first && l.endsWith('5678.'));
      // Joined at the line breaks by one space, the printed lines are the sentence: no word was cut.
      // Tagged zh-CN, it wrapped inside "1234" ("… 6217 0000 123" / "4 5678.").
      expect(first).toBeGreaterThanOrEqual(0);
      expect(lines.slice(first, last + 1).join(' ')).toBe(BIDI.french);
    } finally {
      await rm(dirname(pdf), { recursive: true, force: true });
    }
  }, 180_000);
});
