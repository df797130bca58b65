import { change, chineseOrder, percent, periodMonths, quarterPeriod, rate, reportSentence } from './statistics';

describe('statistics figures', () => {
  it('ranks tied names in pinyin order, as the reports list them', () => {
    expect(['张家村委会', '县人民法院', '李庄镇', '王集乡', '安宁社区'].sort(chineseOrder)).toEqual(['安宁社区', '李庄镇', '王集乡', '县人民法院', '张家村委会']);
  });

  it('writes rates with one decimal and an undefined rate as —', () => {
    expect(percent(0.985)).toBe('98.5%');
    expect(percent(0.4)).toBe('40.0%');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBe('—');
    expect(rate(1, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
  });

  it('fills in the seed sentence exactly', () => {
    expect(
      reportSentence({
        totalReceived: 7,
        letters: { received: 4, closed: 2, closureRate: 0.5 },
        visits: { batches: 2, persons: 9, replyRate: 0.5 },
        referrals: { received: 0, closed: 0, closureRate: null },
      }),
    ).toBe(
      '共受理群众来信来访 7 件（次），其中受理群众来信 4 件，已督办结案 2 件，办结率 50.0%；接待群众来访 2 批（次）9 人（次），接访答复率 50.0%；督办省市人大批转信访件 0 件，已督办结案 0 件，办结率 —。',
    );
  });

  it('splits a period into office-time months', () => {
    const months = periodMonths({ from: '2026-03-15', to: '2026-05-01' }, 'Asia/Shanghai');
    expect(months.map((m) => m.month)).toEqual(['2026-03', '2026-04']);
    expect(months[0].endsAt.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(months[1].endsAt.toISOString()).toBe('2026-04-30T16:00:00.000Z');
    expect(periodMonths({ from: '2025-12-01', to: '2026-01-02' }, 'Asia/Shanghai').map((m) => m.month)).toEqual(['2025-12', '2026-01']);
  });

  it('knows quarters, years and relative change', () => {
    expect(quarterPeriod(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(quarterPeriod(2026, 4)).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(quarterPeriod(2026, null)).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(change(12, 10)).toBeCloseTo(0.2);
    expect(change(3, 0)).toBeNull();
  });
});
