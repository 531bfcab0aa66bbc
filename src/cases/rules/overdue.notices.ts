import type { Language } from '../../platform/i18n/languages.ts';
import { defineNotice } from '../../platform/notifications/kinds.ts';
import type { Formatter } from '../../platform/notifications/format.ts';

/**
 * The holding State's officers are told when a step of one of its cases becomes overdue (deadlines.ts): once per
 * step (refresh.job.ts remembers what it told), and again only if the step, explained with a new estimate, is
 * overdue once more. The notice names the case by its reference and the steps by their kind and due date, never
 * the case's title or content: those are read on the case, where access is checked and every read audited.
 */
export interface OverdueParams {
  caseId: string;
  reference: string;
  /** Each step that became overdue: its code (deadlines.ts) and the date it was due (an explained one: its new estimate). */
  steps: { step: string; dueAt: string }[];
}

/** What each step is called, in the six languages (an unknown code is shown as it is). */
export const STEP_LABELS: Record<string, Record<Language, string>> = {
  acknowledge: {
    en: 'Acknowledge receipt', fr: 'Accuser réception', es: 'Acusar recibo',
    ru: 'Подтвердить получение', ar: 'الإشعار بالاستلام', zh: '确认收到',
  },
  decide: {
    en: 'Decide on the request (accept, refuse or return)', fr: 'Statuer sur la demande (accepter, refuser ou renvoyer)', es: 'Decidir sobre la solicitud (aceptar, denegar o devolver)',
    ru: 'Принять решение по запросу (принять, отказать или вернуть)', ar: 'البتّ في الطلب (قبوله أو رفضه أو إعادته)', zh: '就请求作出决定（接受、拒绝或退回）',
  },
  execute: {
    en: 'Execute the request', fr: 'Exécuter la demande', es: 'Ejecutar la solicitud',
    ru: 'Исполнить запрос', ar: 'تنفيذ الطلب', zh: '执行请求',
  },
  'answer-query': {
    en: 'Answer the progress query (art. 18(24))', fr: 'Répondre à la demande d’information sur l’avancement (art. 18, par. 24)', es: 'Responder a la consulta sobre el estado de la tramitación (art. 18, párr. 24)',
    ru: 'Ответить на запрос о ходе исполнения (п. 24 ст. 18)', ar: 'الرد على الاستفسار عن سير التنفيذ (المادة 18، الفقرة 24)', zh: '答复进展询问（第十八条第二十四款）',
  },
  'supply-info': {
    en: 'Supply the additional information requested (art. 18(16))', fr: 'Fournir le complément d’information demandé (art. 18, par. 16)', es: 'Facilitar la información adicional solicitada (art. 18, párr. 16)',
    ru: 'Представить запрошенную дополнительную информацию (п. 16 ст. 18)', ar: 'تقديم المعلومات الإضافية المطلوبة (المادة 18، الفقرة 16)', zh: '提供所要求的补充资料（第十八条第十六款）',
  },
  deadline: {
    en: 'The case’s deadline', fr: 'Le délai fixé pour le dossier', es: 'El plazo fijado para el caso',
    ru: 'Срок, установленный по делу', ar: 'الموعد النهائي المحدد للقضية', zh: '案件的截止日期',
  },
};

const label = (step: string, lang: Language) => STEP_LABELS[step]?.[lang] ?? step;
const items = (p: OverdueParams, f: Formatter) => p.steps.map((s) => ({ text: label(s.step, f.lang), link: `/cases/${p.caseId}`, detail: f.date(s.dueAt) }));

const T = {
  en: (p: OverdueParams, f: Formatter) => ({
    subject: `Overdue on case ${f.ref(p.reference)}`,
    body: f.plural(p.steps.length) === 'one'
      ? 'This step is past its due date. Open the case to act, or to explain the delay with a new estimate.'
      : `These ${f.number(p.steps.length)} steps are past their due date. Open the case to act, or to explain the delay with a new estimate.`,
    items: items(p, f),
  }),
  fr: (p: OverdueParams, f: Formatter) => ({
    subject: `Retard sur le dossier ${f.ref(p.reference)}`,
    body: p.steps.length === 1
      ? 'Cette étape a dépassé son échéance. Ouvrez le dossier pour agir, ou pour justifier le retard en indiquant une nouvelle date prévue.'
      : `Ces ${f.number(p.steps.length)} étapes ont dépassé leur échéance. Ouvrez le dossier pour agir, ou pour justifier le retard en indiquant une nouvelle date prévue.`,
    items: items(p, f),
  }),
  es: (p: OverdueParams, f: Formatter) => ({
    subject: `Retraso en el caso ${f.ref(p.reference)}`,
    body: p.steps.length === 1
      ? 'Este paso ha superado su fecha límite. Abra el caso para actuar o para justificar el retraso con una nueva fecha prevista.'
      : `Estos ${f.number(p.steps.length)} pasos han superado su fecha límite. Abra el caso para actuar o para justificar el retraso con una nueva fecha prevista.`,
    items: items(p, f),
  }),
  ru: (p: OverdueParams, f: Formatter) => ({
    subject: `Просрочка по делу ${f.ref(p.reference)}`,
    body: `Просрочено этапов: ${f.number(p.steps.length)}. Откройте дело, чтобы выполнить действие или объяснить задержку и указать новый ожидаемый срок.`,
    items: items(p, f),
  }),
  ar: (p: OverdueParams, f: Formatter) => ({
    subject: `تأخير في القضية ${f.ref(p.reference)}`,
    body: `عدد الخطوات التي تجاوزت موعدها: ${f.number(p.steps.length)}. افتحوا القضية لاتخاذ الإجراء اللازم أو لتبرير التأخير مع تحديد موعد متوقع جديد.`,
    items: items(p, f),
  }),
  zh: (p: OverdueParams, f: Formatter) => ({
    subject: `案件 ${f.ref(p.reference)} 有逾期事项`,
    body: `已有 ${f.number(p.steps.length)} 个步骤超过期限。请打开案件采取行动，或说明延误原因并给出新的预计日期。`,
    items: items(p, f),
  }),
};

export const overdueNotice = defineNotice<OverdueParams>({
  key: 'cases.overdue',
  module: 'cases',
  label: {
    en: 'A step of one of my State’s cases is overdue',
    fr: 'Une étape d’un dossier de mon État est en retard',
    es: 'Un paso de un caso de mi Estado está atrasado',
    ru: 'Просрочен этап по делу моего государства',
    ar: 'تأخر خطوة في إحدى قضايا دولتي',
    zh: '我国某一案件的步骤已逾期',
  },
  defaults: { inApp: true, email: true },
  templates: T,
});
