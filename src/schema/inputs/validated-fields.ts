import { IsOptional, ValidationError, registerDecorator } from 'class-validator';
import { Arg, ArgumentValidationError, Field } from 'type-graphql';
import { validateIdNumber, validatePhone, type PiiCheck } from '../../domain/id-number';
import { INSTANT_RANGE_TEXT, describeTextLimit, instantProblem, textProblem, type TextKind } from '../../domain/text-rules';

/**
 * Decorators that declare an input field or a scalar argument together with its class of text (src/domain/text-rules):
 * the GraphQL field, its Chinese description stating the limit, and the check. Every failing field of an input
 * object and every failing text argument of a mutation is reported at once; the error mapper turns them into
 * `extensions.fieldErrors`.
 */

export interface TextFieldOptions {
  /** The field may be omitted or null; an empty value is then accepted too. */
  nullable?: boolean;
  /** Said after the label in the description, e.g. "将告知信访人". */
  note?: string;
}

const describe = (label: string, note: string | undefined, limit: string) => `${label}${note ? `：${note}` : ''}（${limit}）`;

/** Registers a class-validator check whose message is the problem `check` found (a domain rule's own function). */
export function checked(check: (value: unknown) => string | undefined): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'inputHygiene',
      target: target.constructor,
      propertyName: String(key),
      validator: {
        validate: (value: unknown) => check(value) === undefined,
        defaultMessage: (args) => check(args?.value) ?? '输入不合法',
      },
    });
}

function textField(kind: TextKind, label: string, opts: TextFieldOptions = {}): PropertyDecorator {
  return (target, key) => {
    Field(() => String, { nullable: opts.nullable, description: describe(label, opts.note, describeTextLimit(kind)) })(target, key);
    if (opts.nullable) IsOptional()(target, key);
    checked((v) => textProblem(String(v), kind, label, { required: !opts.nullable }))(target, key);
  };
}

/** A name, title, category or keyword: ≤ 100 characters on one line, not blank. */
export const Name = (label: string, opts?: TextFieldOptions) => textField('name', label, opts);
/** A reason, note, opinion or answer: ≤ 2,000 characters. */
export const Reason = (label: string, opts?: TextFieldOptions) => textField('reason', label, opts);
/** A summary: ≤ 500 characters. */
export const Summary = (label: string, opts?: TextFieldOptions) => textField('summary', label, opts);
/** Letter content, a report or a reply body: ≤ 50,000 characters. */
export const LongText = (label: string, opts?: TextFieldOptions) => textField('longText', label, opts);
/** A postal address: ≤ 300 characters on one line. */
export const Address = (label: string, opts?: TextFieldOptions) => textField('address', label, opts);
/** A password being set: 8–128 characters. */
export const NewPassword = (label: string, opts?: TextFieldOptions) => textField('newPassword', label, opts);

/**
 * A list of reason-class texts (each ≤ 2,000 characters, not blank), at most `maxItems` of them; the first problem
 * names the item by its place in the list ("第 2 条").
 */
export function ReasonList(label: string, maxItems: number): PropertyDecorator {
  return (target, key) => {
    Field(() => [String], { description: `${label}（至多 ${maxItems} 条，每条${describeTextLimit('reason')}）` })(target, key);
    checked((v) => {
      const items = Array.isArray(v) ? (v as unknown[]) : [];
      if (items.length > maxItems) return `${label}至多 ${maxItems} 条（现为 ${items.length} 条）`;
      for (const [i, item] of items.entries()) {
        const problem = textProblem(String(item), 'reason', `${label}第 ${i + 1} 条`, { required: true });
        if (problem) return problem;
      }
      return undefined;
    })(target, key);
  };
}

