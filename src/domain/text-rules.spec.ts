import {
  EARLIEST_INSTANT,
  LONG_TEXT_MAX,
  NAME_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  REASON_MAX,
  SUMMARY_MAX,
  TEXT_RULES,
  characterCount,
  describeTextLimit,
  instantProblem,
  isVisiblyBlank,
  textProblem,
  type TextKind,
} from './text-rules';

const required = { required: true };
const optional = { required: false };
const problem = (value: string, kind: TextKind, opts = required) => textProblem(value, kind, '字段', opts);

describe('the documented limits', () => {
  it('are the ones docs/rules.md states', () => {
    expect([NAME_MAX, REASON_MAX, SUMMARY_MAX, LONG_TEXT_MAX]).toEqual([100, 2000, 500, 50000]);
    expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([8, 128]);
    expect(TEXT_RULES.name.singleLine).toBe(true);
    expect(TEXT_RULES.reason.singleLine).toBe(false);
  });

  it('are stated in the schema descriptions as they are enforced', () => {
    expect(describeTextLimit('name')).toBe('不超过 100 个字符，不可换行');
    expect(describeTextLimit('longText')).toBe('不超过 50000 个字符');
    expect(describeTextLimit('newPassword')).toBe('8–128 个字符，不可换行');
  });
});

describe('characterCount', () => {
  it('counts characters as the databases do: an emoji or a rare CJK character outside the BMP is one', () => {
    expect(characterCount('张三')).toBe(2);
    expect(characterCount('😀')).toBe(1);
    expect(characterCount('𠀋')).toBe(1);
    expect('😀'.length).toBe(2);
  });
});

describe('textProblem: length', () => {
  it.each(Object.keys(TEXT_RULES) as TextKind[])('%s: accepts exactly the limit and refuses one more, naming both numbers', (kind) => {
    const max = TEXT_RULES[kind].max;
    expect(problem('字'.repeat(max), kind)).toBeUndefined();
    expect(problem('字'.repeat(max + 1), kind)).toBe(`字段不超过 ${max} 个字符（现为 ${max + 1} 个）`);
  });

  it('counts characters, not UTF-16 units: 100 emoji are a valid name', () => {
    expect(problem('😀'.repeat(NAME_MAX), 'name')).toBeUndefined();
    expect(problem('😀'.repeat(NAME_MAX + 1), 'name')).toMatch(/不超过 100 个字符/);
  });

  it('a new password has a minimum as well; a password typed at login has none', () => {
    expect(problem('1234567', 'newPassword')).toBe('字段至少 8 个字符');
    expect(problem('12345678', 'newPassword')).toBeUndefined();
    expect(problem('1', 'password')).toBeUndefined();
  });
});

describe('textProblem: characters', () => {
  it.each([
    ['NUL', '张\0三'],
    ['escape', '\x1b[31m红字'],
    ['bell', '响铃\x07'],
    ['vertical tab', 'a\x0bb'],
    ['form feed', 'a\x0cb'],
    ['DEL', 'a\x7fb'],
    ['C1 next line', 'a\x85b'],
    ['a lone carriage return', '第一行\r第二行'],
  ])('refuses %s in every class', (_label, value) => {
    for (const kind of Object.keys(TEXT_RULES) as TextKind[]) expect(problem(value, kind)).toBe('字段不能包含控制字符');
  });

  it('multi-line text keeps newlines (LF and CRLF) and tabs', () => {
    for (const kind of ['reason', 'summary', 'longText'] as const) {
      expect(problem('第一行\n第二行', kind)).toBeUndefined();
      expect(problem('第一行\r\n第二行', kind)).toBeUndefined();
      expect(problem('项目\t金额', kind)).toBeUndefined();
    }
  });

  it('single-line text refuses line breaks of every kind, but not a tab', () => {
    for (const value of ['张\n三', '张\r\n三', '张\u2028三', '张\u2029三']) expect(problem(value, 'name')).toBe('字段不能换行');
    expect(problem('张\t三', 'name')).toBeUndefined();
  });

  it('refuses a lone surrogate, which no database stores faithfully', () => {
    expect(problem('张\ud800三', 'reason')).toBe('字段含有无效的字符编码');
    expect(problem('张\udfff', 'name')).toBe('字段含有无效的字符编码');
  });

  it('reports characters before length, so the first fix offered is the one that matters', () => {
    expect(problem('\0'.repeat(NAME_MAX + 1), 'name')).toBe('字段不能包含控制字符');
  });
});

describe('blank values', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['ideographic spaces', '\u3000\u3000'],
    ['no-break spaces', '\u00a0'],
    ['zero-width space, non-joiner, joiner', '\u200b\u200c\u200d'],
    ['word joiner and byte-order mark', '\u2060\ufeff'],
    ['soft hyphens', '\u00ad\u00ad'],
    ['a mix with newlines', ' \u200b\n\t\ufeff '],
  ])('%s count as blank', (_label, value) => {
    expect(isVisiblyBlank(value)).toBe(true);
  });

  it('a visible character, even one after invisible ones, is not blank', () => {
    expect(isVisiblyBlank('\u200b张')).toBe(false);
    expect(isVisiblyBlank('-')).toBe(false);
  });

  it('a required name, reason or text that is blank is refused; an optional one may be empty', () => {
    expect(problem('\u200b\u200b', 'name')).toBe('字段不能为空');
    expect(problem('\u3000', 'reason')).toBe('字段不能为空');
    expect(problem('', 'longText')).toBe('字段不能为空');
    expect(problem('', 'reason', optional)).toBeUndefined();
    expect(problem('  ', 'name', optional)).toBeUndefined();
  });

  it('a password at login is compared, never judged blank', () => {
    expect(problem('        ', 'password')).toBeUndefined();
  });
});

describe('instantProblem', () => {
  const now = new Date('2026-03-31T12:00:00Z');
  const check = (iso: string) => instantProblem(new Date(iso), '收到时间', now);

  it('accepts times from 1900 to one day ahead', () => {
    expect(check('1900-01-01T00:00:00Z')).toBeUndefined();
    expect(check('1900-01-01T00:00:00+14:00')).toBeUndefined();
    expect(check('2026-03-31T12:00:00Z')).toBeUndefined();
    expect(check('2026-04-01T12:00:00Z')).toBeUndefined();
  });

  it('refuses year 0 and anything before 1900 everywhere on Earth', () => {
    expect(check('0000-01-01T00:00:00Z')).toBe('收到时间不能早于 1900 年');
    expect(check('1899-12-31T23:59:59+14:00')).toBe('收到时间不能早于 1900 年');
    expect(EARLIEST_INSTANT.toISOString()).toBe('1899-12-31T10:00:00.000Z');
  });

  it('refuses more than a day ahead, and far-future years', () => {
    expect(check('2026-04-01T12:00:01Z')).toBe('收到时间不能晚于当前时间 1 天以上');
    expect(check('9999-12-31T23:59:59Z')).toBe('收到时间不能晚于当前时间 1 天以上');
  });

  it('refuses an invalid date', () => {
    expect(instantProblem(new Date(Number.NaN), '收到时间', now)).toBe('收到时间不是有效的时间');
  });
});
