/**
 * File names given by users, made safe to store and to send back: no folders (a name is never a path), no
 * control or bidirectional-override characters (which can disguise "gpj.exe" as "exe.jpg"), none of the
 * characters Windows refuses, no leading dots, and at most 200 characters with the extension kept.
 */
const MAX = 200;

export function sanitiseFileName(raw: string, fallback = 'file'): string {
  let name = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  name = name
    // control characters are exactly what a file name must lose
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if ([...name].length > MAX) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = [...name.slice(0, name.length - ext.length)].slice(0, MAX - ext.length).join('').trimEnd() + ext;
  }
  return name || fallback;
}

/** Content-Disposition for a download: an ASCII fallback name and the real one in RFC 8187 encoding. */
export function contentDisposition(fileName: string): string {
  let ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%]/g, '_').trim();
  if (!ascii || ascii.startsWith('.')) ascii = `file${ascii}`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return ascii === fileName ? `attachment; filename="${ascii}"` : `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
