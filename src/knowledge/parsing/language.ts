/** The parser detects a document's language the same way the reference extractor does. */
export { detectLanguage as detectLang } from '../extraction/language.ts';
