import { isValidLocalDate, localDateOf } from './office-time';

/**
 * Petitioners' ID numbers and phone numbers: validation, normalisation and the masked forms shown to viewers
 * without the PII permission (docs/rules.md, "Who sees what").
 */

/** The outcome of checking a piece of personal data: its canonical form, or a Chinese message for the form. */
export type PiiCheck = { ok: true; normalized: string } | { ok: false; message: string };

// GB 11643-1999, ISO 7064 MOD 11-2: weight i is 2^(17−i) mod 11; the remainder of the weighted sum picks the char.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

// Birth dates are Chinese calendar dates whatever zone the office runs in, so "today" is judged in China's zone.
const CHINA_TIME_ZONE = 'Asia/Shanghai';

const ID_FORMAT_MESSAGE = '身份证号码应为 18 位（前 17 位为数字，末位为数字或 X），或 15 位数字的旧号码';

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of an 18-character ID number. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('计算校验位需要 17 位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

function birthDateProblem(year: string, month: string, day: string, today: string): string | undefined {
  const date = `${year}-${month}-${day}`;
  if (!isValidLocalDate(date)) return '身份证号码中的出生日期不是有效日期';
  if (Number(year) < 1900) return '身份证号码中的出生年份不能早于 1900 年';
  // Strict YYYY-MM-DD strings compare in date order.
  if (date > today) return '身份证号码中的出生日期不能晚于今天';
  return undefined;
}

/**
 * Checks a Chinese resident ID number: the 18-character form (17 digits and a GB 11643-1999 check character,
 * lowercase x accepted) or the 15-digit legacy form (born 19YY). The birth date must exist, be no earlier than
 * 1900 and not lie after `today` ('YYYY-MM-DD', default: today in China).
 *
 * The normalised form is trimmed, NFKC-folded (full-width digits typed with a Chinese IME become ASCII) and upper
 * case. A 15-digit number stays 15 digits: it is what is printed on the old card; see {@link upgradeLegacyIdNumber}.
 */
export function validateIdNumber(raw: string, today: string = localDateOf(new Date(), CHINA_TIME_ZONE)): PiiCheck {
  const id = (raw ?? '').normalize('NFKC').trim().toUpperCase();
  if (id === '') return { ok: false, message: '请填写身份证号码' };

  if (/^\d{17}[\dX]$/.test(id)) {
    const problem = birthDateProblem(id.slice(6, 10), id.slice(10, 12), id.slice(12, 14), today);
    if (problem) return { ok: false, message: problem };
    if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, message: '身份证号码校验位不正确' };
    return { ok: true, normalized: id };
  }

  if (/^\d{15}$/.test(id)) {
    const problem = birthDateProblem(`19${id.slice(6, 8)}`, id.slice(8, 10), id.slice(10, 12), today);
    if (problem) return { ok: false, message: problem };
    return { ok: true, normalized: id };
  }

  return { ok: false, message: ID_FORMAT_MESSAGE };
}

/**
 * The 18-character number a 15-digit legacy ID number became: '19' inserted before the birth year and the check
 * character appended. The same person may give either form, so matching code can compare the upgraded values.
 */
export function upgradeLegacyIdNumber(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('只能升位 15 位数字的旧身份证号码');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idNumberCheckChar(first17);
}

/**
 * The ID number as shown without the PII permission: the first 6 (region) and last 4 characters, the middle
 * starred (`110101********1234`; 15 digits: `110101*****1234`). Anything too short to keep those is fully starred,
 * because showing 10 characters of a short value would show nearly all of it.
 */
export function maskIdNumber(normalized: string): string {
  const s = normalized ?? '';
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}

// Phone input as people type it: '+86 138-0013-8000', '(0571) 8888 8888'.
const PHONE_ALLOWED = /^[\d\s()+-]*$/;
const PHONE_MIN_DIGITS = 5;
const PHONE_MAX_DIGITS = 20;

/**
 * Checks a phone number: digits with spaces, '-', parentheses and one leading '+' as separators; 5–20 digits.
 * The normalised form is the digits alone, keeping the leading '+' of an international number
 * (`+86 138-0013-8000` → `+8613800138000`), so that the same number always hashes the same.
 */
export function validatePhone(raw: string): PiiCheck {
  const s = (raw ?? '').normalize('NFKC').trim();
  if (s === '') return { ok: false, message: '请填写电话号码' };
  if (!PHONE_ALLOWED.test(s)) return { ok: false, message: '电话号码只能包含数字、空格、“-”、“+”和括号' };
  const plus = s.indexOf('+');
  if (plus > 0 || s.lastIndexOf('+') !== plus) return { ok: false, message: '电话号码中的“+”只能出现在开头' };
  const digits = s.replace(/\D/g, '');
  if (digits.length < PHONE_MIN_DIGITS || digits.length > PHONE_MAX_DIGITS) {
    return { ok: false, message: `电话号码应为 ${PHONE_MIN_DIGITS}–${PHONE_MAX_DIGITS} 位数字` };
  }
  return { ok: true, normalized: (plus === 0 ? '+' : '') + digits };
}

/**
 * The phone number as shown without the PII permission. A mainland mobile (11 digits starting with 1, optionally
 * after +86/86) keeps its first 3 and last 4 digits (`138****5678`), the form people know from bank slips. Other
 * numbers keep at most the first 3 and last 2, fewer for short ones so that at least half is always hidden;
 * values under 5 characters are fully starred.
 */
export function maskPhone(raw: string): string {
  const s = (raw ?? '').normalize('NFKC').replace(/[^\d+]/g, '');
  const mobile = /^(\+?86)?(1\d{10})$/.exec(s);
  if (mobile) {
    const [, prefix = '', number] = mobile;
    return `${prefix}${number.slice(0, 3)}****${number.slice(7)}`;
  }
  const n = s.length;
  if (n < 5) return '*'.repeat(n);
  const head = Math.min(3, Math.floor(n / 4));
  const tail = Math.min(2, Math.floor(n / 4));
  return s.slice(0, head) + '*'.repeat(n - head - tail) + s.slice(n - tail);
}
