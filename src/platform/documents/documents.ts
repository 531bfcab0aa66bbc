import type { Config } from '../config.ts';
import { DatabaseContent } from './database-content.ts';
import { FileContent } from './file-content.ts';
import { PlatformDocumentStore, type DocumentStore } from './document-store.ts';
import type { DocumentLocation } from './documents.tables.ts';

export { DocumentIntegrityError, DocumentNotFoundError, DocumentTooLargeError, sha256Hex, type DocumentStore, type PutResult } from './document-store.ts';
export { acceptMediaType, MEDIA_TYPES, UnsupportedMediaTypeError } from './media-types.ts';
export { contentDisposition, sanitiseFileName } from './file-names.ts';
export * from './document-refs.ts';

export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface DocumentSettings {
  store: DocumentLocation;
  maxBytes: number;
}

/**
 * A store writing new documents where `settings.store` says, able to read both places: the database always,
 * the data directory when one is given (rows stored there before a change of setting stay readable).
 */
export function createDocumentStore(settings: DocumentSettings, dataDir: string | null): DocumentStore {
  const database = new DatabaseContent();
  const files = dataDir ? new FileContent(dataDir) : undefined;
  if (settings.store === 'files' && !files) throw new Error('The data-directory document store needs a data directory');
  return new PlatformDocumentStore(settings.store === 'files' ? files! : database, { database, files }, settings.maxBytes);
}

/**
 * The process's store. Like the database connection, it is a property of the deployment, set once at start
 * (runtime.ts, from the configuration) rather than threaded through every service signature; until then —
 * and in tests that build an app without a runtime — it is the database store with the default limit.
 */
let current: DocumentStore | null = null;

export function configureDocumentStore(config: Pick<Config, 'dataDir' | 'documents'>): DocumentStore {
  current = createDocumentStore(config.documents, config.dataDir);
  return current;
}

export function documentStore(): DocumentStore {
  current ??= createDocumentStore({ store: 'database', maxBytes: DEFAULT_MAX_DOCUMENT_BYTES }, null);
  return current;
}

/** For tests that exercise one store through the services, and put the default back after. */
export function useDocumentStore(store: DocumentStore | null): void {
  current = store;
}
