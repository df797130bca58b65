/**
 * How a petition's text becomes the terms its similarity is computed from (docs/rules.md "Similar petitions"):
 * Chinese has no spaces and we run no word segmenter, so the terms are character bigrams, taken after the text is
 * normalised so that the ways clerks write the same thing meet — width (NFKC), punctuation, number forms
 * (三万二千元 / 3.2万元 / 32,000元 → one amount) and the common abbreviations of bodies (县法院 / 示范县人民法院). Each
 * term carries a class weight: amounts and the names of places and organisations count more, petition boilerplate
 * (反映, 要求, 请求, 问题, 解决 …) much less. Nothing here reads data.
 */

/** Long forms and aliases written to one short form; longest first so that a long form is never half-rewritten. */
const ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/人力资源(和|与)?社会保障(局|部门)/g, '人社局'],
  [/住房(和|与)?城乡建设(局|部门)/g, '住建局'],
  [/(自然资源(和|与)?规划局|国土资源局|国土局)/g, '自然资源局'],
  [/市场监(督管理|管)局/g, '市监局'],
  [/(综合行政执法局|城市管理(综合执法)?局|城管执法局)/g, '城管局'],
  [/(生态环境局|环境保护局)/g, '环保局'],
  [/村民委员会|村两委/g, '村委会'],
  [/居民委员会/g, '居委会'],
  [/人民(法院|检察院|政府|医院)/g, '$1'],
  [/检察机关/g, '检察院'],
  // a county's own name before one of its bodies: 示范县法院 and 县法院 are the same court
  [/\p{Script=Han}{1,3}县(法院|检察院|政府|人社局|住建局|自然资源局|市监局|城管局|环保局|公安局|教育局|医院)/gu, '县$1'],
  [/(拖欠|克扣)(工资|薪资|工钱|劳务费)|(工资|工钱)(被)?拖欠|欠薪/g, '欠薪'],
  [/补偿(金|费)/g, '补偿款'],
  [/征收土地|土地征收|征用土地/g, '征地'],
];

/** Characters that carry no meaning on their own in petition prose. */
const STOP_CHARS = new Set('的了和与及在是我你他她它们这那有也都就还被把对给向从为等并已但而又该其此之将所以于着过吗呢吧啊么个一');

/** Petition boilerplate: words every petition uses, whatever its issue. */
const BOILERPLATE = new Set(
  ('反映 要求 请求 恳请 问题 解决 信访 来信 来访 来电 希望 有关 部门 领导 尽快 处理 情况 本人 我们 我家 依法 给予 予以 相关 此事 事情 至今 ' +
    '一直 多次 没有 答复 落实 调查 核实 帮助 关于 申请 群众 百姓 老百姓 现在 目前 已经 但是 因为 所以 如果 特此 此致 敬礼 谢谢 ' +
    '同志 工作 人员 相关 单位 办理 事项 督促 监督 维护 合法 权益 损失 说法 讨个 公道 上访 反应 咨询 表示 认为 情绪 激动 登记 记录')
    .split(/\s+/)
    .filter(Boolean),
);

/** A character that ends the name of a place or an organisation: the two characters before it belong to the name. */
const NAME_SUFFIX = new Set('村镇乡县区街组社厂司院局所站场校店园矿');
const NAME_SUFFIX_WORDS = ['街道', '社区', '小区', '公司', '集团', '合作社', '学校', '医院', '法院', '检察院', '派出所', '工地', '项目'];

/** Units written after an amount; the unit is part of the amount's term (32000元 is not 32000亩). */
const AMOUNT_UNITS = new Set('元亩户人名间米年月日天个平');

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CHINESE_MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10_000, 亿: 100_000_000 };

/** Class weights (docs/rules.md): amounts and names count more than ordinary text, boilerplate much less. */
export const TERM_WEIGHT = { amount: 2.5, name: 2, plain: 1, stopish: 0.4, boilerplate: 0.1 } as const;

/** A normalised text: the prose (segments without punctuation) and the amounts read out of it. */
export interface NormalisedText {
  segments: string[];
  amounts: string[];
}

/** The terms of one text with their counts and class weights. */
export interface TextTerms {
  /** term → occurrences */
  tf: Map<string, number>;
  /** term → class weight (the highest any occurrence earned) */
  weight: Map<string, number>;
  /** number of term occurrences (the document length BM25 normalises by) */
  length: number;
}

/**
 * Reads a run of Chinese (or mixed) numerals as a number: 三万二千 → 32000, 三万二 → 32000 (a trailing digit after
 * a multiplier counts in the next lower place, as people say it), 二〇二三 → 2023, 3万2千 → 32000. `null` when
 * the run is not a number (e.g. a lone 万).
 */
