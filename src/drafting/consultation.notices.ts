import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/database.ts';
import type { UserActor } from '../platform/auth/roles.ts';
import { pick, type Language, type Localized } from '../platform/i18n/languages.ts';
import { defineNotice } from '../platform/notifications/kinds.ts';
import type { Formatter } from '../platform/notifications/format.ts';
import { notify } from '../platform/notifications/notify.ts';
import { getState } from '../reference/reference.service.ts';
import { sideOf } from './drafting.policy.ts';
import type * as repo from './drafting.repository.ts';

/**
 * The consultation's notices (art. 18(13)): the requested State's central authority is told when a draft is
 * shared with it, and each side when the other comments. They say who and which draft, never the draft's title
 * or a comment's text: those are read on the draft itself, where every read is audited and access is checked
 * again (a share may have ended since). Sent in the transaction of the share or comment (platform `notify`).
 */

export interface ConsultationParams {
  draftId: string;
  reference: string;
  /** Who acted, as their account names them. */
  by: string;
  /** Their State, in the six languages (falls back to the code). */
  byState: string;
  byStateNames: Localized;
}

const state = (p: ConsultationParams, f: Formatter) => f.ref(pick(p.byStateNames, f.lang as Language) ?? p.byState);

const SHARED = {
  en: (p: ConsultationParams, f: Formatter) => ({
    subject: `Draft request ${f.ref(p.reference)} shared with your State for consultation`,
    body: `${f.ref(p.by)} (${state(p, f)}) shares a draft request with your central authority for consultation. You may read it and comment.`,
  }),
  fr: (p: ConsultationParams, f: Formatter) => ({
    subject: `Projet de demande ${f.ref(p.reference)} communiqué à votre État pour consultation`,
    body: `${f.ref(p.by)} (${state(p, f)}) communique un projet de demande à votre autorité centrale pour consultation. Vous pouvez le lire et le commenter.`,
  }),
  es: (p: ConsultationParams, f: Formatter) => ({
    subject: `Proyecto de solicitud ${f.ref(p.reference)} compartido con su Estado para consulta`,
    body: `${f.ref(p.by)} (${state(p, f)}) comparte un proyecto de solicitud con su autoridad central para consulta. Puede leerlo y comentarlo.`,
  }),
  ru: (p: ConsultationParams, f: Formatter) => ({
    subject: `Проект запроса ${f.ref(p.reference)} направлен вашему государству для консультаций`,
    body: `${f.ref(p.by)} (${state(p, f)}) направляет проект запроса вашему центральному органу для консультаций. Вы можете прочитать его и оставить комментарии.`,
  }),
  ar: (p: ConsultationParams, f: Formatter) => ({
    subject: `أُتيح مشروع الطلب ${f.ref(p.reference)} لدولتكم للتشاور`,
    body: `أتاح ${f.ref(p.by)} (${state(p, f)}) مشروع طلب لسلطتكم المركزية للتشاور. يمكنكم الاطلاع عليه والتعليق عليه.`,
  }),
  zh: (p: ConsultationParams, f: Formatter) => ({
    subject: `请求草案 ${f.ref(p.reference)} 已与贵国共享以供磋商`,
    body: `${f.ref(p.by)}（${state(p, f)}）已将一份请求草案与贵国中央机关共享以供磋商。您可以阅读并发表评论。`,
  }),
};

const COMMENTED = {
  en: (p: ConsultationParams, f: Formatter) => ({
    subject: `New comment on draft request ${f.ref(p.reference)}`,
    body: `${f.ref(p.by)} (${state(p, f)}) commented on the draft in the consultation. Open the draft to read the comment.`,
  }),
  fr: (p: ConsultationParams, f: Formatter) => ({
    subject: `Nouveau commentaire sur le projet de demande ${f.ref(p.reference)}`,
    body: `${f.ref(p.by)} (${state(p, f)}) a commenté le projet dans le cadre de la consultation. Ouvrez le projet pour lire le commentaire.`,
  }),
  es: (p: ConsultationParams, f: Formatter) => ({
    subject: `Nuevo comentario sobre el proyecto de solicitud ${f.ref(p.reference)}`,
    body: `${f.ref(p.by)} (${state(p, f)}) ha comentado el proyecto en la consulta. Abra el proyecto para leer el comentario.`,
  }),
  ru: (p: ConsultationParams, f: Formatter) => ({
    subject: `Новый комментарий к проекту запроса ${f.ref(p.reference)}`,
    body: `${f.ref(p.by)} (${state(p, f)}) оставил(а) комментарий к проекту в ходе консультаций. Откройте проект, чтобы прочитать комментарий.`,
  }),
  ar: (p: ConsultationParams, f: Formatter) => ({
    subject: `تعليق جديد على مشروع الطلب ${f.ref(p.reference)}`,
    body: `علّق ${f.ref(p.by)} (${state(p, f)}) على المشروع في إطار التشاور. افتحوا المشروع للاطلاع على التعليق.`,
  }),
  zh: (p: ConsultationParams, f: Formatter) => ({
    subject: `请求草案 ${f.ref(p.reference)} 有新评论`,
    body: `${f.ref(p.by)}（${state(p, f)}）在磋商中对草案发表了评论。请打开草案阅读评论。`,
  }),
};

