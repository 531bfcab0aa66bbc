/** Structure parser for UN Conference of the Parties (UNTOC) and working-group documents. */
export { parseUnDocument } from './parse.ts';
export { cleanPdfText } from './clean.ts';
export { toTextUnits } from './units.ts';
export { detectLang } from './language.ts';
export { detectAddressees } from './recommendations.ts';
export type * from './types.ts';
