import type { Language } from '../../../platform/i18n/languages.ts';
import { ar } from './ar.ts';
import { en, type Labels } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ru } from './ru.ts';
import { zh } from './zh.ts';

export type { Labels } from './en.ts';

/** The fixed headings and labels of the documents, in the six UN languages. */
export const LABELS: Record<Language, Labels> = { ar, zh, en, fr, ru, es };
