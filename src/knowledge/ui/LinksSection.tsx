import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, ok } from '../../web/api/client.ts';
import type { KnowledgeRecord, RecordLink } from '../../web/api/types.ts';
import { errorText } from '../../web/components/errors.ts';
import { useFormat } from '../../web/format.ts';
import { byCode, useInstruments } from '../../reference/ui/useInstruments.ts';
import { OriginBadges } from './Badges.tsx';
import { dirOf, useArticleLabel, useStateNames } from './names.ts';
import { paragraphLabel } from './RecordDetails.tsx';
import { searchHref } from './searchUrl.ts';

type Review = Pick<RecordLink, 'verified' | 'rejected'>;

/** Where a provision link points: /articles/UNTOC/18#para_13. */
export function articleHref(l: Pick<RecordLink, 'instrument' | 'article' | 'paragraph'>): string {
  return `/articles/${l.instrument}/${l.article}${l.paragraph ? `#para_${l.paragraph}` : ''}`;
}

function groupBy<T>(items: T[], key: (x: T) => string): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const x of items) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return [...m.entries()];
}

/**
 * The record's links: to the Convention and its Protocols (grouped by instrument and article, with where each
 * link comes from, and confirm / reject for the people who may review them), to other documents, to resolutions
 * and decisions, and the States it mentions.
 */
