/** The case pages' calls, on the generated client (paths, parameters and answers are checked against the API). */
import { api, ok } from '../../web/api/client.ts';
import type { CaseEvent, NewCase } from './caseTypes.ts';

export type QueueTab = 'incoming' | 'outgoing' | 'mine' | 'overdue';
export const QUEUE_PAGE_SIZE = 25;

/** What each tab asks the list for: my State's incoming or outgoing, assigned to me, or anything overdue. */
function tabQuery(tab: QueueTab) {
  switch (tab) {
    case 'incoming':
      return { direction: 'incoming' as const };
    case 'outgoing':
      return { direction: 'outgoing' as const };
    case 'mine':
      return { queue: 'mine' as const };
    case 'overdue':
      return { overdue: 'true' as const };
  }
}

export const casesApi = {
  queue: ({ tab, status, page }: { tab: QueueTab; status: string; page: number; lang: string }, signal?: AbortSignal) =>
    ok(
      api.GET('/api/v1/cases', {
        params: {
          query: { ...tabQuery(tab), ...(status && { status: [status] as never }), sort: 'priority', limit: QUEUE_PAGE_SIZE, offset: page * QUEUE_PAGE_SIZE },
        },
        signal,
      }),
    ),
  get: (id: string, signal?: AbortSignal) => ok(api.GET('/api/v1/cases/{id}', { params: { path: { id } }, signal })),
  event: (id: string, body: CaseEvent) => ok(api.POST('/api/v1/cases/{id}/events', { params: { path: { id } }, body })),
  register: (body: NewCase) => ok(api.POST('/api/v1/cases', { body })),
  /** The exchange's route: an outgoing case that is ready goes to the requested State (delivered at once within one instance). */
  send: (id: string, body: { note?: string; expectedVersion: number }) =>
    ok(api.POST('/api/v1/cases/{id}/send', { params: { path: { id } }, body: { channel: 'platform', ...body } })),
};
