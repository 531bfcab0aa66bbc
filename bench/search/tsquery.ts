/**
 * PostgreSQL tsquery text (as `tsquery::text` prints it) → an FTS5 MATCH expression over the same lexemes,
 * so the SQLite peer answers exactly the query PostgreSQL answers: & → AND, | → OR, ! → NOT, <-> and <N> →
 * a phrase (the peer's token stream has no gaps where stop words were), :* → a prefix.
 */

type Node =
  | { k: 'lex'; t: string; prefix: boolean }
  | { k: 'and' | 'or' | 'phrase'; xs: Node[] }
  | { k: 'not'; x: Node };

/** The one spelling of a lexeme both engines see: anything but letters and digits becomes '_'. */
export const ftsToken = (lexeme: string) => lexeme.replace(/[^\p{L}\p{N}]/gu, '_');

function tokenize(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ') i++;
    else if (c === "'") {
      let j = i + 1;
      let lex = '';
      for (;;) {
        if (s[j] === "'" && s[j + 1] === "'") { lex += "'"; j += 2; }
        else if (s[j] === '\\') { lex += s[j + 1]; j += 2; }
        else if (s[j] === "'" || j >= s.length) break;
        else lex += s[j++];
      }
      i = j + 1;
      let prefix = false;
      if (s[i] === ':') {
        let k = i + 1;
        while (k < s.length && /[*A-D]/.test(s[k]!)) { if (s[k] === '*') prefix = true; k++; }
        i = k;
      }
      out.push(`L${prefix ? '*' : ' '}${lex}`);
    } else if (c === '<') {
      const j = s.indexOf('>', i);
      out.push('<->');
      i = j + 1;
    } else {
      out.push(c);
      i++;
    }
  }
  return out;
}

function parse(tokens: string[]): Node | null {
  let pos = 0;
  const peek = () => tokens[pos];
  const unary = (): Node => {
    const t = tokens[pos++]!;
    if (t === '!') return { k: 'not', x: unary() };
    if (t === '(') {
      const e = or();
      pos++; // ')'
      return e;
    }
    return { k: 'lex', t: t.slice(2), prefix: t[1] === '*' };
  };
  const phrase = (): Node => {
    const xs = [unary()];
    while (peek() === '<->') { pos++; xs.push(unary()); }
    return xs.length === 1 ? xs[0]! : { k: 'phrase', xs };
  };
  const and = (): Node => {
    const xs = [phrase()];
    while (peek() === '&') { pos++; xs.push(phrase()); }
    return xs.length === 1 ? xs[0]! : { k: 'and', xs };
  };
  const or = (): Node => {
    const xs = [and()];
    while (peek() === '|') { pos++; xs.push(and()); }
    return xs.length === 1 ? xs[0]! : { k: 'or', xs };
  };
  return tokens.length ? or() : null;
}

const quoted = (t: string) => `"${ftsToken(t).replace(/"/g, '""')}"`;

function emit(n: Node): string {
  switch (n.k) {
    case 'lex':
      return n.prefix ? `${quoted(n.t)} *` : quoted(n.t);
    case 'phrase': {
      if (n.xs.every((x) => x.k === 'lex')) {
        const lex = n.xs as Array<{ t: string; prefix: boolean }>;
        return `"${lex.map((x) => ftsToken(x.t)).join(' ')}"${lex[lex.length - 1]!.prefix ? ' *' : ''}`;
      }
      return `(${n.xs.map(emit).join(' AND ')})`; // a phrase of sub-expressions: the peer approximates it by AND
    }
    case 'or':
      return `(${n.xs.map(emit).join(' OR ')})`;
    case 'and': {
      const pos = n.xs.filter((x) => x.k !== 'not').map(emit);
      const neg = n.xs.filter((x): x is { k: 'not'; x: Node } => x.k === 'not').map((x) => emit(x.x));
      const p = `(${pos.join(' AND ')})`;
      return neg.length ? `(${p} NOT (${neg.join(' OR ')}))` : p;
    }
    case 'not':
      throw new Error('a query of only negated terms has no FTS5 equivalent');
  }
}

/** The FTS5 expression, and its positive lexemes (for the peer's estimate of large totals). */
export function toFts5(tsquery: string): { match: string; terms: string[] } | null {
  const tree = parse(tokenize(tsquery));
  if (!tree) return null;
  const terms: string[] = [];
  const walk = (n: Node, neg: boolean) => {
    if (n.k === 'lex') { if (!neg && !n.prefix) terms.push(ftsToken(n.t)); }
    else if (n.k === 'not') walk(n.x, !neg);
    else n.xs.forEach((x) => walk(x, neg));
  };
  walk(tree, false);
  return { match: emit(tree), terms: [...new Set(terms)] };
}