export function LinksSection({ record, canReview, csrfToken }: { record: KnowledgeRecord; canReview: boolean; csrfToken: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const instruments = byCode(useInstruments().data);
  const states = useStateNames();
  const articleLabel = useArticleLabel();
  /** How a link is named in a message or a button's label: the words cited, else the provision. */
  const linkName = (l: RecordLink) => l.text || articleLabel([l.instrument, l.article, l.paragraph].filter((x) => x !== null && x !== undefined).join(':'));
  const [reviews, setReviews] = useState<Record<number, Review>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const links = record.links.map((l) => ({ ...l, ...reviews[l.id] }));
  const provisions = links.filter((l) => l.targetKind === 'provision' && l.instrument && l.article);
  const symbols = [...new Set(links.filter((l) => l.targetKind === 'symbol' && l.target).map((l) => l.target!))];
  const acts = groupBy(
    links.filter((l) => (l.targetKind === 'resolution' || l.targetKind === 'decision') && l.target),
    (l) => `${l.targetKind}:${l.target}`,
  );
  const mentioned = [...new Set(links.filter((l) => l.targetKind === 'state' && l.target && !l.rejected).map((l) => l.target!))].sort((a, b) =>
    f.compare(states.get(a) ?? a, states.get(b) ?? b),
  );

  // a link found in a paragraph of this document (or, for a recommendation, of its document)
  const atHref = (atRef: string) => (record.type === 'cop-document' ? `#${atRef}` : record.parentId ? `/records/${record.parentId}#${atRef}` : null);

  /** Reviews every link of a group (the same provision cited by the same words, several times in the text). */
  const review = async (group: RecordLink[], decision: 'verify' | 'reject') => {
    const first = group[0];
    if (!csrfToken || !first) return;
    setBusy(first.id);
    setMessage(null);
    try {
      for (const l of group) {
        const r = await ok(api.POST('/api/v1/records/{id}/links/{linkId}/review', { params: { path: { id: record.id, linkId: l.id } }, body: { decision: decision } }));
        setReviews((prev) => ({ ...prev, [l.id]: { verified: r.verified, rejected: r.rejected } }));
      }
      setMessage({ text: t(decision === 'verify' ? 'knowledge.links.verifiedDone' : 'knowledge.links.rejectedDone', { link: linkName(first) }), error: false });
    } catch (err) {
      setMessage({ text: err instanceof ApiError ? errorText(t, err) : t('error.unexpected'), error: true });
    } finally {
      setBusy(null);
    }
  };

  // the instruments in their usual order (the Convention first), then each article in order
  const order = [...instruments.keys()];
  const rank = (code: string) => (order.indexOf(code) < 0 ? order.length : order.indexOf(code));
  const byInstrument = groupBy(
    [...provisions].sort((a, b) => rank(a.instrument!) - rank(b.instrument!) || a.article! - b.article! || (a.paragraph ?? 0) - (b.paragraph ?? 0)),
    (l) => l.instrument!,
  );

  return (
    <section aria-labelledby="links-title" id="references" data-testid="links">
      <h2 id="links-title">{t('knowledge.links.title')}</h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message && !message.error ? message.text : ''}
      </p>
      {message?.error && (
        <div className="alert" role="alert">
          <p>{message.text}</p>
        </div>
      )}
      <h3 id="convention-links">{t('knowledge.links.convention')}</h3>
      {provisions.length === 0 ? (
        <p className="muted">{t('knowledge.links.noConvention')}</p>
      ) : (
        <>
          <p className="small muted">{t(canReview ? 'knowledge.links.reviewHelp' : 'knowledge.links.originExplained')}</p>
          {byInstrument.map(([code, list]) => (
            <div key={code} className="link-group" data-instrument={code}>
              <h4>{instruments.get(code)?.shortName ?? code}</h4>
              <ul className="article-groups">
                {groupBy(list, (l) => String(l.article)).map(([article, ls]) => (
                  <li key={article} data-testid="article-link-group" data-article={`${code}:${article}`}>
                    <Link to={`/articles/${code}/${article}`} className="article-link">
                      {t('articles.heading', { number: f.number(Number(article)) })}
                    </Link>
                    <ul className="provision-links">
                      {groupBy(ls, (l) => [l.paragraph, l.subparagraph, l.text, l.atRef, l.origin, l.verified, l.rejected].join('|')).map(([k, group]) => {
                        const l = group[0]!;
                        return (
                          <li key={k} data-testid="convention-link" data-link-id={group.map((x) => x.id).join(' ')} className={l.rejected ? 'is-rejected' : undefined}>
                            {l.paragraph ? (
                              <Link to={articleHref(l)}>
                                {t('knowledge.ref.paragraph', { paragraph: f.number(l.paragraph) })}
                                {l.subparagraph ? ` (${l.subparagraph})` : ''}
                              </Link>
                            ) : (
                              <span className="muted">{t('knowledge.ref.wholeArticle')}</span>
                            )}
                            {l.text && (
                              <q className="link-quote" lang={record.lang} dir={dirOf(record.lang)}>
                                {l.text}
                              </q>
                            )}
                            {group.length > 1 && <span className="small muted">{t('knowledge.links.times', { count: group.length })}</span>}
                            {l.atRef && atHref(l.atRef) && (
                              <span className="small">
                                {(() => {
                                  const href = atHref(l.atRef!)!;
                                  const text = t('knowledge.links.at', { where: paragraphLabel(t, l.atRef!) });
                                  return href.startsWith('#') ? <a href={href}>{text}</a> : <Link to={href}>{text}</Link>;
                                })()}
                              </span>
                            )}
                            <OriginBadges link={l} />
                            {canReview && (
                              <span className="review-buttons">
                                {!l.verified && (
                                  <button
                                    type="button"
                                    className="button-secondary button-small"
                                    disabled={busy === l.id}
                                    onClick={() => void review(group, 'verify')}
                                    data-testid="verify-link"
                                    aria-label={t('knowledge.links.verifyLabel', { link: linkName(l) })}
                                  >
                                    {t('knowledge.links.verify')}
                                  </button>
                                )}
                                {!l.rejected && (
                                  <button
                                    type="button"
                                    className="button-secondary button-small button-danger"
                                    disabled={busy === l.id}
                                    onClick={() => void review(group, 'reject')}
                                    data-testid="reject-link"
                                    aria-label={t('knowledge.links.rejectLabel', { link: linkName(l) })}
                                  >
                                    {t('knowledge.links.reject')}
                                  </button>
                                )}
                              </span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}

      {symbols.length > 0 && (
        <>
          <h3>{t('knowledge.links.documents')}</h3>
          <ul className="symbol-list" data-testid="symbol-links">
            {symbols.map((s) => (
              <li key={s}>
                <Link to={searchHref({ q: `"${s}"` })} dir="ltr">
                  <code>{s}</code>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}

      {acts.length > 0 && (
        <>
          <h3>{t('knowledge.links.acts')}</h3>
          <ul className="acts-list">
            {acts.map(([k, ls]) => {
              const l = ls[0]!;
              const [body = '', number = ''] = (l.target ?? '').split(' ');
              const name =
                body === 'COP'
                  ? t(l.targetKind === 'resolution' ? 'knowledge.links.copResolution' : 'knowledge.links.copDecision', { number })
                  : t(l.targetKind === 'resolution' ? 'knowledge.links.resolution' : 'knowledge.links.decision', { number: l.target });
              return (
                <li key={k}>
                  {name}
                  {l.text && (
                    <>
                      {' '}
                      <q className="link-quote" lang={record.lang} dir={dirOf(record.lang)}>
                        {l.text}
                      </q>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}

      {mentioned.length > 0 && (
        <>
          <h3>{t('knowledge.links.states')}</h3>
          <ul className="inline-list" data-testid="mentioned-states">
            {mentioned.map((s) => (
              <li key={s}>
                <Link to={`/states/${s}`}>{states.get(s) ?? s}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
