import type { ModuleAuthz } from '../../test/support/authz.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { createEntry } from './directory.service.ts';

/**
 * The directory module's part of the authorization matrix. Contacts: logged-in professionals and the
 * secretariat (not platform operators); editing: focal points (their own State — the matrix users are
 * of FRA, so the entries edited here are FRA's) and the secretariat; the experts' list: experts (the
 * secretariat keeps it).
 */
const CONTACTS = ['practitioner', 'officer', 'focal_point', 'expert', 'secretariat'] as const;
const EDITORS = ['focal_point', 'secretariat'] as const;
const EXPERT_LIST = ['expert', 'secretariat'] as const;

const ids = { authority: '', measure: '', notification: '', expert: '' };

export const directoryAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/directory/route': 'public',
    'GET /api/v1/directory/states': 'public',
    'GET /api/v1/directory/states/:iso3': 'public',
    'GET /api/v1/directory/authorities': 'public',
    'GET /api/v1/directory/authorities/:id': 'public',
    'GET /api/v1/directory/measures': 'public',
    'GET /api/v1/directory/notifications': 'public',
    'GET /api/v1/directory/export': 'public',
    'GET /api/v1/directory/authorities/:id/history': 'public',
    'GET /api/v1/directory/measures/:id/history': 'public',
    'GET /api/v1/directory/notifications/:id/history': 'public',
    'GET /api/v1/directory/authorities/:id/vcard': CONTACTS,
    'GET /api/v1/directory/experts': EXPERT_LIST,
    'GET /api/v1/directory/experts/:id/history': EXPERT_LIST,
    'GET /api/v1/directory/experts/:id/vcard': ['expert'],
    'GET /api/v1/directory/stale': ['secretariat'],
    'POST /api/v1/directory/authorities': EDITORS,
    'PATCH /api/v1/directory/authorities/:id': EDITORS,
    'POST /api/v1/directory/authorities/:id/confirm': EDITORS,
    'POST /api/v1/directory/authorities/:id/retire': EDITORS,
    'PUT /api/v1/directory/states/:iso3/measures/:measure': EDITORS,
    'POST /api/v1/directory/measures/:id/confirm': EDITORS,
    'POST /api/v1/directory/measures/:id/retire': EDITORS,
    'POST /api/v1/directory/notifications': EDITORS,
    'PATCH /api/v1/directory/notifications/:id': EDITORS,
    'POST /api/v1/directory/notifications/:id/confirm': EDITORS,
    'POST /api/v1/directory/notifications/:id/retire': EDITORS,
    'POST /api/v1/directory/experts': EXPERT_LIST,
    'PATCH /api/v1/directory/experts/:id': EXPERT_LIST,
    'POST /api/v1/directory/experts/:id/confirm': EXPERT_LIST,
    'POST /api/v1/directory/experts/:id/retire': EXPERT_LIST,
    'POST /api/v1/directory/import': ['secretariat'],
  },
  async setup(t) {
    const db = t.database.db;
    const sec: Actor = { kind: 'user', id: '00000000-0000-0000-0000-000000000000', username: 'authz-setup', displayName: 'setup', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '' };
    const expert = await db.selectFrom('users').select('id').where('username', '=', 'authz-expert').executeTakeFirstOrThrow();
    ids.authority = (await createEntry(db, sec, 'authority', { iso3: 'FRA', category: 'central-authority', subtype: 'ministry-of-justice', name: 'Authz CA', functions: ['mla'] })).id;
    ids.measure = (await createEntry(db, sec, 'measure', { iso3: 'FRA', measure: 'bank-records', available: 'yes' })).id;
    ids.notification = (await createEntry(db, sec, 'notification', { iso3: 'FRA', type: 'art18-14', text: 'French', languages: ['fr'] })).id;
    ids.expert = (await createEntry(db, sec, 'expert', { iso3: 'FRA', name: 'Authz Expert', userId: expert.id, email: 'x@example.org' })).id;
  },
  request(route, n) {
    const [method, pattern] = route.split(' ') as [string, string];
    const type = (['authorities', 'measures', 'notifications', 'experts'] as const).find((p) => pattern.startsWith(`/api/v1/directory/${p}/:id`));
    const key = type ? ({ authorities: 'authority', measures: 'measure', notifications: 'notification', experts: 'expert' } as const)[type] : null;
    const url = pattern.replace(':id', key ? ids[key] : '').replace(':iso3', 'FRA').replace(':measure', 'bank-records');
    if (route === 'GET /api/v1/directory/route') return { url: `${url}?from=CHN&to=FRA&kind=mla&measure=bank-records` };
    if (route === 'GET /api/v1/directory/export') return { url: `${url}?type=authorities&format=csv` };
    if (method === 'GET') return { url };
    if (url.endsWith('/retire')) return { url, payload: { reason: 'authz matrix' } };
    if (url.endsWith('/confirm')) return { url, payload: {} };
    switch (route) {
      case 'POST /api/v1/directory/authorities':
        return { url, payload: { iso3: 'FRA', category: 'competent-authority', subtype: 'police', name: `Authz unit ${n}` } };
      case 'PATCH /api/v1/directory/authorities/:id':
        return { url, payload: { officeHours: `09:00–${10 + (n % 8)}:00` } };
      case 'PUT /api/v1/directory/states/:iso3/measures/:measure':
        return { url, payload: { usualExecutionDays: n } };
      case 'POST /api/v1/directory/notifications':
        return { url, payload: { iso3: 'FRA', type: 'declaration', text: `Declaration ${n}` } };
      case 'PATCH /api/v1/directory/notifications/:id':
        return { url, payload: { text: `French, edition ${n}` } };
      case 'POST /api/v1/directory/experts':
        return { url, payload: { name: `Authz Expert ${n}` } };
      case 'PATCH /api/v1/directory/experts/:id':
        return { url, payload: { title: `Prosecutor ${n}` } };
      case 'POST /api/v1/directory/import':
        return { url: `${url}?type=authorities`, payload: `iso3,category,subtype,name\nFRA,competent-authority,police,Authz import ${n}\n`, headers: { 'content-type': 'text/csv' } };
    }
    throw new Error(`no call defined for ${route}`);
  },
};
