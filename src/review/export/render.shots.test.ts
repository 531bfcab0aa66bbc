import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../platform/i18n/languages.ts';
import { renderReviewDocx, type ExportView } from './render.ts';

/**
 * Prints the export (every language with REVIEW_EXPORT_SHOTS_ALL=1; Arabic and Chinese, the delicate ones, otherwise) with LibreOffice and Poppler into /work/shots/review-export/ (or
 * $REVIEW_EXPORT_SHOTS), for a person to look at: Arabic numbers not reversed, Chinese glyphs, nothing cut. Checks
 * what the PDF text says (the Latin reference keeps its order in the Arabic page). Skipped without soffice.
 */
const run = promisify(execFile);
const OUT = process.env.REVIEW_EXPORT_SHOTS ?? '/work/shots/review-export';
const has = async (cmd: string) => run('sh', ['-c', `command -v ${cmd}`]).then(() => true, () => false);
const tools = (await has('soffice')) && (await has('pdftoppm')) && (await has('pdftotext'));

const NAMES: Record<string, Record<string, string>> = {
  en: { MEX: 'Mexico', BRA: 'Brazil', ESP: 'Spain', cluster: 'Criminalization and jurisdiction' },
  fr: { MEX: 'Mexique', BRA: 'Brésil', ESP: 'Espagne', cluster: 'Incrimination et compétence' },
  es: { MEX: 'México', BRA: 'Brasil', ESP: 'España', cluster: 'Penalización y jurisdicción' },
  ru: { MEX: 'Мексика', BRA: 'Бразилия', ESP: 'Испания', cluster: 'Криминализация и юрисдикция' },
  zh: { MEX: '墨西哥', BRA: '巴西', ESP: '西班牙', cluster: '定罪和管辖权' },
  ar: { MEX: 'المكسيك', BRA: 'البرازيل', ESP: 'إسبانيا', cluster: 'التجريم والولاية القضائية' },
};

function view(lang: (typeof LANGUAGES)[number]): ExportView {
  const n = NAMES[lang]!;
  return {
    lang,
    reviewed: { iso3: 'MEX', name: n.MEX! },
    cycle: { code: 'UNTOC-2026', title: 'First review cycle 2026–2034' },
    cluster: n.cluster!,
    instruments: ['UNTOC', 'TIP'],
    reviewers: [{ iso3: 'BRA', name: n.BRA! }, { iso3: 'ESP', name: n.ESP! }],
    stage: 'summary',
    startedOn: '2026-01-15',
    answersSubmittedOn: '2026-07-01',
    exportedOn: '2026-12-02',
    outputs: [{
      state: { iso3: 'BRA', name: n.BRA! },
      observations: {
        status: 'submitted', published: false, items: [
          { kind: 'gap', taCategory: null, instrument: 'UNTOC', articles: [5, 6], text: 'The offence of participation in an organized criminal group (art. 5(1)(a)(i)) does not cover the agreement to commit a serious crime; 12 cases in 2024 were dropped for that reason.' },
          { kind: 'good_practice', taCategory: null, instrument: 'UNTOC', articles: [5], text: 'Fiscalía Especializada en Materia de Delincuencia Organizada (FEMDO) handles such cases from the start.' },
          { kind: 'suggestion', taCategory: null, instrument: 'TIP', articles: [3], text: 'Align the definition of trafficking with article 3 of the Protocol.' },
          { kind: 'ta_need', taCategory: 'capacity_building', instrument: 'UNTOC', articles: [23], text: 'Training for 300 judges on obstruction of justice, 2027–2028.' },
        ],
      },
      summary: { status: 'submitted', published: false, text: 'Mexico has criminalized participation in an organized criminal group since 1996 (Ley Federal contra la Delincuencia Organizada, art. 2).\nSee CNPP art. 167, reference MEX-2026-0042.' },
    }, {
      state: { iso3: 'ESP', name: n.ESP! },
      observations: { status: 'none', published: false, items: [] },
      summary: { status: 'none', published: false, text: '' },
    }],
    answers: [{ instrument: 'UNTOC', article: 5, key: 'UNTOC-5-a', question: 'Has your State criminalized participation in an organized criminal group?', type: 'yes_no_partly', value: { answer: 'partly', explanation: 'Art. 2 LFDO covers 3 or more persons.' } }],
  };
}

describe.skipIf(!tools)('the export printed by LibreOffice', () => {
  it('prints every language, the Arabic page keeps Latin references and numbers in order', { timeout: 600_000 }, async () => {
    await mkdir(OUT, { recursive: true });
    for (const f of await readdir(OUT)) if (/^review-export-/.test(f) && process.env.REVIEW_EXPORT_SHOTS_ALL) await rm(join(OUT, f));
    for (const lang of process.env.REVIEW_EXPORT_SHOTS_ALL ? LANGUAGES : (['ar', 'zh'] as const)) {
      const name = `review-export-${lang}`;
      await writeFile(join(OUT, `${name}.docx`), await renderReviewDocx(view(lang)));
      await run('soffice', [`-env:UserInstallation=file://${join(OUT, '.lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, join(OUT, `${name}.docx`)], { timeout: 180_000 });
      await run('pdftoppm', ['-png', '-r', '60', join(OUT, `${name}.pdf`), join(OUT, name)]);
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(OUT, `${name}.pdf`), '-']);
      const flat = stdout.replace(/[\u200E\u200F\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
      expect(flat, lang).toContain('MEX-2026-0042');
      expect(flat, lang).toContain('UNTOC 5, 6');
      expect(flat, lang).toContain('2026-01-15');
    }
    await rm(join(OUT, '.lo-profile'), { recursive: true, force: true });
  });
});
