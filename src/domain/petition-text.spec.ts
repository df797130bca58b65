import { normalisePetitionText, parseChineseNumber, petitionTerms, TERM_WEIGHT, termKey } from './petition-text';

describe('petition text (docs/rules.md "Similar petitions")', () => {
  it('reads numbers written in words, in figures and mixed as one value', () => {
    expect(parseChineseNumber('三万二千')).toBe(32000);
    expect(parseChineseNumber('三万二')).toBe(32000);
    expect(parseChineseNumber('3.2万')).toBe(32000);
    expect(parseChineseNumber('3万2千')).toBe(32000);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('一千五')).toBe(1500);
    expect(parseChineseNumber('二〇二三')).toBe(2023);
    expect(parseChineseNumber('四百八十')).toBe(480);
  });

  it('writes 三万二千元, 3.2万元, 32,000元 and ３２０００元 as one amount', () => {
    const amounts = ['每亩少了三万二千元', '每亩少了3.2万元', '每亩少了32,000元', '每亩少了３２０００元'].map((t) => normalisePetitionText(t).amounts);
    for (const a of amounts) expect(a).toEqual(['#32000元']);
  });

  it('keeps the unit with the amount, and leaves words that only look like numerals alone', () => {
    expect(normalisePetitionText('占地六亩，补偿六万元').amounts).toEqual(['#6亩', '#60000元']);
    expect(normalisePetitionText('一直没有答复，万一出事').amounts).toEqual([]);
  });

  it('writes the long and short names of bodies alike', () => {
    const short = normalisePetitionText('县法院不立案').segments.join('|');
    expect(normalisePetitionText('示范县人民法院不立案').segments.join('|')).toBe(short);
    expect(normalisePetitionText('县人民政府').segments).toEqual(normalisePetitionText('县政府').segments);
    expect(normalisePetitionText('人力资源和社会保障局').segments).toEqual(['人社局']);
    expect(normalisePetitionText('村民委员会').segments).toEqual(['村委会']);
  });

  it('folds width and drops punctuation', () => {
    expect(normalisePetitionText('ＡＢＣ，柳河村！').segments).toEqual(['abc', '柳河村']);
  });

  it('weights names and amounts up and boilerplate down', () => {
    const t = petitionTerms('反映柳河村补偿款少发三万二千元问题，要求解决');
    expect(t.weight.get('柳河')).toBe(TERM_WEIGHT.name);
    expect(t.weight.get('#32000元')).toBe(TERM_WEIGHT.amount);
    for (const b of ['反映', '问题', '要求', '解决']) expect(t.weight.get(b)).toBe(TERM_WEIGHT.boilerplate);
    expect(t.weight.get('补偿')).toBe(TERM_WEIGHT.plain);
    expect(t.length).toBe([...t.tf.values()].reduce((a, b) => a + b, 0));
  });

  it('keys terms by a stable 32-bit hash that never takes the document-count key 0', () => {
    expect(termKey('柳河')).toBe(termKey('柳河'));
    expect(termKey('柳河')).not.toBe(termKey('河柳'));
    for (const term of ['柳河', '#32000元', 'ab']) {
      expect(Number.isInteger(termKey(term))).toBe(true);
      expect(termKey(term)).not.toBe(0);
      expect(Math.abs(termKey(term))).toBeLessThanOrEqual(2 ** 31);
    }
  });
});
