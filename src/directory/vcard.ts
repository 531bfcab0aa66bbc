/**
 * vCard 4.0 (RFC 6350) for directory contacts: one card for the authority (KIND:org) and one per named
 * contact person. Text values are escaped and long lines folded at 75 octets without splitting a
 * UTF-8 character, with CRLF line ends, as address books expect.
 */

export interface VCardOrg {
  name: string;
  uid: string;
  postalAddress?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  website?: string | null;
  note?: string | null;
  languages?: string[] | null;
  persons?: Array<{ name: string; title?: string | null; email?: string | null; phone?: string | null; languages?: string[] }>;
}

export function escapeText(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + n > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

function card(lines: Array<string | null>): string {
  return ['BEGIN:VCARD', 'VERSION:4.0', ...lines.filter((l): l is string => l !== null), 'END:VCARD'].map(fold).join('\r\n') + '\r\n';
}

const opt = (prop: string, v: string | null | undefined) => (v ? `${prop}:${escapeText(v)}` : null);
const langs = (list: string[] | null | undefined) => (list ?? []).map((l, i) => `LANG;PREF=${i + 1}:${l}`);

export function toVCards(o: VCardOrg): string {
  const org = card([
    'KIND:org',
    `UID:urn:uuid:${o.uid}`,
    `FN:${escapeText(o.name)}`,
    `ORG:${escapeText(o.name)}`,
    o.postalAddress ? `ADR;TYPE=work;LABEL="${o.postalAddress.replace(/"/g, "'").replace(/\r?\n/g, ' ')}":;;${escapeText(o.postalAddress)};;;;` : null,
    o.phone ? `TEL;TYPE=work,voice;VALUE=text:${escapeText(o.phone)}` : null,
    o.fax ? `TEL;TYPE=work,fax;VALUE=text:${escapeText(o.fax)}` : null,
    opt('EMAIL;TYPE=work', o.email),
    o.website ? `URL:${o.website}` : null,
    ...langs(o.languages),
    opt('NOTE', o.note),
  ]);
  const persons = (o.persons ?? []).map((p) =>
    card([
      'KIND:individual',
      `FN:${escapeText(p.name)}`,
      `ORG:${escapeText(o.name)}`,
      opt('TITLE', p.title),
      p.phone ? `TEL;TYPE=work,voice;VALUE=text:${escapeText(p.phone)}` : null,
      opt('EMAIL;TYPE=work', p.email),
      ...langs(p.languages),
      `RELATED;TYPE=colleague:urn:uuid:${o.uid}`,
    ]),
  );
  return [org, ...persons].join('');
}
