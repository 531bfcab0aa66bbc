import type { Language } from '../../platform/i18n/languages.ts';
import type { ObservationKind, ReviewStage, TaCategory } from '../review.vocabulary.ts';

/** The export's own words in the six UN languages (the reviews' texts are printed as their authors wrote them). */
export interface ExportLabels {
  title: string;
  confidential: string;
  published: string;
  cover: {
    reviewed: string; cycle: string; cluster: string; instruments: string; reviewing: string; startedOn: string;
    answersSubmitted: string; stage: string; exportedOn: string;
  };
  observationsOf: string;
  summaryOf: string;
  draft: string;
  notSubmitted: string;
  articles: string;
  category: string;
  annex: string;
  answer: string;
  explanation: string;
  values: { yes: string; no: string; partly: string };
  kinds: Record<ObservationKind, string>;
  stages: Record<ReviewStage, string>;
  ta: Record<TaCategory, string>;
}

const en: ExportLabels = {
  title: 'Review of implementation: outputs of the review',
  confidential: 'Confidential: only the reviewed State, its reviewing States and the secretariat see this document until the reviewed State publishes it.',
  published: 'Published by the reviewed State.',
  cover: {
    reviewed: 'Reviewed State', cycle: 'Review cycle', cluster: 'Thematic cluster', instruments: 'Instruments', reviewing: 'Reviewing States',
    startedOn: 'Review started on', answersSubmitted: 'Answers submitted on', stage: 'Stage', exportedOn: 'Exported on',
  },
  observationsOf: 'List of observations of the reviewing State: ',
  summaryOf: 'Summary of the reviewing State: ',
  draft: 'Draft, not yet submitted',
  notSubmitted: 'Not yet submitted.',
  articles: 'Articles',
  category: 'Category',
  annex: 'Annex: answers to the questionnaire',
  answer: 'Answer',
  explanation: 'Explanation',
  values: { yes: 'Yes', no: 'No', partly: 'Partly' },
  kinds: { gap: 'Gaps and challenges', good_practice: 'Good practices', suggestion: 'Suggestions', ta_need: 'Technical assistance needs' },
  stages: { nominating: 'Nominating', answering: 'Answering the questionnaire', desk_review: 'Desk review', observations: 'List of observations', summary: 'Summary', completed: 'Completed' },
  ta: {
    legislative_assistance: 'Legislative assistance', institution_building: 'Institution-building', policymaking: 'Policymaking',
    capacity_building: 'Capacity-building', research_data_collection: 'Research and data collection', international_cooperation: 'International cooperation',
    model_agreements: 'Model agreements', other: 'Other',
  },
};

const fr: ExportLabels = {
  title: 'Examen de l’application : résultats de l’examen',
  confidential: 'Confidentiel : seuls l’État examiné, ses États examinateurs et le secrétariat voient ce document tant que l’État examiné ne l’a pas publié.',
  published: 'Publié par l’État examiné.',
  cover: {
    reviewed: 'État examiné', cycle: 'Cycle d’examen', cluster: 'Groupe thématique', instruments: 'Instruments', reviewing: 'États examinateurs',
    startedOn: 'Début de l’examen', answersSubmitted: 'Réponses soumises le', stage: 'Étape', exportedOn: 'Exporté le',
  },
  observationsOf: 'Liste d’observations de l’État examinateur : ',
  summaryOf: 'Résumé de l’État examinateur : ',
  draft: 'Projet, pas encore soumis',
  notSubmitted: 'Pas encore soumis.',
  articles: 'Articles',
  category: 'Catégorie',
  annex: 'Annexe : réponses au questionnaire',
  answer: 'Réponse',
  explanation: 'Explication',
  values: { yes: 'Oui', no: 'Non', partly: 'En partie' },
  kinds: { gap: 'Lacunes et difficultés', good_practice: 'Bonnes pratiques', suggestion: 'Suggestions', ta_need: 'Besoins d’assistance technique' },
  stages: { nominating: 'Désignations', answering: 'Réponse au questionnaire', desk_review: 'Examen documentaire', observations: 'Liste d’observations', summary: 'Résumé', completed: 'Terminé' },
  ta: {
    legislative_assistance: 'Assistance législative', institution_building: 'Renforcement des institutions', policymaking: 'Élaboration des politiques',
    capacity_building: 'Renforcement des capacités', research_data_collection: 'Recherche et collecte de données', international_cooperation: 'Coopération internationale',
    model_agreements: 'Accords types', other: 'Autre',
  },
};

