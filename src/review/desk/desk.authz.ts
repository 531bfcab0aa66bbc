import type { ModuleAuthz } from '../../../test/support/authz.ts';

/** STUB (contract) — owner: helper desk. This part's rows of the authorization matrix: every route it registers, who may call it, how. */
export const deskAuthz: ModuleAuthz = {
  expected: {},
  request(route) {
    throw new Error(`no request for ${route}`);
  },
};
