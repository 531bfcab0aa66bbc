import { assistanceForm, offence, person, propertyItem, type AssistanceForm, type Offence, type Person, type PropertyItem } from '../draft.schema.ts';

/**
 * New list items, complete with the schema's defaults, so what the wizard shows is what the API stores.
 * Ids are made here: crypto.randomUUID exists only on secure pages (HTTPS, localhost), getRandomValues everywhere.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const newPerson = (): Person => person.parse({ id: newId() });
export const newOffence = (): Offence => offence.parse({ id: newId() });
export const newProperty = (): PropertyItem => propertyItem.parse({ id: newId() });
export const newForm = (measure: string): AssistanceForm => assistanceForm.parse({ id: newId(), measure });
export const newIdentifier = () => ({ id: newId(), type: null, value: '', port: null });
export const newAttachment = () => ({ id: newId(), kind: null, title: '', description: '', pages: null, translated: false });
