import { defineNotice } from '../../platform/notifications/kinds.ts';
import type { Formatter } from '../../platform/notifications/format.ts';

/**
 * The notice of a saved search that found new records, in the six UN languages (sent through the platform's
 * notification service by saved-searches.service.ts). The parameters are kept with each message, so the inbox
 * says it again in whatever language its reader uses later.
 */
export interface NewResultsParams {
  savedSearchId: string;
  /** The saved search's name, as its owner wrote it. */
  name: string;
  /** New records in all (more than listed when there are very many). */
  total: number;
  items: Array<{ id: string; title: string; type: string; lang: string; date: string | null }>;
}

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
/** The plural form for `n`, with {n} the number and {name} the isolated name. */
const say = (f: Formatter, forms: Forms, n: number, name: string) =>
  (forms[f.plural(n)] ?? forms.other).replace('{n}', f.number(n)).replace('{name}', f.ref(name));

const SUBJECT: Record<string, Forms> = {
  en: { one: '{n} new record for “{name}”', other: '{n} new records for “{name}”' },
  fr: { one: '{n} nouvelle fiche pour « {name} »', other: '{n} nouvelles fiches pour « {name} »' },
  es: { one: '{n} registro nuevo para “{name}”', other: '{n} registros nuevos para “{name}”' },
  ru: {
    one: '{n} новая запись по поиску «{name}»',
    few: '{n} новые записи по поиску «{name}»',
    many: '{n} новых записей по поиску «{name}»',
    other: '{n} новой записи по поиску «{name}»',
  },
  ar: {
    zero: 'لا توجد سجلات جديدة للبحث «{name}»',
    one: 'سجل جديد واحد للبحث «{name}»',
    two: 'سجلان جديدان للبحث «{name}»',
    few: '{n} سجلات جديدة للبحث «{name}»',
    many: '{n} سجلًا جديدًا للبحث «{name}»',
    other: '{n} سجل جديد للبحث «{name}»',
  },
  zh: { other: '“{name}”有 {n} 个新条目' },
};

/** Said when only the newest are listed. */
const LISTED: Record<string, Forms> = {
  en: { one: 'The newest is listed below.', other: 'The newest {n} are listed below.' },
  fr: { one: 'La plus récente figure ci-dessous.', other: 'Les {n} plus récentes figurent ci-dessous.' },
  es: { one: 'A continuación figura el más reciente.', other: 'A continuación figuran los {n} más recientes.' },
  ru: { one: 'Ниже приведена {n} самая новая.', few: 'Ниже приведены {n} самые новые.', many: 'Ниже приведены {n} самых новых.', other: 'Ниже приведены {n} самых новых.' },
  ar: { one: 'يرد أدناه أحدثها.', two: 'يرد أدناه أحدث سجلين.', few: 'ترد أدناه أحدث {n} سجلات.', many: 'ترد أدناه أحدث {n} سجلًا.', other: 'ترد أدناه أحدث {n} سجل.' },
  zh: { other: '以下列出最新的 {n} 个。' },
};

const template = (lang: string) => (p: NewResultsParams, f: Formatter) => ({
  subject: say(f, SUBJECT[lang]!, p.total, p.name),
  body: p.total > p.items.length ? say(f, LISTED[lang]!, p.items.length, p.name) : undefined,
  items: p.items.map((i) => ({ text: i.title, link: `/records/${i.id}`, lang: i.lang, detail: i.date ? f.date(i.date) : undefined })),
});

export const newResultsNotice = defineNotice<NewResultsParams>({
  key: 'saved-search.new-results',
  module: 'knowledge',
  label: {
    en: 'New records for my saved searches',
    fr: 'Nouvelles fiches pour mes recherches enregistrées',
    es: 'Nuevos registros para mis búsquedas guardadas',
    ru: 'Новые записи по моим сохраненным поискам',
    ar: 'سجلات جديدة لعمليات البحث التي حفظتها',
    zh: '我保存的检索有新条目',
  },
  // E-mail only for the searches whose owner asked for it (the search's own e-mail box), as before.
  defaults: { inApp: true, email: true },
  templates: { en: template('en'), fr: template('fr'), es: template('es'), ru: template('ru'), ar: template('ar'), zh: template('zh') },
});
