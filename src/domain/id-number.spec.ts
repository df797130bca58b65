import {
  idNumberCheckChar,
  maskIdNumber,
  maskPhone,
  upgradeLegacyIdNumber,
  validateIdNumber,
  validatePhone,
} from './id-number';

// An independent computation of the GB 11643-1999 check character, written from the ISO 7064 MOD 11-2 definition
// (weights 2^(17−i) mod 11, check value (12 − sum mod 11) mod 11, 10 written X) rather than from the module's tables.
function referenceCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}
const withCheck = (first17: string) => first17 + referenceCheckChar(first17);

const TODAY = '2026-03-31';
const expectOk = (raw: string, normalized: string, today = TODAY) =>
  expect(validateIdNumber(raw, today)).toEqual({ ok: true, normalized });
const messageOf = (raw: string, today = TODAY) => {
  const r = validateIdNumber(raw, today);
  if (r.ok) throw new Error(`expected ${raw} to be refused`);
  return r.message;
};

describe('referenceCheckChar (the test helper itself)', () => {
  it('agrees with the well-known sample 11010519491231002X and with hand-computed values', () => {
    expect(referenceCheckChar('11010519491231002')).toBe('X');
    // By hand: 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167 = 15·11 + 2,
    // and remainder 2 is 'X' in '10X98765432'.
    expect(referenceCheckChar('11010119900307761')).toBe('9');
  });
});

describe('validateIdNumber: 18-character numbers', () => {
  it('accepts the well-known valid sample 11010519491231002X', () => {
    expectOk('11010519491231002X', '11010519491231002X');
  });

  it('accepts a lowercase x and normalises it to uppercase', () => {
    expectOk('11010519491231002x', '11010519491231002X');
  });

  it('trims surrounding spaces and folds full-width digits', () => {
    expectOk('  11010519491231002X \t', '11010519491231002X');
    expectOk('１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X');
  });

  it('accepts numbers whose check digits are computed independently', () => {
    for (const first17 of [
      '11010119900307761',
      '44052419800101001',
      '31011520080808123',
      '51010719001231000',
      '65010120000229456',
    ]) {
      const id = withCheck(first17);
      expectOk(id, id);
    }
  });

  it('agrees with the reference check character on many generated numbers', () => {
    for (let i = 0; i < 500; i++) {
      const serial = String((i * 7919) % 1000).padStart(3, '0');
      const first17 = `3301${String(i % 100).padStart(2, '0')}19${String(50 + (i % 50))}0${1 + (i % 9)}1${i % 10}${serial}`;
      expect(idNumberCheckChar(first17)).toBe(referenceCheckChar(first17));
    }
  });

  it('refuses a wrong check digit', () => {
    // 110101199003077617 is often quoted as a sample but its check digit should be 9.
    expect(messageOf('110101199003077617')).toBe('身份证号码校验位不正确');
    expectOk('110101199003077619', '110101199003077619');
    expect(messageOf('110105194912310021')).toBe('身份证号码校验位不正确');
  });

  it('refuses every wrong check character for one number', () => {
    const first17 = '11010119900307761';
    for (const c of '0123456789X') {
      if (c === referenceCheckChar(first17)) continue;
      expect(messageOf(first17 + c)).toBe('身份证号码校验位不正确');
    }
  });

  it('refuses a birth date that does not exist, even with a correct check digit', () => {
    expect(messageOf(withCheck('11010119900230123'))).toMatch(/出生日期/); // 30 February
    expect(messageOf(withCheck('11010119900431123'))).toMatch(/出生日期/); // 31 April
    expect(messageOf(withCheck('11010119901301123'))).toMatch(/出生日期/); // month 13
    expect(messageOf(withCheck('11010119900100123'))).toMatch(/出生日期/); // day 0
    expect(messageOf(withCheck('11010119000229123'))).toMatch(/出生日期/); // 1900 was not a leap year
    expectOk(withCheck('11010120000229123'), withCheck('11010120000229123')); // 2000 was
  });

  it('refuses a birth date in the future and accepts one born today', () => {
    expect(messageOf(withCheck('11010120260401123'))).toBe('身份证号码中的出生日期不能晚于今天');
    expectOk(withCheck('11010120260331123'), withCheck('11010120260331123'));
  });

  it('judges "today" by the current date when none is given', () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    const r = validateIdNumber(withCheck(`110101${nextYear}0101123`));
    expect(r).toEqual({ ok: false, message: '身份证号码中的出生日期不能晚于今天' });
    expect(validateIdNumber('11010519491231002X')).toEqual({ ok: true, normalized: '11010519491231002X' });
  });

  it('refuses birth years before 1900', () => {
    expect(messageOf(withCheck('11010118991231123'))).toMatch(/1900/);
    expectOk(withCheck('11010119000101123'), withCheck('11010119000101123'));
  });

  it('refuses malformed input with a format message', () => {
    for (const raw of [
      '11010519491231002',
      '11010519491231002XX',
      '1101051949123100X2',
      'X10105194912310021',
      '110105 19491231 002X',
      '11010519491231002Y',
      'abcdefghijklmnopqr',
    ]) {
      expect(messageOf(raw)).toMatch(/18 位/);
    }
  });

  it('asks for a value when the input is empty or blank', () => {
    expect(messageOf('')).toBe('请填写身份证号码');
    expect(messageOf('   ')).toBe('请填写身份证号码');
  });
});

