import type { ContentBackend, Conn } from './document-store.ts';

/**
 * Bytes in the database (stored_document_contents, bytea): the default, because a backup then carries the
 * files with everything else, and the bytes commit or roll back with the change that stores them.
 */
export class DatabaseContent implements ContentBackend {
  readonly location = 'database' as const;

  async write(db: Conn, sha256: string, bytes: Buffer): Promise<void> {
    await db.insertInto('stored_document_contents').values({ sha256, bytes })
      .onConflict((oc) => oc.column('sha256').doUpdateSet({ bytes })).execute();
  }

  async read(db: Conn, sha256: string): Promise<Buffer | null> {
    const row = await db.selectFrom('stored_document_contents').select('bytes').where('sha256', '=', sha256).executeTakeFirst();
    return row?.bytes ?? null;
  }

  async remove(db: Conn, sha256: string): Promise<void> {
    await db.deleteFrom('stored_document_contents').where('sha256', '=', sha256).execute();
  }

  /** None: the foreign key removes a row's bytes with it (ON DELETE CASCADE), and a rollback takes both. */
  async orphans(): Promise<string[]> {
    return [];
  }
}