export const sharedNotice = defineNotice<ConsultationParams>({
  key: 'drafting.shared',
  module: 'drafting',
  label: {
    en: 'A draft request is shared with my State for consultation',
    fr: 'Un projet de demande est communiqué à mon État pour consultation',
    es: 'Se comparte con mi Estado un proyecto de solicitud para consulta',
    ru: 'Проект запроса направлен моему государству для консультаций',
    ar: 'إتاحة مشروع طلب لدولتي للتشاور',
    zh: '有请求草案与我国共享以供磋商',
  },
  defaults: { inApp: true, email: true },
  templates: SHARED,
});

export const commentNotice = defineNotice<ConsultationParams>({
  key: 'drafting.comment',
  module: 'drafting',
  label: {
    en: 'New comments in a consultation on a draft request',
    fr: 'Nouveaux commentaires dans une consultation sur un projet de demande',
    es: 'Nuevos comentarios en una consulta sobre un proyecto de solicitud',
    ru: 'Новые комментарии в консультациях по проекту запроса',
    ar: 'تعليقات جديدة في التشاور بشأن مشروع طلب',
    zh: '请求草案磋商中的新评论',
  },
  defaults: { inApp: true, email: true },
  templates: COMMENTED,
});

type Trx = Transaction<Database>;

async function paramsOf(trx: Trx, draft: repo.DraftRow, u: UserActor & { state: string }): Promise<ConsultationParams> {
  const names = await getState(trx, u.state, 'en').then((s) => s.names, () => ({}));
  return { draftId: draft.id, reference: draft.reference, by: u.displayName, byState: u.state, byStateNames: names };
}

/** The requested State's officers (who may now see the draft in consultation) are told it is shared with them. */
export async function tellShared(trx: Trx, draft: repo.DraftRow, shareStates: string[], u: UserActor & { state: string }) {
  const requested = draft.requested_state!;
  await notify(trx, {
    kind: sharedNotice,
    recipients: { state: requested, roles: ['officer'] },
    params: await paramsOf(trx, draft, u),
    link: `/drafting/shared/${draft.id}`,
    exclude: [u.id],
    only: (a) => sideOf(a, { ...draft, shares: [...shareStates, requested] }) === 'consultation',
  });
}

/**
 * A comment the other side can read: from the consulted State, the owner side is told (the State's officers and
 * the drafter); from the owner side (audience "consultation"), the officers of the States it is shared with.
 */
export async function tellComment(trx: Trx, draft: repo.DraftRow, shareStates: string[], u: UserActor & { state: string }, fromConsultation: boolean) {
  const params = await paramsOf(trx, draft, u);
  if (fromConsultation) {
    await notify(trx, {
      kind: commentNotice,
      recipients: [{ state: draft.owner_state, roles: ['officer'] }, [draft.created_by]],
      params,
      link: `/drafting/${draft.id}`,
      exclude: [u.id],
      only: (a) => sideOf(a, { ...draft, shares: [] }) === 'owner',
    });
  } else if (shareStates.length > 0) {
    await notify(trx, {
      kind: commentNotice,
      recipients: shareStates.map((s) => ({ state: s, roles: ['officer'] as const })),
      params,
      link: `/drafting/shared/${draft.id}`,
      exclude: [u.id],
      only: (a) => sideOf(a, { ...draft, shares: shareStates }) === 'consultation',
    });
  }
}
