import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchHit } from '../../web/api/types.ts';
import { useFormat, useLanguageName } from '../../web/format.ts';
import { TypeBadge } from './Badges.tsx';
import { dirOf, useStateNames } from './names.ts';

/** One found record: type, title (a link to it), date, States, language and, in a search, the matching passage. */
export function ResultItem({ hit, withSnippet = true, headingLevel = 3 }: { hit: SearchHit; withSnippet?: boolean; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const f = useFormat();
  const states = useStateNames();
  const languageName = useLanguageName();
  const H = `h${headingLevel}` as 'h3';
  const meta: string[] = [];
  const date = f.date(hit.date);
  if (date) meta.push(date);
  if (hit.states.length) meta.push(hit.states.map((s) => states.get(s) ?? s).join(t('knowledge.listSeparator')));
  meta.push(languageName(hit.lang));
  return (
    <li className="result" data-testid="search-result" data-id={hit.id} data-type={hit.type}>
      <TypeBadge type={hit.type} />
      <H className="result-title" lang={hit.lang} dir={dirOf(hit.lang)}>
        <Link to={`/records/${hit.id}`}>{hit.title}</Link>
      </H>
      <p className="result-meta">
        {meta.map((m, i) => (
          <span key={i}>{m}</span>
        ))}
      </p>
      {withSnippet && hit.snippet && (
        <p
          className="snippet"
          lang={hit.lang}
          dir={dirOf(hit.lang)}
          // Safe by construction: the API escapes the record's text and adds nothing but <mark> around the
          // matched words (see src/knowledge/search/snippets.ts), so no markup from a record can get through.
          dangerouslySetInnerHTML={{ __html: hit.snippet }}
        />
      )}
    </li>
  );
}
