import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Content that arrives after the page (a record, a list of paragraphs): once it is there, bring the element named
 * by the address's #fragment into view, mark it and give it focus, as the browser would for a static page.
 */
export function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const id = decodeURIComponent(hash.slice(1));
    const el = document.getElementById(id);
    if (!el) return;
    document.querySelectorAll('.is-target').forEach((e) => e.classList.remove('is-target'));
    el.classList.add('is-target');
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [ready, hash]);
}