const es: ExportLabels = {
  title: 'Examen de la aplicación: resultados del examen',
  confidential: 'Confidencial: solo el Estado examinado, sus Estados examinadores y la secretaría ven este documento hasta que el Estado examinado lo publique.',
  published: 'Publicado por el Estado examinado.',
  cover: {
    reviewed: 'Estado examinado', cycle: 'Ciclo de examen', cluster: 'Grupo temático', instruments: 'Instrumentos', reviewing: 'Estados examinadores',
    startedOn: 'Inicio del examen', answersSubmitted: 'Respuestas presentadas el', stage: 'Etapa', exportedOn: 'Exportado el',
  },
  observationsOf: 'Lista de observaciones del Estado examinador: ',
  summaryOf: 'Resumen del Estado examinador: ',
  draft: 'Borrador, aún no presentado',
  notSubmitted: 'Aún no presentado.',
  articles: 'Artículos',
  category: 'Categoría',
  annex: 'Anexo: respuestas al cuestionario',
  answer: 'Respuesta',
  explanation: 'Explicación',
  values: { yes: 'Sí', no: 'No', partly: 'En parte' },
  kinds: { gap: 'Deficiencias y dificultades', good_practice: 'Buenas prácticas', suggestion: 'Sugerencias', ta_need: 'Necesidades de asistencia técnica' },
  stages: { nominating: 'Designaciones', answering: 'Respuesta al cuestionario', desk_review: 'Examen documental', observations: 'Lista de observaciones', summary: 'Resumen', completed: 'Concluido' },
  ta: {
    legislative_assistance: 'Asistencia legislativa', institution_building: 'Fortalecimiento institucional', policymaking: 'Formulación de políticas',
    capacity_building: 'Creación de capacidad', research_data_collection: 'Investigación y recopilación de datos', international_cooperation: 'Cooperación internacional',
    model_agreements: 'Acuerdos modelo', other: 'Otras',
  },
};

const ru: ExportLabels = {
  title: 'Обзор хода осуществления: итоговые документы обзора',
  confidential: 'Конфиденциально: до опубликования государством, проходящим обзор, этот документ видят только это государство, проводящие обзор государства и секретариат.',
  published: 'Опубликовано государством, проходящим обзор.',
  cover: {
    reviewed: 'Государство, проходящее обзор', cycle: 'Цикл обзора', cluster: 'Тематический блок', instruments: 'Документы', reviewing: 'Государства, проводящие обзор',
    startedOn: 'Начало обзора', answersSubmitted: 'Ответы представлены', stage: 'Этап', exportedOn: 'Дата экспорта',
  },
  observationsOf: 'Перечень замечаний проводящего обзор государства: ',
  summaryOf: 'Резюме проводящего обзор государства: ',
  draft: 'Проект, ещё не представлен',
  notSubmitted: 'Ещё не представлено.',
  articles: 'Статьи',
  category: 'Категория',
  annex: 'Приложение: ответы на вопросник',
  answer: 'Ответ',
  explanation: 'Пояснение',
  values: { yes: 'Да', no: 'Нет', partly: 'Частично' },
  kinds: { gap: 'Пробелы и трудности', good_practice: 'Успешные практические методы', suggestion: 'Предложения', ta_need: 'Потребности в технической помощи' },
  stages: { nominating: 'Назначения', answering: 'Ответы на вопросник', desk_review: 'Кабинетный обзор', observations: 'Перечень замечаний', summary: 'Резюме', completed: 'Завершён' },
  ta: {
    legislative_assistance: 'Помощь в законодательной сфере', institution_building: 'Институциональное строительство', policymaking: 'Разработка политики',
    capacity_building: 'Наращивание потенциала', research_data_collection: 'Исследования и сбор данных', international_cooperation: 'Международное сотрудничество',
    model_agreements: 'Типовые соглашения', other: 'Прочее',
  },
};