/** Optional personal data checked by its own domain rule after the hygiene of a short code; blank counts as absent. */
function personalDataField(label: string, note: string, rule: (raw: string) => PiiCheck): PropertyDecorator {
  return (target, key) => {
    Field(() => String, { nullable: true, description: `${label}：${note}` })(target, key);
    IsOptional()(target, key);
    checked((v) => {
      const raw = String(v);
      // the same test the petitioner service applies before it treats the value as absent
      if (raw.trim() === '') return undefined;
      const problem = textProblem(raw, 'code', label, { required: false });
      if (problem) return problem;
      const result = rule(raw);
      return result.ok ? undefined : result.message;
    })(target, key);
  };
}

/** A resident ID number: 18 characters with a valid check character, or the 15-digit legacy form. */
export const IdNumber = (label: string) => personalDataField(label, '18 位（含校验位）或 15 位旧号', (raw) => validateIdNumber(raw));
/** A phone number: 5–20 digits with the usual separators. */
export const Phone = (label: string) => personalDataField(label, '数字，可含空格、“-”、“+”和括号', validatePhone);

/** A DateTime input naming a real moment: from 1900 up to one day after now. */
export function Instant(label: string, opts: TextFieldOptions = {}): PropertyDecorator {
  return (target, key) => {
    Field(() => Date, { nullable: opts.nullable, description: describe(label, opts.note, INSTANT_RANGE_TEXT) })(target, key);
    if (opts.nullable) IsOptional()(target, key);
    checked((v) => instantProblem(v as Date, label))(target, key);
  };
}

interface TextArgRule {
  index: number;
  name: string;
  kind: TextKind;
  label: string;
  required: boolean;
}

// resolver prototype → method → its text arguments
const TEXT_ARGS = new WeakMap<object, Map<string | symbol, TextArgRule[]>>();

/** Every problem of every text argument of one call, so that a refusal names them all. */
function textArgErrors(rules: TextArgRule[], args: Record<string, unknown>): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const rule of [...rules].sort((a, b) => a.index - b.index)) {
    const value = args[rule.name];
    if (value === undefined || value === null) continue;
    const problem = textProblem(String(value), rule.kind, rule.label, { required: rule.required });
    if (problem) errors.push(Object.assign(new ValidationError(), { property: rule.name, constraints: { inputHygiene: problem }, children: [] }));
  }
  return errors;
}

/**
 * A scalar String argument of class `kind`. type-graphql validates each argument on its own; each text argument
 * of a method checks all of them, so whichever failure is reported first already lists every failing argument.
 */
export function TextArg(kind: TextKind, name: string, label: string, opts: TextFieldOptions = {}): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) throw new TypeError('TextArg decorates resolver method arguments only');
    const byMethod = TEXT_ARGS.get(target) ?? new Map<string | symbol, TextArgRule[]>();
    TEXT_ARGS.set(target, byMethod);
    const rules = byMethod.get(key) ?? [];
    byMethod.set(key, rules);
    rules.push({ index, name, kind, label, required: !opts.nullable });
    Arg(name, () => String, {
      nullable: opts.nullable,
      description: describe(label, opts.note, describeTextLimit(kind)),
      validateFn: (_value, _type, { args }) => {
        const errors = textArgErrors(rules, args);
        if (errors.length > 0) throw new ArgumentValidationError(errors);
      },
    })(target, key, index);
  };
}

/** A name-class argument (≤ 100 characters, one line), e.g. a login name. */
export const NameArg = (name: string, label: string, opts?: TextFieldOptions) => TextArg('name', name, label, opts);
/** A reason-class argument (≤ 2,000 characters): reasons, opinions, answers, review notes. */
export const ReasonArg = (name: string, label: string, opts?: TextFieldOptions) => TextArg('reason', name, label, opts);
/** A short code argument (≤ 64 characters, one line), e.g. a query code. */
export const CodeArg = (name: string, label: string, opts?: TextFieldOptions) => TextArg('code', name, label, opts);
/** A password as typed at login (≤ 128 characters). */
export const PasswordArg = (name: string, label: string, opts?: TextFieldOptions) => TextArg('password', name, label, opts);
/** A password being set (8–128 characters). */
export const NewPasswordArg = (name: string, label: string, opts?: TextFieldOptions) => TextArg('newPassword', name, label, opts);
