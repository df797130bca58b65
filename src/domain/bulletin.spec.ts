import { bulletinDocxUrl, bulletinQuarterProblem, bulletinTitle, bulletinYearProblem, changeWords, periodLabel, previousPeriod, samePeriodLastYear, topCategories, trailingYear } from './bulletin';

describe('bulletin periods and words', () => {
  it('steps back from a quarter and from a year', () => {
    expect(previousPeriod({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(previousPeriod({ year: 2026, quarter: 3 })).toEqual({ year: 2026, quarter: 2 });
    expect(previousPeriod({ year: 2026, quarter: null })).toEqual({ year: 2025, quarter: null });
    expect(samePeriodLastYear({ year: 2026, quarter: 2 })).toEqual({ year: 2025, quarter: 2 });
  });

  it('takes a year from 1900 to the current one and a quarter of 1–4 or none', () => {
    for (const year of [1900, 2000, 2026]) expect(bulletinYearProblem(year, 2026)).toBeUndefined();
    for (const year of [1899, 2027, 2026.5, '2026', null]) expect(bulletinYearProblem(year, 2026)).toBe('年份应在 1900 至 2026 之间');
    for (const quarter of [1, 4, null, undefined]) expect(bulletinQuarterProblem(quarter)).toBeUndefined();
    for (const quarter of [0, 5, 2.5, '1']) expect(bulletinQuarterProblem(quarter)).toBe('季度应为 1 至 4；全年汇总不填季度');
  });

  it('takes the twelve months before the period as the trailing year', () => {
    expect(trailingYear({ year: 2026, quarter: 2 })).toEqual({ dates: { from: '2025-04-01', to: '2026-04-01' }, share: 0.25 });
    expect(trailingYear({ year: 2026, quarter: null })).toEqual({ dates: { from: '2025-01-01', to: '2026-01-01' }, share: 1 });
  });

  it('compares a leading category with the trailing year’s pace, null without a base', () => {
    const trailing = new Map([['土地征收', 8]]);
    expect(topCategories([{ category: '土地征收', received: 3 }, { category: '劳动保障', received: 1 }], trailing, 0.25)).toEqual([
      { category: '土地征收', received: 3, trailingYearReceived: 8, changeFromTrailingYear: 0.5 },
      { category: '劳动保障', received: 1, trailingYearReceived: 0, changeFromTrailingYear: null },
    ]);
  });

  it('names the period, the title, the change and the file', () => {
    expect(periodLabel({ year: 2026, quarter: 4 })).toBe('2026年第四季度');
    expect(bulletinTitle('某县人大常委会', { year: 2026, quarter: null })).toBe('某县人大常委会2026年度信访工作总结');
    expect(changeWords(0.125)).toBe('上升 12.5%');
    expect(changeWords(-0.05)).toBe('下降 5.0%');
    expect(changeWords(0)).toBe('持平');
    expect(changeWords(null)).toBeNull();
    expect(bulletinDocxUrl({ year: 2026, quarter: null }, 'u1')).toBe('/exports/bulletin.docx?year=2026&unitId=u1');
  });
});
