import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A friendly "there is no such thing" block with a way back. */
export function NotFoundMessage({ title, children, backTo, backLabel }: { title: string; children?: ReactNode; backTo: string; backLabel: string }) {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{title}</h1>
      {children}
      <p>
        <Link to={backTo}>{backLabel}</Link>
      </p>
    </section>
  );
}
