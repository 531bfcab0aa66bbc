import type { ModuleAuthz } from '../../test/support/authz.ts';
import { coreAuthz } from './core.authz.ts';
import { documentsAuthz } from './documents.authz.ts';
import { exchangeAuthz } from './exchange/exchange.authz.ts';
import { statsAuthz } from './stats/stats.authz.ts';

/** The case tracker's part of the authorization matrix, made of its parts' (each part's file says who may call what). */
const PARTS: ModuleAuthz[] = [coreAuthz, documentsAuthz, statsAuthz, exchangeAuthz];

export const casesAuthz: ModuleAuthz = {
  expected: Object.assign({}, ...PARTS.map((p) => p.expected)),
  async setup(t) {
    for (const p of PARTS) await p.setup?.(t);
  },
  request(route, n) {
    const part = PARTS.find((p) => route in p.expected);
    if (!part) throw new Error(`no part of the case tracker lists ${route}`);
    return part.request(route, n);
  },
};
