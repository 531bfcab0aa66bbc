/** The table of contents of a Conference document page: its parts, then the page's own sections. */
import { useTranslation } from 'react-i18next';

export interface TocEntry {
  id: string;
  label: string;
  children?: TocEntry[];
}

export function DocumentToc({ entries }: { entries: TocEntry[] }) {
  const { t } = useTranslation();
  return (
    <nav className="toc" aria-labelledby="toc-title" data-testid="toc">
      <h2 id="toc-title">{t('knowledge.doc.contents')}</h2>
      <ol>
        {entries.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`}>{e.label}</a>
            {e.children && e.children.length > 0 && (
              <ol>
                {e.children.map((c) => (
                  <li key={c.id}>
                    <a href={`#${c.id}`}>{c.label}</a>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
