import type { SearchHit } from '../search/search-provider.ts';
import { DATA_LICENCE } from './licence.ts';

/** An Atom 1.0 feed of a search's newest records (RFC 4287). */

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
const stripTags = (html: string) => html.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function atomFeed(opts: { baseUrl: string; selfUrl: string; title: string; items: Array<SearchHit & { updatedAt: string }> }): string {
  const updated = opts.items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), '1970-01-01T00:00:00.000Z');
  const entries = opts.items
    .map(
      (i) => `  <entry>
    <id>urn:uuid:${i.id}</id>
    <title>${xml(i.title)}</title>
    <link href="${xml(`${opts.baseUrl}/records/${i.id}`)}"/>
    <updated>${i.updatedAt}</updated>${i.date ? `\n    <published>${i.date}T00:00:00Z</published>` : ''}
    <category term="${xml(i.type)}"/>
    <summary xml:lang="${xml(i.lang)}">${xml(stripTags(i.snippet))}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(opts.selfUrl)}</id>
  <title>${xml(opts.title)}</title>
  <updated>${updated}</updated>
  <link rel="self" href="${xml(opts.selfUrl)}"/>
  <rights>${xml(`${DATA_LICENCE.name} — ${DATA_LICENCE.url}`)}</rights>
  <generator>Palermo</generator>
${entries}
</feed>
`;
}
