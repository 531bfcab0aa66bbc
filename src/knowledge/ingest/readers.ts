import path from 'node:path';
import type { Parser as HtmlParser } from 'htmlparser2';

/**
 * Turns an uploaded or imported file into plain text: UTF-8 / UTF-16 text, HTML, DOCX and PDF (the
 * text layer). Anything else — empty, binary, an unknown encoding, too large — is refused with a reason
 * before anything is stored.
 */

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const FORMATS = ['text', 'html', 'docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export class RejectedInput extends Error {}

export interface SourceText {
  format: Format;
  text: string;
  /** A title the file itself declares (HTML <title> or <h1>), if any. */
  title: string | null;
}

function formatOf(bytes: Buffer, name: string): Format {
  const ext = path.extname(name).toLowerCase();
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    if (ext === '.docx' || ext === '') return 'docx';
    throw new RejectedInput(`${ext || 'a zip'} archives are not supported (DOCX is)`);
  }
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.docx') throw new RejectedInput('not a valid DOCX file (it is not a zip archive)');
  if (ext === '.pdf') throw new RejectedInput('not a valid PDF file (no %PDF header)');
  return 'text';
}

/** UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark; anything else is refused. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new RejectedInput('binary content (NUL bytes), not text');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new RejectedInput('unknown text encoding: save the file as UTF-8');
  }
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'blockquote', 'pre', 'dd', 'dt', 'ul', 'ol', 'header', 'footer']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);

function htmlToText(Parser: typeof HtmlParser, html: string): { text: string; title: string | null } {
  let out = '';
  let skip = 0;
  let inTitle = false;
  let inH1 = false;
  let title = '';
  let h1 = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (name === 'h1') inH1 = true;
        if (SKIP.has(name)) skip++;
        if (BLOCK.has(name)) out += '\n';
        if (name === 'td' || name === 'th') out += ' | ';
      },
      ontext(text) {
        if (inTitle) title += text;
        if (skip) return;
        if (inH1) h1 += text;
        out += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'h1') inH1 = false;
        if (SKIP.has(name)) skip--;
        if (BLOCK.has(name)) out += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const text = out.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const t = (title || h1).replace(/\s+/g, ' ').trim();
  return { text, title: t || null };
}

async function pdfToText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (err) {
    throw new RejectedInput(`unreadable PDF (${(err as Error).message})`);
  }
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.hasEOL) text += '\n';
    }
    pages.push(text);
  }
  await doc.destroy();
  return pages.join('\n\f\n');
}

export async function readSource(bytes: Buffer, name: string): Promise<SourceText> {
  if (bytes.length === 0) throw new RejectedInput('empty file');
  if (bytes.length > MAX_FILE_BYTES) throw new RejectedInput(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  const format = formatOf(bytes, name);
  let text: string;
  let title: string | null = null;
  switch (format) {
    case 'pdf':
      text = await pdfToText(bytes);
      break;
    case 'docx':
      try {
        // mammoth, like pdf.js, is loaded when the first such file is read: neither the server nor a
        // command that reads no DOCX pays for loading it
        const { default: mammoth } = await import('mammoth');
        text = (await mammoth.extractRawText({ buffer: bytes })).value;
      } catch (err) {
        throw new RejectedInput(`unreadable DOCX (${(err as Error).message})`);
      }
      break;
    case 'html':
      // htmlparser2 too (a tenth of a second to load) is loaded with the first HTML file
      ({ text, title } = htmlToText((await import('htmlparser2')).Parser, decodeText(bytes)));
      break;
    default:
      text = decodeText(bytes).replace(/^\uFEFF/, '');
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new RejectedInput(format === 'pdf' ? 'the PDF has no text layer (scanned images need OCR first)' : 'no text in the file');
  return { format, text, title };
}
