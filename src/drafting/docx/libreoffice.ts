import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * LibreOffice and Poppler, for looking at what the DOCX files really print (the render test and
 * `npm run render:docx`). Not used by the server. Packages (Debian): libreoffice-writer-nogui,
 * poppler-utils, fonts-noto-core, fonts-noto-cjk.
 */
const run = promisify(execFile);

export async function hasCommand(cmd: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}

/** Converts a DOCX file to PDF in `dir` (its own LibreOffice profile there, so runs never share one); returns the PDF's path. */
export async function docxToPdf(docx: Buffer, name: string, dir?: string): Promise<string> {
  const out = dir ?? (await mkdtemp(join(tmpdir(), 'palermo-docx-')));
  const src = join(out, `${name}.docx`);
  await writeFile(src, docx);
  await run('soffice', [`-env:UserInstallation=file://${join(out, '.lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, src], { timeout: 180_000 });
  return join(out, `${name}.pdf`);
}

const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * The PDF's lines as they appear on the page, words left to right (visual order, which is what a reader
 * of a right-to-left line sees), bidi control characters dropped. Built from word boxes
 * (pdftotext -bbox-layout) rather than pdftotext -layout: LibreOffice draws each directional isolate
 * as a narrow glyph on top of the neighbouring word, and -layout then splits a correctly printed line
 * in two. Arabic words come out as glyph runs (letters reversed); compare only left-to-right text.
 */
export async function pdfVisualLines(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 << 20 });
  const pages = stdout.split('<page ').slice(1);
  return pages.flatMap((page) => {
    const rows = new Map<number, Array<{ x: number; text: string }>>();
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
      const text = m[3]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(BIDI_CONTROLS, '');
      if (text === '') continue;
      const y = Math.round(Number(m[2]));
      rows.set(y, [...(rows.get(y) ?? []), { x: Number(m[1]), text }]);
    }
    return [...rows.entries()].sort(([a], [b]) => a - b).map(([, words]) => words.sort((a, b) => a.x - b.x).map((w) => w.text).join(' '));
  });
}

/** Each page of the PDF as a PNG next to it (`<name>-1.png`, …), for a person to look at. */
export async function pdfToPng(pdf: string, dpi = 80): Promise<void> {
  await run('pdftoppm', ['-png', '-r', String(dpi), pdf, pdf.replace(/\.pdf$/, '')]);
}
