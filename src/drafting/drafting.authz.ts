import type { ModuleAuthz } from '../../test/support/authz.ts';

/** The drafting module's part of the authorization matrix. */
export const draftingAuthz: ModuleAuthz = {
  expected: {},
  request: (route) => {
    throw new Error(`no call defined for ${route}`);
  },
};
