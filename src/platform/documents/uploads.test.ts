import { describe, expect, it } from 'vitest';
import { acceptMediaType, MEDIA_TYPES, sniffMediaType } from './media-types.ts';
import { contentDisposition, sanitiseFileName } from './file-names.ts';

/** What an upload is (by its bytes, not its label) and what it may be called. */

const zipWith = (name: string) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(26), Buffer.from(name), Buffer.alloc(40)]);

describe('media types', () => {
  it('names a file by its bytes', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.4\n'))).toBe(MEDIA_TYPES.pdf);
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(MEDIA_TYPES.png);
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(MEDIA_TYPES.jpeg);
    expect(sniffMediaType(zipWith('mimetypeapplication/vnd.oasis.opendocument.text'))).toBe(MEDIA_TYPES.odt);
    expect(sniffMediaType(zipWith('word/document.xml'))).toBe(MEDIA_TYPES.docx);
    expect(sniffMediaType(Buffer.from('Liste des pièces — 証拠一覧\n'))).toBe(MEDIA_TYPES.text);
    expect(sniffMediaType(Buffer.from('a\u0000b'))).toBeNull();
    expect(sniffMediaType(Buffer.from([0xff, 0xfe, 0x41]))).toBeNull();
    expect(sniffMediaType(Buffer.from('MZ\u0090\u0000'))).toBeNull();
  });

  it('accepts only allowed types whose bytes agree with the declared type (415 otherwise)', () => {
    const allowed = [MEDIA_TYPES.pdf, MEDIA_TYPES.text];
    expect(acceptMediaType(Buffer.from('%PDF-1.4'), 'application/pdf', allowed)).toBe(MEDIA_TYPES.pdf);
    expect(acceptMediaType(Buffer.from('%PDF-1.4'), 'application/octet-stream', allowed)).toBe(MEDIA_TYPES.pdf);
    expect(acceptMediaType(Buffer.from('notes'), 'text/plain; charset=utf-8', allowed)).toBe(MEDIA_TYPES.text);
    expect(() => acceptMediaType(Buffer.from('notes'), 'application/pdf', allowed)).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => acceptMediaType(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg', allowed)).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => acceptMediaType(Buffer.alloc(0), undefined, allowed)).toThrow(expect.objectContaining({ status: 415 }));
  });
});

describe('file names', () => {
  it('keeps a name, never a path, control or direction-override characters', () => {
    expect(sanitiseFileName('Court order 12.pdf')).toBe('Court order 12.pdf');
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\x\\évidence.pdf')).toBe('évidence.pdf');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('a<b>:c?.txt')).toBe('a_b__c_.txt');
    expect(sanitiseFileName('  ..hidden  ')).toBe('hidden');
    expect(sanitiseFileName('\u0000\u0001')).toBe('file');
    const long = sanitiseFileName(`${'я'.repeat(300)}.docx`);
    expect([...long].length).toBe(200);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('sends a name back safely in Content-Disposition (ASCII fallback and UTF-8)', () => {
    expect(contentDisposition('order.pdf')).toBe('attachment; filename="order.pdf"');
    expect(contentDisposition('امر المحكمة.pdf')).toBe(`attachment; filename="file.pdf"; filename*=UTF-8''${encodeURIComponent('امر المحكمة.pdf')}`);
    expect(contentDisposition('say "hi".txt')).toMatch(/^attachment; filename="say _hi_.txt"; filename\*=UTF-8''say%20%22hi%22\.txt$/);
  });
});
