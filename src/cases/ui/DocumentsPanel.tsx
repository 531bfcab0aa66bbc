import { useFormat } from '../../web/format.ts';
import type { CaseDto } from './caseTypes.ts';
import { useCaseLabels } from './labels.ts';

/** The case's documents as its timeline records them (each added document, version or translation, with its SHA-256). */
export function DocumentsPanel({ c }: { c: CaseDto; onChanged: () => void }) {
  const L = useCaseLabels();
  const f = useFormat();
  const { t } = L;
  const docs = c.timeline.filter((e) => e.type === 'document_added');
  return (
    <section className="case-section" aria-labelledby="case-docs-title" data-testid="case-documents">
      <h2 id="case-docs-title">{t('cases.documents.title')}</h2>
      {docs.length === 0 ? (
        <p className="small muted">{t('cases.documents.none')}</p>
      ) : (
        <ul className="plain-list small">
          {docs.map((d) => (
            <li key={d.seq}>
              <span dir="auto">{String(d.data.fileName ?? d.data.title ?? '')}</span> · {L.documentRole(String(d.data.role ?? 'other'))} · {f.date(d.at)}
              {typeof d.data.sha256 === 'string' && (
                <span className="block digest" dir="ltr">
                  SHA-256 {d.data.sha256}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
