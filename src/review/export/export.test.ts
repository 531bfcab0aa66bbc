import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { LANGUAGES } from '../../platform/i18n/languages.ts';
import { seedAnalysis, type AnalysisSeed } from '../analysis/analysis.fixtures.ts';
import { EXPORT_LABELS } from './labels.ts';

/**
 * The review's DOCX export: it opens (parsed back by mammoth), carries the texts in the chosen language with the
 * reviews' texts as written, Arabic has right-to-left paragraphs; the reviewed State, each reviewing State and the
 * secretariat get what their side may see (a draft only for the side that writes it); strangers get the 404.
 */
let t: TestApp;
let seed: AnalysisSeed;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  const ids: Record<string, string> = {};
  for (const [name, roles, state] of [
    ['ex-mex-fp', ['focal_point'], 'MEX'], ['ex-bra', ['expert'], 'BRA'], ['ex-esp', ['expert'], 'ESP'],
    ['ex-sec', ['secretariat'], null], ['ex-stranger', ['focal_point', 'officer'], 'MEX'],
  ] as const) {
    ids[name] = (await addUser(t, name, [...roles], state)).id;
  }
  seed = await seedAnalysis(t.database.db, { reviewedFocalPoint: ids['ex-mex-fp'], reviewingExpert: ids['ex-bra'], otherReviewingExpert: ids['ex-esp'] });
  for (const name of Object.keys(ids)) s[name] = await login(t.app, name);
});
afterAll(async () => t?.close());

const url = (q = 'lang=en') => `/api/v1/reviews/${seed.reviews.MEX}/export.docx?${q}`;
async function text(buf: Buffer) {
  return (await mammoth.extractRawText({ buffer: buf })).value;
}
async function xml(buf: Buffer) {
  return (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
}

describe('the export as DOCX', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: opens, carries the labels in ${lang} and the texts as written`, async () => {
      const res = await as(t.app, s['ex-sec']!, 'GET', url(`lang=${lang}&answers=true`));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(res.headers['content-disposition']).toMatch(new RegExp(`filename="review-MEX-T[a-z0-9]+-criminalization-jurisdiction-${lang}\\.docx"`));
      const L = EXPORT_LABELS[lang];
      const doc = await text(res.rawPayload);
      for (const label of [L.title, L.cover.reviewed, L.cover.reviewing, L.kinds.gap, L.kinds.good_practice, L.kinds.ta_need, L.kinds.suggestion, L.ta.capacity_building, L.confidential]) {
        expect(doc).toContain(label);
      }
      expect(doc).toContain('Specialised prosecutors handle organized crime cases from the start.');
      expect(doc).toContain('Mexico has criminalized participation in an organized criminal group (art. 5) since 1996.');
      expect(doc).toContain('UNTOC 5, 6');
      const x = await xml(res.rawPayload);
      if (lang === 'ar') {
        expect(x).toContain('<w:bidi/>');
        expect(x).toContain('<w:rtl/>');
        expect(x).toContain('w:cs="Simplified Arabic"');
        expect(x).toContain('\u2066'); // a Latin reference isolated in the Arabic lines
      } else {
        expect(x).not.toContain('<w:bidi/>');
      }
      if (lang === 'zh') expect(x).toContain('w:eastAsia="SimSun"');
    });
  }

  it('audits each export', async () => {
    await as(t.app, s['ex-mex-fp']!, 'GET', url('lang=fr'));
    const rows = await t.database.db.selectFrom('audit_log').select(['actor_username', 'details']).where('action', '=', 'review.export.read').where('target_id', '=', seed.reviews.MEX).execute();
    expect(rows.some((r) => r.actor_username === 'ex-mex-fp' && (r.details as { lang?: string }).lang === 'fr')).toBe(true);
  });
});

describe('who gets what', () => {
  it('the reviewing State whose list is a draft sees its draft, marked; nobody else does', async () => {
    const esp = await text((await as(t.app, s['ex-esp']!, 'GET', url())).rawPayload);
    expect(esp).toContain('ESP draft gap, not submitted');
    expect(esp).toContain('ESP draft summary, not submitted');
    expect(esp).toContain(EXPORT_LABELS.en.draft);
    for (const who of ['ex-mex-fp', 'ex-bra', 'ex-sec']) {
      const doc = await text((await as(t.app, s[who]!, 'GET', url())).rawPayload);
      expect(doc, who).not.toContain('ESP draft');
      expect(doc, who).toContain('Specialised prosecutors'); // BRA's submitted list
    }
  });

  it('reviewer= keeps one reviewing State’s outputs; a State not reviewing is a 400', async () => {
    const bra = await text((await as(t.app, s['ex-sec']!, 'GET', url('lang=en&reviewer=bra'))).rawPayload);
    expect(bra).toContain('Specialised prosecutors');
    expect(bra).not.toContain(`${EXPORT_LABELS.en.observationsOf}Spain`);
    expect((await as(t.app, s['ex-sec']!, 'GET', url('lang=en&reviewer=DEU'))).statusCode).toBe(400);
  });

  it('someone outside the review gets the 404 of a review that does not exist, audited', async () => {
    const other = await as(t.app, s['ex-stranger']!, 'GET', url());
    const none = await as(t.app, s['ex-stranger']!, 'GET', '/api/v1/reviews/00000000-0000-4000-8000-000000000000/export.docx?lang=en');
    expect(other.statusCode).toBe(404);
    expect(none.statusCode).toBe(404);
    expect(other.json().error.message.replace(seed.reviews.MEX, 'ID')).toBe(none.json().error.message.replace('00000000-0000-4000-8000-000000000000', 'ID'));
    const denied = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'review.review.read_denied').where('target_id', '=', seed.reviews.MEX).execute();
    expect(denied.some((d) => (d.details as { what?: string }).what === 'export')).toBe(true);
    expect((await as(t.app, null, 'GET', url())).statusCode).toBe(401);
  });

  it('bad input is a 400', async () => {
    for (const q of ['lang=de', 'lang=en&reviewer=BR', 'lang=en&answers=maybe']) expect((await as(t.app, s['ex-sec']!, 'GET', url(q))).statusCode, q).toBe(400);
    expect((await as(t.app, s['ex-sec']!, 'GET', '/api/v1/reviews/nope/export.docx')).statusCode).toBe(400);
  });
});
