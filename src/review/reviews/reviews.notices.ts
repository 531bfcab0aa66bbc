import type { Transaction } from 'kysely';
import type { Database, Db } from '../../platform/db/database.ts';
import type { Language, Localized } from '../../platform/i18n/languages.ts';
import type { Formatter } from '../../platform/notifications/format.ts';
import { defineNotice } from '../../platform/notifications/kinds.ts';
import { notify } from '../../platform/notifications/notify.ts';

/**
 * What the review tells people: an invitation to take part in a review (the link expires), and a step that became
 * overdue. Notices name the reviewed State and the step, never the review's content.
 */
type Conn = Db | Transaction<Database>;

const ROLE: Record<Language, Record<string, string>> = {
  en: { focal_point: 'focal point', expert: 'governmental expert', observer: 'observer' },
  fr: { focal_point: 'point de contact', expert: 'expert gouvernemental', observer: 'observateur' },
  es: { focal_point: 'coordinador', expert: 'experto gubernamental', observer: 'observador' },
  ru: { focal_point: 'координатор', expert: 'правительственный эксперт', observer: 'наблюдатель' },
  ar: { focal_point: 'جهة الوصل', expert: 'خبير حكومي', observer: 'مراقب' },
  zh: { focal_point: '联络人', expert: '政府专家', observer: '观察员' },
};
const name = (n: Localized, lang: Language) => n[lang] ?? n.en ?? '';

export interface InvitationParams { reviewed: Localized; role: string; expiresOn: string }

export const invitationNotice = {
  kind: defineNotice<InvitationParams>({
    key: 'review.invited',
    module: 'review',
    label: { en: 'I am invited to a review', fr: 'Je suis invité à un examen', es: 'Se me invita a un examen', ru: 'Меня приглашают к обзору', ar: 'دعوتي إلى استعراض', zh: '我被邀请参加审议' },
    defaults: { inApp: true, email: true },
    templates: {
      en: (p, f: Formatter) => ({ subject: `You are invited to the review of ${f.ref(name(p.reviewed, 'en'))} as ${ROLE.en[p.role]}`, body: `Open the link to accept before ${f.date(p.expiresOn)}.` }),
      fr: (p, f) => ({ subject: `Vous êtes invité à l’examen de ${f.ref(name(p.reviewed, 'fr'))} en tant que ${ROLE.fr[p.role]}`, body: `Ouvrez le lien pour accepter avant le ${f.date(p.expiresOn)}.` }),
      es: (p, f) => ({ subject: `Se le invita al examen de ${f.ref(name(p.reviewed, 'es'))} como ${ROLE.es[p.role]}`, body: `Abra el enlace para aceptar antes del ${f.date(p.expiresOn)}.` }),
      ru: (p, f) => ({ subject: `Вас приглашают к обзору: ${f.ref(name(p.reviewed, 'ru'))}, роль — ${ROLE.ru[p.role]}`, body: `Откройте ссылку, чтобы принять приглашение до ${f.date(p.expiresOn)}.` }),
      ar: (p, f) => ({ subject: `أنتم مدعوون إلى استعراض ${f.ref(name(p.reviewed, 'ar'))} بصفة ${ROLE.ar[p.role]}`, body: `افتحوا الرابط لقبول الدعوة قبل ${f.date(p.expiresOn)}.` }),
      zh: (p, f) => ({ subject: `您受邀以${ROLE.zh[p.role]}身份参加对${f.ref(name(p.reviewed, 'zh'))}的审议`, body: `请在 ${f.date(p.expiresOn)} 之前打开链接接受邀请。` }),
    },
  }),
  send: (db: Conn, userId: string, params: InvitationParams, link: string) => notify(db, { kind: invitationNotice.kind, recipients: [userId], params, link }),
};

export interface OverdueParams { reviewed: Localized; step: string; state: string; dueOn: string }

const STEP: Record<Language, Record<string, string>> = {
  en: { focal_point: 'nominating the focal point', experts: 'nominating the governmental experts', answers: 'the answers to the questionnaire', feedback: 'the written feedback', clarification: 'a reply to a request for clarification' },
  fr: { focal_point: 'la désignation du point de contact', experts: 'la désignation des experts gouvernementaux', answers: 'les réponses au questionnaire', feedback: 'les observations écrites', clarification: 'une réponse à une demande d’éclaircissement' },
  es: { focal_point: 'la designación del coordinador', experts: 'la designación de los expertos gubernamentales', answers: 'las respuestas al cuestionario', feedback: 'las observaciones escritas', clarification: 'una respuesta a una solicitud de aclaración' },
  ru: { focal_point: 'назначение координатора', experts: 'назначение правительственных экспертов', answers: 'ответы на вопросник', feedback: 'письменные замечания', clarification: 'ответ на запрос о разъяснении' },
  ar: { focal_point: 'تسمية جهة الوصل', experts: 'تسمية الخبراء الحكوميين', answers: 'الردود على الاستبيان', feedback: 'التعليقات الكتابية', clarification: 'الرد على طلب توضيح' },
  zh: { focal_point: '指定联络人', experts: '指定政府专家', answers: '调查问卷的答复', feedback: '书面反馈', clarification: '对澄清请求的答复' },
};

export const overdueNotice = defineNotice<OverdueParams>({
  key: 'review.overdue',
  module: 'review',
  label: { en: 'A step of a review is overdue', fr: 'Une étape d’un examen est en retard', es: 'Un paso de un examen está atrasado', ru: 'Этап обзора просрочен', ar: 'تأخر خطوة من خطوات الاستعراض', zh: '审议的某一步骤已逾期' },
  defaults: { inApp: true, email: true },
  templates: {
    en: (p, f) => ({ subject: `Review of ${f.ref(name(p.reviewed, 'en'))}: ${STEP.en[p.step]} (${f.ref(p.state)}) was due on ${f.date(p.dueOn)}` }),
    fr: (p, f) => ({ subject: `Examen de ${f.ref(name(p.reviewed, 'fr'))} : ${STEP.fr[p.step]} (${f.ref(p.state)}) était attendu pour le ${f.date(p.dueOn)}` }),
    es: (p, f) => ({ subject: `Examen de ${f.ref(name(p.reviewed, 'es'))}: ${STEP.es[p.step]} (${f.ref(p.state)}) vencía el ${f.date(p.dueOn)}` }),
    ru: (p, f) => ({ subject: `Обзор: ${f.ref(name(p.reviewed, 'ru'))} — срок для этапа «${STEP.ru[p.step]}» (${f.ref(p.state)}) истёк ${f.date(p.dueOn)}` }),
    ar: (p, f) => ({ subject: `استعراض ${f.ref(name(p.reviewed, 'ar'))}: كان موعد ${STEP.ar[p.step]} (${f.ref(p.state)}) في ${f.date(p.dueOn)}` }),
    zh: (p, f) => ({ subject: `对${f.ref(name(p.reviewed, 'zh'))}的审议：${STEP.zh[p.step]}（${f.ref(p.state)}）应于 ${f.date(p.dueOn)} 完成` }),
  },
});
