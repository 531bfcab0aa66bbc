import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { pick, type Language, type Localized } from '../../platform/i18n/languages.ts';
import type { Formatter } from '../../platform/notifications/format.ts';
import { defineNotice } from '../../platform/notifications/kinds.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { getState } from '../../reference/reference.service.ts';

/**
 * What the requested State's officers are told when the exchange within the instance brings them something: a
 * request delivered as a new incoming case, or a progress query from the requesting State (18(24)). A notice
 * names the case by the references only, never its title or content: those are read on the case, where every
 * read is audited (and the first open is the retrieval evidence).
 */

export interface ExchangeParams {
  caseId: string;
  /** The incoming case's own reference, and the requesting side's as it quotes it. */
  reference: string;
  theirReference: string;
  fromState: string;
  fromStateNames: Localized;
}

const from = (p: ExchangeParams, f: Formatter) => f.ref(pick(p.fromStateNames, f.lang as Language) ?? p.fromState);

const DELIVERED = {
  en: (p: ExchangeParams, f: Formatter) => ({
    subject: `New request ${f.ref(p.reference)} received from ${from(p, f)}`,
    body: `The central authority of ${from(p, f)} sent a request (their reference ${f.ref(p.theirReference)}) through the platform. Open the case to register it.`,
  }),
  fr: (p: ExchangeParams, f: Formatter) => ({
    subject: `Nouvelle demande ${f.ref(p.reference)} reçue de : ${from(p, f)}`,
    body: `L’autorité centrale de l’État suivant : ${from(p, f)} a transmis une demande (sa référence ${f.ref(p.theirReference)}) par la plateforme. Ouvrez le dossier pour l’enregistrer.`,
  }),
  es: (p: ExchangeParams, f: Formatter) => ({
    subject: `Nueva solicitud ${f.ref(p.reference)} recibida de ${from(p, f)}`,
    body: `La autoridad central de ${from(p, f)} ha enviado una solicitud (su referencia ${f.ref(p.theirReference)}) a través de la plataforma. Abra el caso para registrarlo.`,
  }),
  ru: (p: ExchangeParams, f: Formatter) => ({
    subject: `Получен новый запрос ${f.ref(p.reference)} от государства: ${from(p, f)}`,
    body: `Центральный орган государства ${from(p, f)} направил запрос (его номер ${f.ref(p.theirReference)}) через платформу. Откройте дело, чтобы зарегистрировать его.`,
  }),
  ar: (p: ExchangeParams, f: Formatter) => ({
    subject: `ورد طلب جديد ${f.ref(p.reference)} من ${from(p, f)}`,
    body: `أرسلت السلطة المركزية في ${from(p, f)} طلبًا (مرجعها ${f.ref(p.theirReference)}) عبر المنصة. افتحوا القضية لتسجيلها.`,
  }),
  zh: (p: ExchangeParams, f: Formatter) => ({
    subject: `收到来自${from(p, f)}的新请求 ${f.ref(p.reference)}`,
    body: `${from(p, f)}中央机关已通过平台发送一项请求（对方编号 ${f.ref(p.theirReference)}）。请打开该案件进行登记。`,
  }),
};

const QUERIED = {
  en: (p: ExchangeParams, f: Formatter) => ({
    subject: `${from(p, f)} asks about the progress of request ${f.ref(p.reference)}`,
    body: `The requesting State asks about the progress of its request (their reference ${f.ref(p.theirReference)}). Open the case to answer (art. 18(24)).`,
  }),
  fr: (p: ExchangeParams, f: Formatter) => ({
    subject: `Demande d’information sur l’état d’avancement de la demande ${f.ref(p.reference)} (${from(p, f)})`,
    body: `L’État requérant s’informe de l’avancement de sa demande (sa référence ${f.ref(p.theirReference)}). Ouvrez le dossier pour répondre (art. 18, par. 24).`,
  }),
  es: (p: ExchangeParams, f: Formatter) => ({
    subject: `${from(p, f)} pregunta por el estado de la solicitud ${f.ref(p.reference)}`,
    body: `El Estado requirente pregunta por el avance de su solicitud (su referencia ${f.ref(p.theirReference)}). Abra el caso para responder (art. 18, párr. 24).`,
  }),
  ru: (p: ExchangeParams, f: Formatter) => ({
    subject: `${from(p, f)}: запрос о ходе исполнения просьбы ${f.ref(p.reference)}`,
    body: `Запрашивающее государство интересуется ходом исполнения своей просьбы (его номер ${f.ref(p.theirReference)}). Откройте дело, чтобы ответить (п. 24 ст. 18).`,
  }),
  ar: (p: ExchangeParams, f: Formatter) => ({
    subject: `تستفسر ${from(p, f)} عن سير الطلب ${f.ref(p.reference)}`,
    body: `تستفسر الدولة الطالبة عن سير طلبها (مرجعها ${f.ref(p.theirReference)}). افتحوا القضية للرد (الفقرة 24 من المادة 18).`,
  }),
  zh: (p: ExchangeParams, f: Formatter) => ({
    subject: `${from(p, f)}询问请求 ${f.ref(p.reference)} 的进展`,
    body: `请求国询问其请求（对方编号 ${f.ref(p.theirReference)}）的进展情况。请打开该案件作答（第十八条第二十四款）。`,
  }),
};

export const deliveredNotice = defineNotice<ExchangeParams>({
  key: 'cases.request-delivered',
  module: 'cases',
  label: {
    en: 'A request from another State arrives through the platform',
    fr: 'Une demande d’un autre État arrive par la plateforme',
    es: 'Llega por la plataforma una solicitud de otro Estado',
    ru: 'Через платформу поступает запрос другого государства',
    ar: 'ورود طلب من دولة أخرى عبر المنصة',
    zh: '通过平台收到另一国的请求',
  },
  defaults: { inApp: true, email: true },
  templates: DELIVERED,
});

export const queryNotice = defineNotice<ExchangeParams>({
  key: 'cases.progress-query',
  module: 'cases',
  label: {
    en: 'The requesting State asks about the progress of a request',
    fr: 'L’État requérant s’informe de l’avancement d’une demande',
    es: 'El Estado requirente pregunta por el avance de una solicitud',
    ru: 'Запрашивающее государство интересуется ходом исполнения просьбы',
    ar: 'استفسار الدولة الطالبة عن سير طلب',
    zh: '请求国询问请求的进展',
  },
  defaults: { inApp: true, email: true },
  templates: QUERIED,
});

/** Tells the incoming case's State officers (in the transaction that delivered the request or the query). */
export async function tellOfficers(
  trx: Transaction<Database>,
  kind: typeof deliveredNotice,
  c: { id: string; reference: string; owner_state: string; counterpart_state: string; counterpart_reference: string | null },
): Promise<void> {
  const names = await getState(trx, c.counterpart_state, 'en').then((s) => s.names, () => ({}));
  await notify(trx, {
    kind,
    recipients: { state: c.owner_state, roles: ['officer'] },
    params: { caseId: c.id, reference: c.reference, theirReference: c.counterpart_reference ?? '', fromState: c.counterpart_state, fromStateNames: names },
    link: `/cases/${c.id}`,
  });
}
