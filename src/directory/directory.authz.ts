import type { ModuleAuthz } from '../../test/support/authz.ts';

/** The directory module's part of the authorization matrix. */
export const directoryAuthz: ModuleAuthz = {
  expected: {},
  request: (route) => {
    throw new Error(`no call defined for ${route}`);
  },
};
