/**
 * Renders the bidi test draft (account number, IBAN, phone, address, date, French and Arabic sentences)
 * as a request in each of the six UN languages, through LibreOffice to PDF and PNG, so a person can look
 * at the pages. Usage: npm run render:docx [-- outDir] (default: .tmp/render-docx).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LANGUAGES } from '../src/platform/i18n/languages.ts';
import { bidiDraft } from '../src/drafting/docx/bidi-fixture.ts';
import { docxToPdf, hasCommand, pdfToPng } from '../src/drafting/docx/libreoffice.ts';
import { renderRequestDocx, type DocumentMeta } from '../src/drafting/docx/request.ts';

const META: DocumentMeta = { reference: 'FRA-2026-0007', requestingState: 'FRA', status: 'draft', date: '2026-03-14', version: 1, stateNames: { FRA: 'France', CHN: 'China' } };

const out = resolve(process.argv[2] ?? '.tmp/render-docx');
for (const cmd of ['soffice', 'pdftoppm']) {
  if (!(await hasCommand(cmd))) {
    console.error(`${cmd} is missing: apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-core fonts-noto-cjk`);
    process.exit(1);
  }
}
await mkdir(out, { recursive: true });
for (const lang of LANGUAGES) {
  const pdf = await docxToPdf(await renderRequestDocx(bidiDraft(), META, lang), `request-${lang}`, out);
  await pdfToPng(pdf);
  console.log(pdf);
}
