import type { ModuleAuthz } from '../../test/support/authz.ts';
import { analysisAuthz } from './analysis/analysis.authz.ts';
import { configAuthz } from './config/config.authz.ts';
import { deskAuthz } from './desk/desk.authz.ts';
import { drawsAuthz } from './draws/draws.authz.ts';
import { exportAuthz } from './export/export.authz.ts';
import { questionnairesAuthz } from './questionnaires/questionnaires.authz.ts';
import { reviewsAuthz } from './reviews/reviews.authz.ts';

/**
 * The review mechanism's part of the authorization matrix, made of its parts' (each part's file says who may call
 * what by role; which review each participant sees is tested in reviews/access tests: a refusal there is a 404).
 */
const PARTS: ModuleAuthz[] = [configAuthz, drawsAuthz, questionnairesAuthz, reviewsAuthz, deskAuthz, analysisAuthz, exportAuthz];

export const reviewAuthz: ModuleAuthz = {
  expected: Object.assign({}, ...PARTS.map((p) => p.expected)),
  async setup(t) {
    for (const p of PARTS) await p.setup?.(t);
  },
  request(route, n) {
    const part = PARTS.find((p) => route in p.expected);
    if (!part) throw new Error(`no part of the review module lists ${route}`);
    return part.request(route, n);
  },
};
