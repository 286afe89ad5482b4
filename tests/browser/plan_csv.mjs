// plan_csv: a receivables report as a Chinese ERP exports it, generated for the plan's tests and
// benchmark: one row per invoice, deterministic (its own generator, mulberry32, so every run imports the same file).
const HEADER = ['客户名称', '行业', '发票号', '金额', '已收金额', '开票日期', '到期日'];
const FIRST = ['湘江', '岳麓', '星城', '洞庭', '麓谷', '长沙', '株洲', '湘潭', '衡阳', '岳阳', '常德', '益阳'];
const SECOND = ['机械', '医药', '电子', '建材', '物流', '食品', '化工', '纺织', '能源', '汽车'];
const THIRD = ['集团', '有限公司', '股份有限公司', '实业公司'];
const SEGMENTS = ['制造', '医疗', '零售', '能源', '交通'];

const iso = (day) => new Date(day * 86400000).toISOString().slice(0, 10);

// `accounts` accounts with `perAccount` invoices each, dated up to 200 days before `today` (days
// since 1970): about a quarter overdue, some part-paid.
export function receivablesCsv({ accounts = 5000, perAccount = 10, today = Math.floor(Date.now() / 86400000), separator = ',' } = {}) {
  let seed = 12345;
  const next = (n) => { // mulberry32
    seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
  const lines = [HEADER.join(separator)];
  for (let a = 0; a < accounts; a++) {
    const name = `${FIRST[a % FIRST.length]}${SECOND[Math.floor(a / FIRST.length) % SECOND.length]}${THIRD[a % THIRD.length]}${Math.floor(a / 120) + 1}号`;
    for (let r = 0; r < perAccount; r++) {
      const cents = 100000 + next(5000000);
      const issued = today - next(200);
      const due = issued + [30, 45, 60, 90][next(4)];
      const paid = next(4) === 0 ? Math.floor(cents / 2) : 0;
      lines.push([name, SEGMENTS[a % SEGMENTS.length], `FP${String(a * perAccount + r + 1).padStart(8, '0')}`,
        (cents / 100).toFixed(2), (paid / 100).toFixed(2), iso(issued), iso(due)].join(separator));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
