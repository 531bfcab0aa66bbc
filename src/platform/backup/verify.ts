import { BackupError, backupLines, checkHeader, parseLine, sha256, type BackupHeader, type EndRecord } from './backup-format.ts';

/** What `palermo backup verify` prints and what restore checks before it writes anything. */
export interface BackupCheck {
  file: string;
  ok: boolean;
  header: BackupHeader;
  /** Per table: the rows found in the file and the rows the manifest recorded (null when it has no entry). */
  tables: Array<{ table: string; rows: number; recorded: number | null; ok: boolean }>;
  rows: number;
  /** The digest of everything before the end record, as found in the file (null when there is no end record). */
  sha256: string | null;
  problems: string[];
}

interface Section {
  table: string;
  rows: number;
  hash: ReturnType<typeof sha256>;
  digest?: string;
}

/**
 * Reads the whole file and recomputes every count and digest the end record holds. Damage is reported as
 * problems naming the table (or the header, or the end); a file that is no Palermo backup at all throws.
 */
export async function verifyBackup(file: string): Promise<BackupCheck> {
  const lines = backupLines(file);
  const first = await lines.next().catch((err: unknown) => {
    if (err instanceof BackupError && /truncated/.test(err.message)) throw new BackupError(`${file} is not a Palermo backup (it is empty or cut short)`);
    throw err;
  });
  if (first.done) throw new BackupError(`${file} is empty`);
  const header = checkHeader(file, parseLine(first.value));
  const headerDigest = sha256().update(first.value.text).digest('hex');
  const whole = sha256().update(first.value.text);
  const problems: string[] = [];
  const sections: Section[] = [];
  let current: Section | null = null;
  let end: EndRecord | null = null;
  let fileDigest = '';
  try {
    for await (const line of lines) {
      const o = parseLine(line) as { table?: unknown; r?: unknown; end?: unknown } | undefined;
      if (end) {
        problems.push(`line ${line.n}: data after the end record`);
        break;
      }
      if (o && o.end === true) {
        fileDigest = whole.digest('hex');
        end = o as unknown as EndRecord;
        continue;
      }
      whole.update(line.text);
      if (o && typeof o.table === 'string') {
        current = { table: o.table, rows: 0, hash: sha256().update(line.text) };
        if (sections.some((s) => s.table === current!.table)) problems.push(`table ${o.table}: appears twice`);
        sections.push(current);
      } else if (o && o.r !== undefined && current) {
        current.rows++;
        current.hash.update(line.text);
      } else {
        problems.push(`line ${line.n}${current ? ` (table ${current.table})` : ''}: not a backup record (the file is damaged)`);
        current?.hash.update(line.text);
      }
    }
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    problems.push(err.message.replace(`${file} is `, 'the file is '));
  }
  for (const s of sections) s.digest = s.hash.digest('hex');

  const found = new Map(sections.map((s) => [s.table, s]));
  const tables: BackupCheck['tables'] = [];
  if (!end) {
    if (!problems.some((p) => /truncated/.test(p))) {
      problems.push(`the file is truncated: no end record${current ? ` (it stops in table ${current.table})` : ''}`);
    }
    for (const s of sections) tables.push({ table: s.table, rows: s.rows, recorded: null, ok: false });
  } else {
    if (end.header !== headerDigest) problems.push('the header was changed: it does not match its SHA-256 digest');
    const recorded = Array.isArray(end.tables) ? end.tables : [];
    for (const m of recorded) {
      const s = found.get(m.table);
      let ok = true;
      if (!s) {
        problems.push(`table ${m.table}: its section is missing (the backup recorded ${m.rows} rows)`);
        ok = false;
      } else if (s.rows !== m.rows) {
        problems.push(`table ${m.table}: ${s.rows} rows, the backup recorded ${m.rows}`);
        ok = false;
      } else if (s.digest !== m.sha256) {
        problems.push(`table ${m.table}: its content does not match its SHA-256 digest (a value was changed)`);
        ok = false;
      }
      tables.push({ table: m.table, rows: s?.rows ?? 0, recorded: m.rows, ok });
    }
    for (const s of sections) {
      if (!recorded.some((m) => m.table === s.table)) {
        problems.push(`table ${s.table}: not in the backup's list of tables`);
        tables.push({ table: s.table, rows: s.rows, recorded: null, ok: false });
      }
    }
    const total = sections.reduce((n, s) => n + s.rows, 0);
    if (end.rows !== total && problems.length === 0) problems.push(`the end record was changed: ${total} rows, it records ${String(end.rows)}`);
    if (end.sha256 !== fileDigest && problems.length === 0) problems.push('the file does not match its SHA-256 digest (lines were moved or the end record was changed)');
  }
  return {
    file,
    ok: problems.length === 0,
    header,
    tables,
    rows: tables.reduce((n, t) => n + t.rows, 0),
    sha256: end ? fileDigest : null,
    problems,
  };
}
