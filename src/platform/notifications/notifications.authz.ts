import type { ModuleAuthz } from '../../../test/support/authz.ts';

/** The notification service's part of the authorization matrix: every logged-in person has their own inbox and choices. */
export const notificationsAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/me/notifications': 'authenticated',
    'POST /api/v1/me/notifications/read-all': 'authenticated',
    'POST /api/v1/me/notifications/:id/read': 'authenticated',
    'GET /api/v1/me/notification-preferences': 'authenticated',
    'PUT /api/v1/me/notification-preferences': 'authenticated',
  },
  request(route) {
    const url = route.split(' ')[1]!.replace(':id', '1');
    if (route === 'PUT /api/v1/me/notification-preferences') return { url, payload: { kinds: [] } };
    return { url, payload: route.startsWith('GET') ? undefined : {} };
  },
};
