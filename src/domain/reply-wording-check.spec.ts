import { thrown } from '../../test/harness/domain-errors';
import { ErrorCode } from '../errors/error-code';
import { Outcome } from '../entities/case-enums';
import {
  assertApprovableWording,
  assertReplyConforms,
  conflictingReply,
  fillPlaceholders,
  hasPlaceholder,
  missingStatements,
  normaliseForWording,
  placeholderDate,
  type WordingFacts,
} from './reply-wording-check';

const CORE = ['补偿款已按省定标准足额发放', '如对答复不服，可在收到答复之日起30日内申请复查。'];
const approved: WordingFacts = { id: 'w2', matterId: 'm1', status: 'APPROVED', outcome: Outcome.EXPLAINED, coreStatements: CORE };
const superseded: WordingFacts = { ...approved, id: 'w1', status: 'SUPERSEDED' };
const draft: WordingFacts = { ...approved, id: 'w3', status: 'DRAFT' };
const conforming = '张三：经核查，补偿款已按省定标准足额发放。如对答复不服，可在收到答复之日起30日内申请复查。';

describe('normaliseForWording', () => {
  it('folds full-width forms (NFKC), drops every kind of whitespace and maps the Chinese punctuation', () => {
    expect(normaliseForWording('ＡＢＣ１２３，（注）')).toBe('ABC123,(注)');
    expect(normaliseForWording(' 补偿\t款\n已 发放\u3000　')).toBe('补偿款已发放');
    expect(normaliseForWording('甲、乙。“丙”‘丁’')).toBe('甲,乙."丙"\'丁\'');
  });

  it('makes a full-width and a half-width spelling of one sentence equal', () => {
    expect(normaliseForWording('收到答复之日起 30 日内，可申请复查。')).toBe(normaliseForWording('收到答复之日起３０日内,可申请复查.'));
  });
});

describe('missingStatements', () => {
  it('finds every statement present despite spacing and punctuation width, and lists the absent ones in order', () => {
    const body = '经核查，补偿款 已按省定标准 足额发放.如对答复不服,可在收到答复之日起 ３０ 日内申请复查.';
    expect(missingStatements(body, CORE)).toEqual([]);
    expect(missingStatements('补偿款已发放。', CORE)).toEqual(CORE);
    expect(missingStatements('补偿款已按省定标准足额发放', CORE)).toEqual([CORE[1]]);
  });

  it('does not accept a statement with a word changed', () => {
    expect(missingStatements('补偿款已按市定标准足额发放', [CORE[0]])).toEqual([CORE[0]]);
  });
});

describe('placeholders', () => {
  it('are recognised and filled; unknown ones stay as written', () => {
    expect(hasPlaceholder('{{petitionerName}}：您好')).toBe(true);
    expect(hasPlaceholder('{{ serialNo }}')).toBe(true);
    expect(hasPlaceholder('没有占位符 {单括号}')).toBe(false);
    expect(fillPlaceholders('{{petitionerName}}：您于{{receivedDate}}的来信（{{ serialNo }}）{{other}}', { petitionerName: '张三、李四', serialNo: '2026-000001', receivedDate: '2026年3月31日' })).toBe(
      '张三、李四：您于2026年3月31日的来信（2026-000001）{{other}}',
    );
    expect(placeholderDate('2026-03-01')).toBe('2026年3月1日');
    expect(placeholderDate('2025-12-31')).toBe('2025年12月31日');
  });
});

describe('assertApprovableWording', () => {
  it('accepts a wording whose core statements all appear in its body', () => {
    expect(() => assertApprovableWording({ body: `{{petitionerName}}：${conforming}`, coreStatements: CORE })).not.toThrow();
  });

  it('refuses a wording without core statements', () => {
    const e = thrown(() => assertApprovableWording({ body: conforming, coreStatements: [] }));
    expect([e.code, e.field]).toEqual([ErrorCode.BAD_USER_INPUT, 'coreStatements']);
  });

  it('refuses a core statement missing from the body, naming it', () => {
    const e = thrown(() => assertApprovableWording({ body: '补偿款已按省定标准足额发放。', coreStatements: CORE }));
    expect([e.code, e.field]).toEqual([ErrorCode.BAD_USER_INPUT, 'coreStatements.1']);
    expect(e.details.missingStatements).toEqual([CORE[1]]);
  });

  it('refuses a core statement holding a placeholder or nothing but whitespace', () => {
    for (const bad of ['{{petitionerName}}的补偿款已发放', ' \u3000 ']) {
      const e = thrown(() => assertApprovableWording({ body: `${bad}${conforming}`, coreStatements: [CORE[0], bad] }));
      expect([e.code, e.field]).toEqual([ErrorCode.BAD_USER_INPUT, 'coreStatements.1']);
      expect(e.details.invalidStatements).toEqual([bad]);
    }
  });
});

