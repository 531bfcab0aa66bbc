import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/database.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { defineNotice } from '../platform/notifications/kinds.ts';
import type { Formatter } from '../platform/notifications/format.ts';
import { notify } from '../platform/notifications/notify.ts';
import { sideOf } from './cases.policy.ts';

/**
 * A practitioner (or officer) assigned to a case is told so. The notice names the case by its reference and who
 * assigned it, never its title or content: those are read on the case, where access is checked and every read
 * audited. Sent in the transaction of the assignment.
 */
export interface AssignedParams {
  caseId: string;
  reference: string;
  by: string;
}

const T = {
  en: (p: AssignedParams, f: Formatter) => ({
    subject: `You are assigned to case ${f.ref(p.reference)}`,
    body: `${f.ref(p.by)} assigned you to this cooperation request. Open the case to see it and its timeline.`,
  }),
  fr: (p: AssignedParams, f: Formatter) => ({
    subject: `Le dossier ${f.ref(p.reference)} vous est attribué`,
    body: `${f.ref(p.by)} vous a attribué cette demande de coopération. Ouvrez le dossier pour la consulter avec son historique.`,
  }),
  es: (p: AssignedParams, f: Formatter) => ({
    subject: `Se le ha asignado el caso ${f.ref(p.reference)}`,
    body: `${f.ref(p.by)} le ha asignado esta solicitud de cooperación. Abra el caso para ver la solicitud y su cronología.`,
  }),
  ru: (p: AssignedParams, f: Formatter) => ({
    subject: `Вам поручено дело ${f.ref(p.reference)}`,
    body: `${f.ref(p.by)} поручил(а) вам этот запрос о сотрудничестве. Откройте дело, чтобы увидеть запрос и его хронологию.`,
  }),
  ar: (p: AssignedParams, f: Formatter) => ({
    subject: `أُسندت إليكم القضية ${f.ref(p.reference)}`,
    body: `أسند إليكم ${f.ref(p.by)} طلب التعاون هذا. افتحوا القضية للاطلاع عليها وعلى تسلسلها الزمني.`,
  }),
  zh: (p: AssignedParams, f: Formatter) => ({
    subject: `案件 ${f.ref(p.reference)} 已分配给您`,
    body: `${f.ref(p.by)} 已将此合作请求分配给您。请打开案件查看请求及其时间线。`,
  }),
};

export const assignedNotice = defineNotice<AssignedParams>({
  key: 'cases.assigned',
  module: 'cases',
  label: {
    en: 'I am assigned to a case',
    fr: 'Un dossier m’est attribué',
    es: 'Se me asigna un caso',
    ru: 'Мне поручено дело',
    ar: 'إسناد قضية إليّ',
    zh: '有案件分配给我',
  },
  defaults: { inApp: true, email: true },
  templates: T,
});

/** Tells the people newly assigned (not the one assigning), if they may see the case. */
export async function tellAssigned(trx: Transaction<Database>, c: { id: string; reference: string; owner_state: string; assignees: readonly string[] }, added: readonly string[], by: Actor) {
  const ids = added.filter((id) => by.kind !== 'user' || id !== by.id);
  if (ids.length === 0) return;
  await notify(trx, {
    kind: assignedNotice,
    recipients: ids,
    params: { caseId: c.id, reference: c.reference, by: by.kind === 'user' ? by.displayName : 'Palermo' },
    link: `/cases/${c.id}`,
    only: (u) => sideOf(u, c) !== null,
  });
}
