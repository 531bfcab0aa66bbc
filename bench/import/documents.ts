import fs from 'node:fs';
import path from 'node:path';
import { generate, plan } from '../search/corpus.ts';

/**
 * The documents the import benchmark imports: the search benchmark's synthetic records (six languages, legal
 * vocabulary, citations of the Convention's articles in each language's own words, 40–400 words), written as
 * files — three in four as plain UTF-8 text, one in four as a small HTML page with a <title>. Same seed, same
 * files. Returns the bytes written.
 */
const STATES = ['AUT', 'BRA', 'CHN', 'EGY', 'FRA', 'IND', 'ITA', 'MEX', 'NGA', 'RUS', 'ZAF', 'USA'].map((iso3) => ({ iso3, group: null }));

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function writeDocuments(folder: string, n: number, seed: number): number {
  fs.mkdirSync(folder, { recursive: true });
  let bytes = 0;
  let k = 0;
  for (const { input } of generate(plan(STATES, seed), n, seed)) {
    const name = `${String(k).padStart(6, '0')}-${input.lang}-${input.type}`;
    const sentences = input.fullText.split(/(?<=[.。])\s*/);
    let body: string;
    let file: string;
    if (k % 4 === 3) {
      const paragraphs = [];
      for (let i = 0; i < sentences.length; i += 3) paragraphs.push(`<p>${escape(sentences.slice(i, i + 3).join(' '))}</p>`);
      body = `<!doctype html>\n<html lang="${input.lang}"><head><meta charset="utf-8"><title>${escape(input.title)}</title></head>\n<body><h1>${escape(input.title)}</h1>\n${paragraphs.join('\n')}\n</body></html>\n`;
      file = `${name}.html`;
    } else {
      body = `${input.title}\n\n${sentences.join('\n')}\n`;
      file = `${name}.txt`;
    }
    fs.writeFileSync(path.join(folder, file), body);
    bytes += Buffer.byteLength(body);
    k++;
  }
  return bytes;
}
