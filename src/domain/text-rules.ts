/**
 * Input hygiene (docs/rules.md, "API conventions"): how long each class of free text may be, which characters it may
 * hold, when a value counts as blank, and which instants an input may name. The schema's input decorators and the
 * README's table of limits are derived from the constants here, so a limit is changed in this file only.
 *
 * Lengths are counted in Unicode characters (code points), as both databases count `VARCHAR(n)`; an emoji is one
 * character, not the two UTF-16 units JavaScript's `length` would count.
 */

/** Names of people, units and users, titles, categories, search keywords and login names. */
export const NAME_MAX = 100;
/** Reasons, notes, opinions, instructions and answers. */
export const REASON_MAX = 2_000;
/** Summaries of a letter or visit. */
export const SUMMARY_MAX = 500;
/** Letter content, result reports, reply bodies and wording bodies. */
export const LONG_TEXT_MAX = 50_000;
/** Petitioners' addresses. */
export const ADDRESS_MAX = 300;
/** Machine-made or machine-read codes: unit codes, query codes, ID numbers and phone numbers as typed. */
export const CODE_MAX = 64;
/** Passwords, as typed at login and when set. */
export const PASSWORD_MAX = 128;
/** The shortest password that may be set (a login is only ever refused as wrong, never as short). */
export const PASSWORD_MIN = 8;

/** What a class of text allows. */
export interface TextRule {
  /** Longest accepted value, in characters. */
  readonly max: number;
  /** Shortest accepted value, in characters, where one applies. */
  readonly min?: number;
  /** Single-line text (names, titles, categories, codes) refuses line breaks as well as other control characters. */
  readonly singleLine: boolean;
  /** Even a required value may be all spaces: a password is compared, never read. */
  readonly blankAllowed?: boolean;
}

export const TEXT_RULES = {
  name: { max: NAME_MAX, singleLine: true },
  reason: { max: REASON_MAX, singleLine: false },
  summary: { max: SUMMARY_MAX, singleLine: false },
  longText: { max: LONG_TEXT_MAX, singleLine: false },
  address: { max: ADDRESS_MAX, singleLine: true },
  code: { max: CODE_MAX, singleLine: true },
  password: { max: PASSWORD_MAX, singleLine: true, blankAllowed: true },
  newPassword: { min: PASSWORD_MIN, max: PASSWORD_MAX, singleLine: true },
} as const satisfies Record<string, TextRule>;

export type TextKind = keyof typeof TEXT_RULES;

// Cc (U+0000–U+001F, U+007F–U+009F) other than tab and line feed; a carriage return only as half of a CRLF, the
// line break Windows clients send.
const CONTROL = /(?!\t|\n|\r\n)\p{Cc}/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
// A UTF-16 surrogate without its partner is no character at all; neither database can store it faithfully.
const LONE_SURROGATE = /\p{Surrogate}/u;
// Whitespace (which in JavaScript includes U+3000 and U+00A0) and the format characters that print nothing: soft
// hyphen, zero-width space/non-joiner/joiner, word joiner, byte-order mark, direction marks and the like (Cf).
const INVISIBLE = /[\s\p{Cf}]/gu;

/** Character count as the databases see it. */
export function characterCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** True when nothing would be seen once whitespace and invisible format characters are removed. */
export function isVisiblyBlank(value: string): boolean {
  return value.replace(INVISIBLE, '') === '';
}

export interface TextCheckOptions {
  /** A required value may not be blank (see {@link isVisiblyBlank}); an optional one may be empty. */
  required: boolean;
}

/**
 * What is wrong with `value` as text of class `kind`, as a Chinese sentence about `label` ("信访人姓名"), or
 * `undefined` when nothing is. The checks run in the order a person would fix them: characters, then length.
 */
export function textProblem(value: string, kind: TextKind, label: string, opts: TextCheckOptions): string | undefined {
  const rule: TextRule = TEXT_RULES[kind];
  if (LONE_SURROGATE.test(value)) return `${label}含有无效的字符编码`;
  if (CONTROL.test(value)) return `${label}不能包含控制字符`;
  if (rule.singleLine && LINE_BREAK.test(value)) return `${label}不能换行`;
  const n = characterCount(value);
  if (n > rule.max) return `${label}不超过 ${rule.max} 个字符（现为 ${n} 个）`;
  if (opts.required && !rule.blankAllowed && isVisiblyBlank(value)) return `${label}不能为空`;
  if (rule.min !== undefined && n < rule.min) return `${label}至少 ${rule.min} 个字符`;
  return undefined;
}

/** The limit of a class as the schema's field descriptions state it. */
export function describeTextLimit(kind: TextKind): string {
  const rule: TextRule = TEXT_RULES[kind];
  const length = rule.min !== undefined ? `${rule.min}–${rule.max} 个字符` : `不超过 ${rule.max} 个字符`;
  return rule.singleLine ? `${length}，不可换行` : length;
}

/** How far ahead of now an instant may lie: clocks differ, and a visit logged just after midnight may be dated ahead. */
export const FUTURE_ALLOWANCE_MS = 24 * 60 * 60 * 1000;
/** 1900-01-01T00:00 in the easternmost time zone (UTC+14): the first instant that is 1 January 1900 anywhere. */
export const EARLIEST_INSTANT = new Date(Date.UTC(1900, 0, 1) - 14 * 60 * 60 * 1000);

/**
 * What is wrong with an instant given as input (a receipt time and the like), as a Chinese sentence about
 * `label`, or `undefined`: it must be a real time from 1900 up to one day after `now`. Year 0 and far-future
 * dates are almost always typing errors, and outside 1000–9999 MySQL cannot store them at all.
 */
export function instantProblem(value: Date, label: string, now: Date = new Date()): string | undefined {
  const t = value.getTime();
  if (Number.isNaN(t)) return `${label}不是有效的时间`;
  if (t < EARLIEST_INSTANT.getTime()) return `${label}不能早于 1900 年`;
  if (t > now.getTime() + FUTURE_ALLOWANCE_MS) return `${label}不能晚于当前时间 1 天以上`;
  return undefined;
}

/** The range of {@link instantProblem} as the schema's field descriptions state it. */
export const INSTANT_RANGE_TEXT = '早于 1900 年或晚于当前时间 1 天以上的一律拒绝';
