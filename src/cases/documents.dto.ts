import type { DocumentRef } from '../platform/documents/documents.ts';

/**
 * A case's documents as the API shows them: each file with its SHA-256, size, type, role, language and version,
 * grouped by document — its versions (oldest first, the last one current) and its translations (each with its own
 * versions). The lineage lives in the stored use's `details` (documents.service.ts writes it): `series` groups a
 * document's versions, `version` counts from 1, `replaces` the version it supersedes, `translationOf` the
 * document a translation renders.
 */

export interface Lineage {
  series: string;
  version: number;
  replaces: string | null;
  translationOf: string | null;
  /** Delivered by exchange from the other side's case: the document there. */
  copiedFrom?: { caseId: string; documentId: string } | null;
}

export function lineageOf(r: DocumentRef): Lineage {
  const d = r.details as Partial<Lineage>;
  return {
    series: typeof d.series === 'string' ? d.series : r.id,
    version: typeof d.version === 'number' ? d.version : 1,
    replaces: typeof d.replaces === 'string' ? d.replaces : null,
    translationOf: typeof d.translationOf === 'string' ? d.translationOf : null,
    copiedFrom: d.copiedFrom && typeof d.copiedFrom === 'object' ? d.copiedFrom : null,
  };
}

export function caseDocumentDto(r: DocumentRef, latest: boolean) {
  const l = lineageOf(r);
  return {
    id: r.id,
    sha256: r.sha256,
    size: r.size,
    mediaType: r.mediaType,
    fileName: r.fileName,
    role: r.role,
    language: r.language,
    title: r.title,
    version: l.version,
    series: l.series,
    replaces: l.replaces,
    translationOf: l.translationOf,
    latest,
    addedBy: r.addedBy,
    addedAt: r.addedAt.toISOString(),
  };
}
export type CaseDocumentDto = ReturnType<typeof caseDocumentDto>;

export interface VersionedDocument {
  series: string;
  current: CaseDocumentDto;
  versions: CaseDocumentDto[];
}
export interface CaseDocumentGroup extends VersionedDocument {
  translations: (VersionedDocument & { language: string | null })[];
}

/** Every document's series, oldest version first. */
function seriesOf(refs: readonly DocumentRef[]): Map<string, DocumentRef[]> {
  const by = new Map<string, DocumentRef[]>();
  for (const r of refs) {
    const s = lineageOf(r).series;
    by.set(s, [...(by.get(s) ?? []), r]);
  }
  for (const list of by.values()) list.sort((a, b) => lineageOf(a).version - lineageOf(b).version);
  return by;
}

/** The ids of the documents that are the current version of their series. */
export function latestIds(refs: readonly DocumentRef[]): Set<string> {
  return new Set([...seriesOf(refs).values()].map((list) => list.at(-1)!.id));
}

/**
 * Documents grouped: originals in the order they were first added, each with its versions and its
 * translations (a translation of any version of a document, or of one of its translations, is the document's).
 */
export function groupDocuments(refs: readonly DocumentRef[]): CaseDocumentGroup[] {
  const series = seriesOf(refs);
  const byId = new Map(refs.map((r) => [r.id, r]));
  const versioned = (id: string, list: DocumentRef[]): VersionedDocument => {
    const versions = list.map((r, i) => caseDocumentDto(r, i === list.length - 1));
    return { series: id, current: versions.at(-1)!, versions };
  };
  /** The original series a translation series belongs to (following translations of translations, without looping). */
  const rootOf = (seriesId: string): string => {
    const seen = new Set<string>();
    let s = seriesId;
    for (;;) {
      const first = series.get(s)?.[0];
      const of = first ? lineageOf(first).translationOf : null;
      const target = of ? byId.get(of) : undefined;
      if (!target || seen.has(s)) return s;
      seen.add(s);
      s = lineageOf(target).series;
    }
  };
  const groups = new Map<string, CaseDocumentGroup>();
  const translationSeries: string[] = [];
  for (const [id, list] of series) {
    if (rootOf(id) !== id) translationSeries.push(id);
    else groups.set(id, { ...versioned(id, list), translations: [] });
  }
  for (const id of translationSeries) {
    const list = series.get(id)!;
    const t = versioned(id, list);
    groups.get(rootOf(id))?.translations.push({ ...t, language: t.current.language });
  }
  return [...groups.values()];
}
