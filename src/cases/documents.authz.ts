import type { ModuleAuthz } from '../../test/support/authz.ts';

/** STUB (contract only; the rules helper fills in its routes: who may call each, and how to call it). */
export const documentsAuthz: ModuleAuthz = {
  expected: {},
  request(route) {
    throw new Error(`no call written for ${route}`);
  },
};
