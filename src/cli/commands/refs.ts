import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { extractReferences } from '../../knowledge/extraction/index.ts';
import { LANGS, type Lang } from '../../knowledge/extraction/types.ts';
import { UsageError } from '../cli-context.ts';

const USAGE = 'usage: palermo refs <file|-> [--lang zh|en|fr|es|ru|ar]';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

/**
 * `palermo refs <file|-> [--lang xx]`: prints the references found in a UTF-8 text (articles, resolutions
 * and decisions, document symbols, States, dates) as JSON Lines. No database.
 */
export async function refsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const lang = values.lang;
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
  const source = positionals[0]!;
  let bytes: Buffer;
  if (source === '-') bytes = await readStdin();
  else {
    try {
      bytes = fs.readFileSync(source);
    } catch (err) {
      process.stderr.write(`palermo: cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return 1;
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    process.stderr.write(`palermo: ${source === '-' ? 'standard input' : source} is not UTF-8 text\n`);
    return 1;
  }
  // NUL and other C0 controls besides tab/CR/LF/FF: binary, not text.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.test(text)) {
    process.stderr.write(`palermo: ${source === '-' ? 'standard input' : source} looks binary, not text\n`);
    return 1;
  }
  // A byte-order mark stays in the text (as U+FEFF), so offsets count it like any other character.
  const refs = extractReferences(text, lang ? { lang: lang as Lang } : {});
  const out = refs.map((r) => JSON.stringify(r)).join('\n');
  if (out) process.stdout.write(`${out}\n`);
  return 0;
}