export function parseChineseNumber(run: string): number | null {
  if (!run) return null;
  if (/^[0-9〇零一二三四五六七八九]+$/.test(run) && !/^[0-9]+$/.test(run) && run.length > 1) {
    // digit by digit, as years are written: 二〇二三
    return Number([...run].map((ch) => (/[0-9]/.test(ch) ? ch : String(CHINESE_DIGITS[ch]))).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastMultiplier = 0;
  let pending = '';
  const flushArabic = () => {
    if (pending) {
      digit = Number(pending);
      pending = '';
    }
  };
  for (const ch of run) {
    if (/[0-9.]/.test(ch)) {
      pending += ch;
      continue;
    }
    flushArabic();
    if (ch in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[ch];
      continue;
    }
    const m = CHINESE_MULTIPLIERS[ch];
    if (m === undefined) return null;
    if (m >= 10_000) {
      section = (section + (digit ?? 0)) * m;
      total += section;
      section = 0;
    } else {
      section += (digit ?? (m === 10 ? 1 : 0)) * m;
    }
    lastMultiplier = m;
    digit = null;
  }
  flushArabic();
  // 三万二 = 32000, 一千五 = 1500: a digit trailing a multiplier stands one place lower
  if (digit !== null) section += lastMultiplier >= 10 ? digit * (lastMultiplier / 10) : digit;
  const value = total + section;
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

const NUMBER_RUN = /[0-9][0-9.,]*(?:[十百千万亿拾佰仟][0-9]*)*|[〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾][〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿0-9]*/g;

/**
 * NFKC, lower case, aliases, amounts read out as terms (`#32000元`), and the prose split at punctuation and
 * numbers into runs of letters, digits and Han characters.
 */
export function normalisePetitionText(text: string): NormalisedText {
  let s = text.normalize('NFKC').toLowerCase();
  for (const [re, to] of ALIASES) s = s.replace(re, to);
  const amounts: string[] = [];
  s = s.replace(NUMBER_RUN, (run, offset: number, whole: string) => {
    const clean = run.replace(/,/g, '');
    const next = whole[offset + run.length] ?? '';
    const isChinese = /^[^0-9]/.test(clean);
    // a Chinese numeral is only read as a number when it plainly is one: with a multiplier, several digits, or a unit
    if (isChinese && !/[十拾百佰千仟万亿]/.test(clean) && clean.length < 2 && !AMOUNT_UNITS.has(next)) return run;
    if (isChinese && /^[十拾百佰千仟万亿]$/.test(clean)) return run;
    const value = parseChineseNumber(clean);
    if (value === null) return run;
    const unit = AMOUNT_UNITS.has(next) ? next : '';
    amounts.push(`#${value}${unit}`);
    return '|';
  });
  const segments = s.split(/[^\p{Script=Han}a-z0-9]+/u).filter((seg) => seg.length > 0);
  return { segments, amounts };
}

/** Marks the positions of a segment that belong to a place or organisation name. */
function namePositions(seg: string): boolean[] {
  const marks = new Array<boolean>(seg.length).fill(false);
  const mark = (end: number, span: number) => {
    for (let k = Math.max(0, end - span); k <= end; k++) marks[k] = true;
  };
  for (let i = 0; i < seg.length; i++) if (NAME_SUFFIX.has(seg[i])) mark(i, 2);
  for (const w of NAME_SUFFIX_WORDS) for (let i = seg.indexOf(w); i >= 0; i = seg.indexOf(w, i + 1)) mark(i + w.length - 1, w.length + 1);
  return marks;
}

/** The class weight of the bigram at `i` of a segment. */
function bigramWeight(gram: string, named: boolean): number {
  if (BOILERPLATE.has(gram)) return TERM_WEIGHT.boilerplate;
  const stops = (STOP_CHARS.has(gram[0]) ? 1 : 0) + (STOP_CHARS.has(gram[1]) ? 1 : 0);
  if (stops === 2) return 0;
  if (named) return TERM_WEIGHT.name;
  return stops ? TERM_WEIGHT.stopish : TERM_WEIGHT.plain;
}

/** The weighted terms of a petition (its summary and content together): character bigrams and amounts. */
export function petitionTerms(text: string): TextTerms {
  const { segments, amounts } = normalisePetitionText(text);
  const tf = new Map<string, number>();
  const weight = new Map<string, number>();
  let length = 0;
  const add = (term: string, w: number) => {
    if (w <= 0) return;
    tf.set(term, (tf.get(term) ?? 0) + 1);
    weight.set(term, Math.max(weight.get(term) ?? 0, w));
    length++;
  };
  for (const seg of segments) {
    const named = namePositions(seg);
    if (seg.length === 1) continue;
    for (let i = 0; i + 1 < seg.length; i++) {
      const gram = seg.slice(i, i + 2);
      add(gram, bigramWeight(gram, named[i] && named[i + 1]));
    }
  }
  for (const a of amounts) add(a, TERM_WEIGHT.amount);
  return { tf, weight, length };
}

/** The text a case is indexed by: its category, summary and content. */
export function caseText(c: { category: string; summary: string; content: string }): string {
  return `${c.category}。${c.summary}。${c.content}`;
}

/**
 * A term's stable 32-bit key (FNV-1a), the column the index stores. 0 is kept for the document-count row of the
 * term table, so a term never hashes to it.
 */
export function termKey(term: string): number {
  let h = 0x811c9dc5;
  for (const ch of term) {
    const cp = ch.codePointAt(0)!;
    h ^= cp & 0xff;
    h = Math.imul(h, 0x01000193);
    h ^= cp >>> 8;
    h = Math.imul(h, 0x01000193);
  }
  return h === 0 ? 1 : h | 0;
}

/** The key of the term table's row that counts indexed documents (BM25's N). */
export const DOCUMENT_COUNT_KEY = 0;
