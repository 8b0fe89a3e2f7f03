/**
 * Chinese numerals as used in report headings (`一、` … `十、`, `(十一)`).
 */

const DIGITS = '〇一二三四五六七八九';

/**
 * Value of a Chinese numeral from 一 to 九十九 (`十一` = 11, `二十` = 20); null when the string
 * is not such a numeral.
 */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null;
  const d = (c: string) => {
    const i = DIGITS.indexOf(c);
    return i > 0 ? i : null;
  };
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? d(s) : null;
  if (s.indexOf('十', ten + 1) !== -1) return null;
  const tensPart = s.slice(0, ten);
  const onesPart = s.slice(ten + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? d(tensPart) : null;
  const ones = onesPart === '' ? 0 : onesPart.length === 1 ? d(onesPart) : null;
  if (tens === null || ones === null) return null;
  return tens * 10 + ones;
}

/** Chinese numeral for 1 … 99 (`11` → `十一`); throws outside that range (an assumption of the id scheme). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`toChineseNumeral: expected 1..99, got ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones];
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}