describe('assertReplyConforms', () => {
  const reply = (over: Partial<{ outcome: Outcome; body: string; wordingId: string | null }> = {}) => ({
    unitId: 'court',
    outcome: Outcome.EXPLAINED,
    body: conforming,
    wordingId: 'w2',
    ...over,
  });

  it('accepts a reply naming the current version, with its outcome and every core statement', () => {
    expect(() => assertReplyConforms(reply({ body: `张三：补偿款 已按省定标准足额发放.如对答复不服,可在收到答复之日起３０日内申请复查.` }), 'm1', approved, approved)).not.toThrow();
  });

  it('lets any reply through on a matter without an approved wording, or on a case without a matter', () => {
    expect(() => assertReplyConforms(reply({ wordingId: null, body: '随便' }), 'm1', null, null)).not.toThrow();
    expect(() => assertReplyConforms(reply({ wordingId: null }), null, null, null)).not.toThrow();
  });

  it('refuses a reply naming no wording where one is approved (MISMATCH)', () => {
    const e = thrown(() => assertReplyConforms(reply({ wordingId: null }), 'm1', approved, null));
    expect([e.code, e.field, e.details.currentWordingId]).toEqual([ErrorCode.REPLY_WORDING_MISMATCH, 'wordingId', 'w2']);
  });

  it('refuses a superseded version as OUTDATED and a draft as MISMATCH', () => {
    expect(thrown(() => assertReplyConforms(reply({ wordingId: 'w1' }), 'm1', approved, superseded)).code).toBe(ErrorCode.REPLY_WORDING_OUTDATED);
    expect(thrown(() => assertReplyConforms(reply({ wordingId: 'w3' }), 'm1', approved, draft)).code).toBe(ErrorCode.REPLY_WORDING_MISMATCH);
    expect(thrown(() => assertReplyConforms(reply({ wordingId: 'w3' }), 'm1', null, draft)).code).toBe(ErrorCode.REPLY_WORDING_MISMATCH);
  });

  it('refuses a wording of another matter', () => {
    const e = thrown(() => assertReplyConforms(reply(), 'm2', null, approved));
    expect([e.code, e.field]).toEqual([ErrorCode.REPLY_WORDING_MISMATCH, 'wordingId']);
    expect(thrown(() => assertReplyConforms(reply(), null, null, approved)).code).toBe(ErrorCode.REPLY_WORDING_MISMATCH);
  });

  it('refuses another outcome on field outcome, and missing statements on field body, listing them', () => {
    const outcome = thrown(() => assertReplyConforms(reply({ outcome: Outcome.SUPPORTED }), 'm1', approved, approved));
    expect([outcome.code, outcome.field, outcome.details.expectedOutcome]).toEqual([ErrorCode.REPLY_WORDING_MISMATCH, 'outcome', Outcome.EXPLAINED]);
    const body = thrown(() => assertReplyConforms(reply({ body: '补偿款已按省定标准足额发放。' }), 'm1', approved, approved));
    expect([body.code, body.field, body.details.missingStatements]).toEqual([ErrorCode.REPLY_WORDING_MISMATCH, 'body', [CORE[1]]]);
  });
});

describe('conflictingReply', () => {
  const earlier = [
    { id: 'r1', unitId: 'court', outcome: Outcome.EXPLAINED },
    { id: 'r2', unitId: 'gov', outcome: Outcome.NOT_SUPPORTED },
  ];

  it('names the first earlier reply of another body with another outcome', () => {
    expect(conflictingReply({ unitId: 'office', outcome: Outcome.SUPPORTED }, earlier)?.id).toBe('r1');
    expect(conflictingReply({ unitId: 'court', outcome: Outcome.EXPLAINED }, earlier)?.id).toBe('r2');
  });

  it('lets a body change its own answer and lets bodies that agree through', () => {
    expect(conflictingReply({ unitId: 'court', outcome: Outcome.SUPPORTED }, earlier.slice(0, 1))).toBeUndefined();
    expect(conflictingReply({ unitId: 'office', outcome: Outcome.EXPLAINED }, earlier.slice(0, 1))).toBeUndefined();
    expect(conflictingReply({ unitId: 'office', outcome: Outcome.EXPLAINED }, [])).toBeUndefined();
  });
});
