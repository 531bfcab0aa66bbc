import type { ModuleAuthz } from '../../../test/support/authz.ts';

/** STUB (contract) — owner: helper draws. This part's rows of the authorization matrix: every route it registers, who may call it, how. */
export const drawsAuthz: ModuleAuthz = {
  expected: {},
  request(route) {
    throw new Error(`no request for ${route}`);
  },
};
