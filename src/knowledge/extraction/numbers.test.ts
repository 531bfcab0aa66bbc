import { describe, expect, it } from 'vitest';
import { foldDigits, parseChineseNumeral, parseNumber, shadow, subparagraphLetter } from './numbers.ts';

describe('numbers', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('十八')).toBe(18);
    expect(parseChineseNumeral('二十')).toBe(20);
    expect(parseChineseNumeral('三十二')).toBe(32);
    expect(parseChineseNumeral('一百')).toBe(100);
    expect(parseChineseNumeral('二百二十二')).toBe(222);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('三\n\n十二')).toBe(32);
    expect(parseChineseNumeral('二〇一六')).toBe(2016);
    expect(parseChineseNumeral('条')).toBeNull();
  });
  it('folds full-width and Arabic-Indic digits', () => {
    expect(foldDigits('１８')).toBe('18');
    expect(foldDigits('١٨')).toBe('18');
    expect(foldDigits('۱۸')).toBe('18');
    expect(parseNumber('１ ８')).toBe(18);
    expect(parseNumber('十三')).toBe(13);
  });
  it('keeps the shadow the same length as the input', () => {
    const s = 'İstanbul １８ ١٨ Ünïcödé （a） ё آ ﬁ 𠀀 —';
    const sh = shadow(s);
    expect(sh.length).toBe(s.length);
    expect(sh).toContain('18 18');
    expect(sh).toContain('(a)');
  });
  it('maps sub-paragraph letters of every script to latin', () => {
    expect(subparagraphLetter('a')).toBe('a');
    expect(subparagraphLetter('أ')).toBe('a');
    expect(subparagraphLetter('ب')).toBe('b');
    expect(subparagraphLetter('ج')).toBe('c');
    expect(subparagraphLetter('د')).toBe('d');
    expect(subparagraphLetter('а')).toBe('a');
    expect(subparagraphLetter('б')).toBe('b');
    expect(subparagraphLetter('в')).toBe('c');
  });
});