const zh: ExportLabels = {
  title: '实施情况审议：审议成果',
  confidential: '机密：在受审议国公布之前，只有受审议国、其审议国和秘书处可以查看本文件。',
  published: '已由受审议国公布。',
  cover: {
    reviewed: '受审议国', cycle: '审议周期', cluster: '专题组', instruments: '文书', reviewing: '审议国',
    startedOn: '审议开始日期', answersSubmitted: '答复提交日期', stage: '阶段', exportedOn: '导出日期',
  },
  observationsOf: '审议国的意见清单：',
  summaryOf: '审议国的摘要：',
  draft: '草稿，尚未提交',
  notSubmitted: '尚未提交。',
  articles: '条款',
  category: '类别',
  annex: '附件：对调查问卷的答复',
  answer: '答复',
  explanation: '说明',
  values: { yes: '是', no: '否', partly: '部分' },
  kinds: { gap: '差距和挑战', good_practice: '良好做法', suggestion: '建议', ta_need: '技术援助需求' },
  stages: { nominating: '提名', answering: '答复调查问卷', desk_review: '案头审议', observations: '意见清单', summary: '摘要', completed: '已完成' },
  ta: {
    legislative_assistance: '立法援助', institution_building: '机构建设', policymaking: '政策制定',
    capacity_building: '能力建设', research_data_collection: '研究和数据收集', international_cooperation: '国际合作',
    model_agreements: '示范协定', other: '其他',
  },
};

const ar: ExportLabels = {
  title: 'استعراض التنفيذ: نواتج الاستعراض',
  confidential: 'سري: لا يطّلع على هذه الوثيقة إلا الدولة المستعرَضة والدول المستعرِضة لها والأمانة، إلى أن تنشرها الدولة المستعرَضة.',
  published: 'نشرتها الدولة المستعرَضة.',
  cover: {
    reviewed: 'الدولة المستعرَضة', cycle: 'دورة الاستعراض', cluster: 'المجموعة المواضيعية', instruments: 'الصكوك', reviewing: 'الدول المستعرِضة',
    startedOn: 'تاريخ بدء الاستعراض', answersSubmitted: 'تاريخ تقديم الردود', stage: 'المرحلة', exportedOn: 'تاريخ التصدير',
  },
  observationsOf: 'قائمة ملاحظات الدولة المستعرِضة: ',
  summaryOf: 'موجز الدولة المستعرِضة: ',
  draft: 'مسودة، لم تُقدَّم بعد',
  notSubmitted: 'لم يُقدَّم بعد.',
  articles: 'المواد',
  category: 'الفئة',
  annex: 'المرفق: الردود على الاستبيان',
  answer: 'الرد',
  explanation: 'الشرح',
  values: { yes: 'نعم', no: 'لا', partly: 'جزئياً' },
  kinds: { gap: 'الثغرات والتحديات', good_practice: 'الممارسات الجيدة', suggestion: 'الاقتراحات', ta_need: 'الاحتياجات من المساعدة التقنية' },
  stages: { nominating: 'الترشيح', answering: 'الرد على الاستبيان', desk_review: 'الاستعراض المكتبي', observations: 'قائمة الملاحظات', summary: 'الموجز', completed: 'مكتمل' },
  ta: {
    legislative_assistance: 'المساعدة التشريعية', institution_building: 'بناء المؤسسات', policymaking: 'وضع السياسات',
    capacity_building: 'بناء القدرات', research_data_collection: 'البحث وجمع البيانات', international_cooperation: 'التعاون الدولي',
    model_agreements: 'الاتفاقات النموذجية', other: 'أخرى',
  },
};

export const EXPORT_LABELS: Record<Language, ExportLabels> = { ar, zh, en, fr, ru, es };
