import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import type { Outcome } from '../entities/case-enums';

/**
 * The unified reply wording (统一答复口径, docs/rules.md "Unified reply wording") as plain rules: how replies and core
 * statements are compared, what makes a wording approvable, whether a reply conforms, and which earlier reply a
 * new one contradicts. The reply service calls `assertReplyConforms` on its one path; nothing here reads data.
 */

/** Punctuation that clerks type either way; NFKC already folds the full-width ASCII forms (，：；！？（）). */
const PUNCTUATION: Readonly<Record<string, string>> = { '。': '.', '、': ',', '“': '"', '”': '"', '‘': "'", '’': "'" };
const PUNCTUATION_RE = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'g');

/**
 * The form in which a core statement is looked for in a reply: Unicode NFKC, no whitespace at all, and the
 * Chinese full stop, enumeration comma and curly quotes mapped to their ASCII counterparts.
 */
export function normaliseForWording(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(PUNCTUATION_RE, (ch) => PUNCTUATION[ch]);
}

/** The core statements that do not appear, once both sides are normalised, in `body` (in their given order). */
export function missingStatements(body: string, statements: readonly string[]): string[] {
  const haystack = normaliseForWording(body);
  return statements.filter((s) => !haystack.includes(normaliseForWording(s)));
}

/** The placeholders a wording body may hold, each filled per case. */
export const WORDING_PLACEHOLDERS = ['petitionerName', 'serialNo', 'receivedDate'] as const;
export type WordingPlaceholder = (typeof WORDING_PLACEHOLDERS)[number];

const PLACEHOLDER_RE = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** True when `text` holds a `{{…}}` placeholder (core statements must hold none: they are compared verbatim). */
export function hasPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER_RE.source).test(text);
}

/** Fills the known placeholders of a wording body; unknown ones are left as written, for the clerk to see. */
export function fillPlaceholders(body: string, values: Readonly<Record<WordingPlaceholder, string>>): string {
  return body.replace(PLACEHOLDER_RE, (whole, name: string) => ((WORDING_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as WordingPlaceholder] : whole));
}

/** A local date `YYYY-MM-DD` as a reply writes it: 2026年3月31日. */
export function placeholderDate(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A wording can be approved only when it says what every reply must then say: at least one core statement, none
 * holding a placeholder or blank, each found in the wording's own body. Refused as BAD_USER_INPUT on
 * `coreStatements`, naming the offending statements in `extensions.missingStatements` / `invalidStatements`.
 */
export function assertApprovableWording(w: { body: string; coreStatements: readonly string[] }): void {
  if (!w.coreStatements.length) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, '答复口径须至少有一条核心表述', 'coreStatements');
  }
  const invalid = w.coreStatements.filter((s) => hasPlaceholder(s) || normaliseForWording(s) === '');
  if (invalid.length) {
    const field = `coreStatements.${w.coreStatements.indexOf(invalid[0])}`;
    throw new DomainError(ErrorCode.BAD_USER_INPUT, '核心表述不能为空，也不能含占位符（须逐字出现在每份答复中）', field, { invalidStatements: invalid });
  }
  const missing = missingStatements(w.body, w.coreStatements);
  if (missing.length) {
    const field = `coreStatements.${w.coreStatements.indexOf(missing[0])}`;
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `核心表述须出现在口径正文中，缺少：${missing.join('；')}`, field, { missingStatements: missing });
  }
}

/** A wording version as the reply check needs it. */
export interface WordingFacts {
  id: string;
  matterId: string;
  status: 'DRAFT' | 'APPROVED' | 'SUPERSEDED';
  outcome: Outcome;
  coreStatements: readonly string[];
}

/** A reply being made, as the checks need it. */
export interface ReplyFacts {
  /** The replying body: the lead unit, or the congress office. */
  unitId: string;
  outcome: Outcome;
  body: string;
  wordingId: string | null;
}

/** An earlier reply on the same matter. */
export interface EarlierReply {
  id: string;
  unitId: string;
  outcome: Outcome;
}

/**
 * The wording rule for a reply on a case of matter `matterId` (null: the case belongs to no matter).
 * `current` is the matter's APPROVED version, if any; `named` the version the reply names, if it names one the
 * replier may see. Throws REPLY_WORDING_MISMATCH or REPLY_WORDING_OUTDATED; returns quietly when the reply
 * conforms or no wording applies.
 */
export function assertReplyConforms(reply: ReplyFacts, matterId: string | null, current: WordingFacts | null, named: WordingFacts | null): void {
  if (named && named.matterId !== matterId) {
    throw new DomainError(ErrorCode.REPLY_WORDING_MISMATCH, '所引用的答复口径不属于该信访件的事项', 'wordingId');
  }
  if (!current) {
    if (named) throw new DomainError(ErrorCode.REPLY_WORDING_MISMATCH, '所引用的答复口径尚未批准，不能作为答复依据', 'wordingId');
    return;
  }
  if (!named) {
    throw new DomainError(ErrorCode.REPLY_WORDING_MISMATCH, '该事项已有批准的统一答复口径，答复须注明所依据的口径版本', 'wordingId', { currentWordingId: current.id });
  }
  if (named.id !== current.id) {
    if (named.status === 'SUPERSEDED') {
      throw new DomainError(ErrorCode.REPLY_WORDING_OUTDATED, '所引用的答复口径已被新版本取代，请按现行口径答复', 'wordingId', { currentWordingId: current.id });
    }
    throw new DomainError(ErrorCode.REPLY_WORDING_MISMATCH, '所引用的答复口径尚未批准，请按现行口径答复', 'wordingId', { currentWordingId: current.id });
  }
  const missing = missingStatements(reply.body, current.coreStatements);
  if (reply.outcome !== current.outcome) {
    throw new DomainError(ErrorCode.REPLY_WORDING_MISMATCH, '答复的处理结果与统一答复口径不一致', 'outcome', {
      currentWordingId: current.id,
      expectedOutcome: current.outcome,
      missingStatements: missing,
    });
  }
  if (missing.length) {
    throw new DomainError(ErrorCode.REPLY_WORDING_MISMATCH, `答复缺少统一答复口径的核心表述：${missing.join('；')}`, 'body', {
      currentWordingId: current.id,
      missingStatements: missing,
    });
  }
}

/**
 * Without an approved wording, the first earlier reply on the same matter by another body whose outcome differs
 * (处理意见"撞车"); undefined when the bodies agree so far. `earlier` is in the order the replies were made.
 */
export function conflictingReply<T extends EarlierReply>(reply: Pick<ReplyFacts, 'unitId' | 'outcome'>, earlier: readonly T[]): T | undefined {
  return earlier.find((r) => r.unitId !== reply.unitId && r.outcome !== reply.outcome);
}
