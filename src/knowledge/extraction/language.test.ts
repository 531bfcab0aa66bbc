import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it('uses the script, then stop words', () => {
    expect(detectLanguage('缔约方会议 Distr.: General 31 May 2016 第 8/2 号决议')).toBe('zh');
    expect(detectLanguage('مؤتمر الأطراف في اتفاقية الأمم المتحدة')).toBe('ar');
    expect(detectLanguage('Конференция Участников Конвенции')).toBe('ru');
    expect(detectLanguage('The Conference of the Parties to the Convention recalled its resolution')).toBe('en');
    expect(detectLanguage('La Conférence des Parties à la Convention rappelle sa résolution et les décisions')).toBe('fr');
    expect(detectLanguage('La Conferencia de las Partes en la Convención recordó su resolución y las decisiones')).toBe('es');
    expect(detectLanguage('')).toBe('en');
  });
});