describe('validateIdNumber: 15-digit legacy numbers', () => {
  it('accepts a valid legacy number and reads its birth date as 19YYMMDD', () => {
    expectOk('110105491231002', '110105491231002');
    expectOk(' 440524800101001 ', '440524800101001');
  });

  it('refuses a legacy number with an impossible date', () => {
    expect(messageOf('110105490230002')).toMatch(/出生日期/); // 1949-02-30
    expect(messageOf('110105001301002')).toMatch(/出生日期/); // month 13
    expect(messageOf('110105000229002')).toMatch(/出生日期/); // 1900-02-29
    expectOk('110105960229002', '110105960229002'); // 1996-02-29
  });

  it('refuses 15 characters that are not all digits', () => {
    expect(messageOf('11010549123100X')).toMatch(/15 位/);
  });
});

describe('upgradeLegacyIdNumber', () => {
  it('inserts 19 before the year and appends the check character', () => {
    expect(upgradeLegacyIdNumber('110105491231002')).toBe('11010519491231002X');
    const upgraded = upgradeLegacyIdNumber('440524800101001');
    expect(upgraded).toBe(withCheck('44052419800101001'));
    expect(validateIdNumber(upgraded, TODAY).ok).toBe(true);
  });

  it('refuses anything but 15 digits', () => {
    expect(() => upgradeLegacyIdNumber('11010519491231002X')).toThrow(RangeError);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('110101900307123')).toBe('110101*****7123');
    expect(maskIdNumber('110101900301234')).toBe('110101*****1234');
  });

  it('stars values too short to mask meaningfully', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('validatePhone', () => {
  const ok = (raw: string, normalized: string) => expect(validatePhone(raw)).toEqual({ ok: true, normalized });
  const message = (raw: string) => {
    const r = validatePhone(raw);
    if (r.ok) throw new Error(`expected ${raw} to be refused`);
    return r.message;
  };

  it('keeps the digits and a leading plus', () => {
    ok('13800138000', '13800138000');
    ok(' 138-0013-8000 ', '13800138000');
    ok('+86 138 0013 8000', '+8613800138000');
    ok('(0571) 8888-8888', '057188888888');
    ok('１３８００１３８０００', '13800138000');
  });

  it('accepts 5 to 20 digits', () => {
    ok('12345', '12345');
    ok('1'.repeat(20), '1'.repeat(20));
    expect(message('1234')).toMatch(/5–20/);
    expect(message('1'.repeat(21))).toMatch(/5–20/);
    expect(message('-- ( ) --')).toMatch(/5–20/);
  });

  it('refuses letters and other characters', () => {
    expect(message('138-0013-800a')).toMatch(/只能包含/);
    expect(message('138.0013.8000')).toMatch(/只能包含/);
    expect(message('13800138000 转 123')).toMatch(/只能包含/);
  });

  it('allows the plus only at the start', () => {
    expect(message('138+00138000')).toMatch(/开头/);
    expect(message('++8613800138000')).toMatch(/开头/);
  });

  it('asks for a value when empty', () => {
    expect(message('')).toBe('请填写电话号码');
    expect(message('  ')).toBe('请填写电话号码');
  });
});

describe('maskPhone', () => {
  it('masks a mainland mobile as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86138****5678');
    expect(maskPhone('8613812345678')).toBe('86138****5678');
  });

  it('keeps at most the first 3 and last 2 of other numbers', () => {
    expect(maskPhone('057188888888')).toBe('057*******88');
    expect(maskPhone('88881234')).toBe('88****34');
    expect(maskPhone('+85221234567')).toBe('+85*******67');
  });

  it('hides at least half of short numbers and all of very short ones', () => {
    expect(maskPhone('12345')).toBe('1***5');
    expect(maskPhone('1234567')).toBe('1*****7');
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('')).toBe('');
  });

  it('never shows more than half of a non-mobile value', () => {
    for (let n = 1; n <= 20; n++) {
      const masked = maskPhone('9'.repeat(n));
      expect(masked).toHaveLength(n);
      expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(n / 2);
    }
  });
});
