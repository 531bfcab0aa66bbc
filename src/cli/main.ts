/*
 * The command line's entry: the usage text and the dispatch. Each command's code is imported only when that
 * command runs (a dynamic import per command), and so is the error reporting: `palermo --help` loads this file
 * alone, and `palermo refs` never loads the HTTP server, the database driver or the DOCX writer.
 */

export const HELP = `palermo — the platform for the UN Convention against Transnational Organized Crime

Usage: palermo <command> [options]

  serve [--port N]                      serve the API and web UI (npm start runs this)
  migrate                               apply database migrations and load reference data
  reference import <file.csv> --source "…" [--dry-run]
                                        update party status from an official list
                                        (columns: iso3,instrument,status[,signed_on,consented_on,source,as_of])
  users add <username> --name "…" --roles r1,r2 [--state ISO3] [--email …] [--language en]
                                        create an account (password read from PALERMO_PASSWORD or generated)
  users list [--state ISO3] [--role R] [--all] [--json]
  users disable <username> | users enable <username>
  users set-roles <username> r1,r2      roles: practitioner, officer, focal_point, expert, secretariat, admin
  audit verify                          check the audit log's hash chain; names any tampered entry
  backup <file>                         write a complete backup (gzip JSON lines, with per-table counts
                                        and SHA-256 digests)
  backup verify <file>                  check a backup's counts and digests; names what does not match
  restore <file>                        verify a backup, then restore it into an empty database
  openapi                               print the OpenAPI document
  import <file|folder> [--type T] [--lang L] [--access public|practitioners|state --state ISO3] [--json]
                                        add or update knowledge records from text, HTML, DOCX or PDF files
  export [--format jsonl|csv] [--out FILE] [--q …] [--type …] [--state ISO3] [--article UNTOC:18] [--include-restricted]
                                        export knowledge records (public ones unless --include-restricted)
  alerts run                            notify owners of saved searches about new matching records
  search reorganize                     after a large load: search table in date order, index rebuilt,
                                        statistics refreshed (searches wait while it runs)
  search rebuild                        make the search table again from the knowledge records
  jobs list [--json]                    background jobs: counts per queue and state, recent failures
  jobs retry <id>                       run a failed job again
  jobs work                             a worker-only process (no HTTP); serve also works on jobs
                                        unless PALERMO_WORKERS=0
  directory import <file.csv> --type authorities|measures|notifications|experts [--dry-run] [--json]
                                        load directory entries from CSV (one bad row: nothing imported)
  directory export [--format csv|json] [--type authorities|measures|notifications|experts] [-o FILE]
                                        export the directory (CSV columns are the import's)
  cases import <file.csv> --state ISO3 [--dry-run] [--json]
                                        register existing cases in bulk (one bad row: nothing imported)
  cases stats --state ISO3 [--from D] [--to D] [--by kind|legal-basis|…] [--json]
                                        a State's case statistics: counts, median and 90th percentile times
  review draw --instrument UNTOC --seed "TEXT" [--cap N] [--allow-mutual] [--json]
                                        draw reviewing States for every party to the instrument (pure function of
                                        the seed and the reference data; the same seed prints the same bytes)
  review draw-groups --seed "TEXT" --groups N [--instrument UNTOC] [--json]
                                        split the States parties into N groups starting in different years
  review verify-draw <draw-id|file.json>
                                        recompute a published draw and compare (exit 1 when it differs)
  review questionnaires import <file.json> | export [--instrument I] [--cluster C]
                                        load or print versioned question sets
  refs <file|-> [--lang zh|en|fr|es|ru|ar]
                                        print the references found in a text (articles, resolutions,
                                        document symbols, States, dates), one JSON object per line

Every command works on the same data directory (PALERMO_DATA_DIR, default ./data) or on DATABASE_URL,
whether or not "npm start" is running. A failure is one line on standard error; --debug (or PALERMO_DEBUG=1)
adds where it happened.`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  migrate: async () => (await import('./commands/migrate.ts')).migrateCommand,
  reference: async () => (await import('./commands/reference.ts')).referenceCommand,
  users: async () => (await import('./commands/users.ts')).usersCommand,
  audit: async () => (await import('./commands/audit.ts')).auditCommand,
  backup: async () => (await import('./commands/backup.ts')).backupCommand,
  restore: async () => (await import('./commands/backup.ts')).restoreCommand,
  openapi: async () => (await import('./commands/openapi.ts')).openapiCommand,
  refs: async () => (await import('./commands/refs.ts')).refsCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  alerts: async () => (await import('./commands/alerts.ts')).alertsCommand,
  directory: async () => (await import('./commands/directory.ts')).directoryCommand,
  search: async () => (await import('./commands/search.ts')).searchCommand,
  jobs: async () => (await import('./commands/jobs.ts')).jobsCommand,
  cases: async () => (await import('./commands/cases.ts')).casesCommand,
  review: async () => (await import('./commands/review.ts')).reviewCommand,
};

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug') || process.env.PALERMO_DEBUG === '1';
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${HELP}\n`);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(`palermo: unknown command "${name}"\n\n${HELP}\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest);
  } catch (err) {
    const { reportError } = await import('./report-error.ts');
    return reportError(err, debug);
  }
}
