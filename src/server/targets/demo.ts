import type { ResolutionKind } from "../../domain/targets.ts";
import { recordAudit } from "../audit/audit.ts";
import type { Actor } from "../audit/audit.ts";
import type { Db, Tx } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { refreshResolution } from "./assess.ts";
import { labelMatch, sameUnit } from "./queries.ts";

// Demo targets, so that a newcomer sees real numbers (see the table at the end of this comment).
//
// Tiền Giang (tenant "dong-thap", id 1) — the 2024 resolution of the provincial committee,
// 22 targets. Real, from the seed papers:
//   · 9 months of 2024 (seed 000): GRDP +6,18%; exports 4,25 tỷ USD = 85% of plan, +6,8%; budget
//     revenue 9.003 tỷ đồng = 102,3% of plan, +23,4%; local spending 12.448 tỷ đồng = 84,2% of plan,
//     +14,3%. The plans are derived from those percentages (5 tỷ USD; 8.800 and 14.784 tỷ đồng), and
//     the same period of 2023 from the changes.
//   · 6 months of 2024 (seed 002): "22 chỉ tiêu; 18 đủ điều kiện xem xét, đánh giá; 6/18 đạt tiến
//     độ", and the changes its footnote gives (exports +11,1%, tourists +12,2%, trained workers
//     +4,5 points, doctors +0,78 per 10.000, beds +1, health insurance +3,95 points, urban waste
//     collected +5,55 points, urban clean water +1,8 points, rural hygienic water +4,92 points).
//   Synthetic (plausible, invented): the list of the 22 targets beyond those named, their plans
//   except the four above (GRDP's 6,5% is an assumption), every 6-month figure (chosen so that the
//   6-month table gives the seed's 18/22 and 6/18), the 9-month figures of the other targets, and
//   the history of 2021–2023 (monthly for exports, quarterly or half-yearly for others) that gives
//   the charts their shape and the seasonality its data. A small congress resolution (term
//   2020–2025, 4 targets, invented term plans) shows the term forecast.
//
// Hậu Giang (tenant "can-tho", id 2) — the 2024 work programme, 18 targets with the year's
// figures of seed 003: GRDP 8,76%; income per head 93,78 triệu đồng against 88,84; industrial
// output 43.903 tỷ đồng (+3,35% over plan, +14,68%); retail sales 62.052 tỷ (+7,45%, +11,4%);
// exports and imports 1.298 triệu USD (+2,34%, +5,58%); investment 25.800 tỷ (+3,32%, +13,66%);
// budget revenue 7.520 tỷ = 100,27% of the estimate, +23,52%; forest cover 3,1% = 103,3%; health
// insurance 95% = 100,2%, +1,27 points; new party members 1.293/1.150; schools at national standard
// 84,29% = 100,19%, +1,35 points; trained workers 70,43% (+2,07% over the target, +2,63 points);
// new jobs 26.050 (+73,69%); party cells' inspections 3.369/3.315; households in mass organisations
// 85,14% = 103,075%; public investment disbursed 95% (at least 95%); sports medals 191 = 272,9%.
// Plans follow from the percentages; 2023 from the changes. Synthetic: GRDP's plan (8%), 2021–2022.
// The whole programme is met: "18/18 chỉ tiêu đủ điều kiện đánh giá; 18/18 đạt kế hoạch".
//
// When the papers' demo step has confirmed the demo papers (Thông báo 1012-TB/TU, Báo cáo
// 618-BC/TU), their facts are attached to the matching targets, so the figures keep their paper.
// Resolution numbers are not given: the seeds do not say them.

const SYSTEM: Actor = { id: null, name: "Dữ liệu trình diễn" };
type Basis = "estimate" | "official";
type Kind = "month" | "quarter" | "half" | "nine_months" | "year";
const ALL: Kind[] = ["month", "quarter", "half", "nine_months", "year"];
const QHY: Kind[] = ["quarter", "half", "nine_months", "year"];
const HY: Kind[] = ["half", "nine_months", "year"];
const Y: Kind[] = ["year"];

interface History {
  /** Full-year figure of earlier years. */
  years: Record<number, number>;
  /** Known cumulative figures within a year: { 2023: { 6: H1, 9: 9 months } }. */
  anchors?: Record<number, { 6?: number; 9?: number }>;
  /** How earlier years' figures are recorded: by month, quarter, or 6 / 9 months and year. */
  grain: "month" | "quarter" | "cumulative";
}

interface DemoTarget {
  code: string;
  name: string;
  unit: string;
  direction?: "increase" | "decrease" | "threshold";
  threshold?: number;
  accumulates: boolean;
  termBasis?: "sum" | "end" | "average";
  kinds: Kind[];
  owner: string;
  plans: Record<string, number>;
  /** Figures of the resolution's year: period code → value (estimate unless [value, "official"]). */
  figures: Record<string, number | [number, Basis]>;
  history?: History;
  /** Label of the paper fact this target's figure comes from (demo papers). */
  fact?: string;
  source?: string;
}

interface DemoResolution {
  province: string;
  kind: ResolutionKind;
  year?: number;
  term?: string;
  title: string;
  issuedOn: string | null;
  note: string;
  targets: DemoTarget[];
}

// ---------------------------------------------------------------------------
// Tiền Giang, 2024

const TG_SOURCE_9M = "Thông báo kết luận Hội nghị Tỉnh ủy (mở rộng) 9 tháng năm 2024";
const TG_SOURCE_9M_SYNTHETIC = "Báo cáo 9 tháng năm 2024 (số liệu minh họa)";
const TG_SOURCE_H1 = "Báo cáo 6 tháng đầu năm 2024 (số liệu minh họa)";

const TIEN_GIANG_2024: DemoTarget[] = [
  {
    code: "1", name: "Tốc độ tăng trưởng kinh tế (GRDP, giá so sánh 2010)", unit: "%", accumulates: false, kinds: HY, owner: "SO-TC",
    plans: { 2024: 6.5 }, figures: { "2024-H1": 5.2, "2024-9M": 6.18 }, fact: "tăng trưởng kinh tế",
    history: { years: { 2021: 1.2, 2022: 6.5, 2023: 5.9 }, anchors: { 2023: { 6: 4.8, 9: 5.4 } }, grain: "cumulative" },
  },
  { code: "2", name: "GRDP bình quân đầu người", unit: "triệu đồng", accumulates: false, kinds: Y, owner: "SO-TC", plans: { 2024: 85 }, figures: {}, history: { years: { 2021: 65, 2022: 72, 2023: 78 }, grain: "cumulative" } },
  {
    code: "3", name: "Tổng kim ngạch xuất khẩu", unit: "tỷ USD", accumulates: true, kinds: ALL, owner: "SO-CT",
    plans: { 2024: 5 }, figures: { "2024-H1": 2.55 * 1.111, "2024-9M": 4.25 }, fact: "kim ngạch xuất khẩu",
    history: { years: { 2021: 4.2, 2022: 4.6, 2023: 4.9 }, anchors: { 2021: { 6: 2.2, 9: 3.4 }, 2022: { 6: 2.38, 9: 3.72 }, 2023: { 6: 2.55, 9: 4.25 / 1.068 } }, grain: "month" },
  },
  {
    code: "4", name: "Tổng thu ngân sách nhà nước trên địa bàn", unit: "tỷ đồng", accumulates: true, kinds: QHY, owner: "SO-TC",
    plans: { 2024: 8800 }, figures: { "2024-H1": 4050, "2024-9M": 9003 }, fact: "thu ngân sách",
    history: { years: { 2021: 8900, 2022: 10200, 2023: 9700 }, anchors: { 2021: { 6: 4300, 9: 6600 }, 2022: { 6: 4900, 9: 7700 }, 2023: { 6: 4700, 9: 9003 / 1.234 } }, grain: "quarter" },
  },
  {
    code: "5", name: "Tổng chi ngân sách địa phương", unit: "tỷ đồng", accumulates: true, kinds: QHY, owner: "SO-TC",
    plans: { 2024: 14784 }, figures: { "2024-H1": 5900, "2024-9M": 12448 }, fact: "chi ngân sách",
    history: { years: { 2021: 13000, 2022: 13900, 2023: 14600 }, anchors: { 2021: { 6: 5500, 9: 9300 }, 2022: { 6: 5900, 9: 10100 }, 2023: { 6: 6000, 9: 12448 / 1.143 } }, grain: "quarter" },
  },
  {
    code: "6", name: "Tổng vốn đầu tư phát triển toàn xã hội", unit: "tỷ đồng", accumulates: true, kinds: HY, owner: "SO-TC",
    plans: { 2024: 34000 }, figures: { "2024-H1": 14800, "2024-9M": 24100 },
    history: { years: { 2021: 27000, 2022: 29500, 2023: 31800 }, anchors: { 2021: { 6: 12200, 9: 19500 }, 2022: { 6: 13400, 9: 21200 }, 2023: { 6: 14300, 9: 22600 } }, grain: "cumulative" },
  },
  {
    code: "7", name: "Số doanh nghiệp thành lập mới", unit: "doanh nghiệp", accumulates: true, kinds: QHY, owner: "SO-TC",
    plans: { 2024: 1100 }, figures: { "2024-H1": 470, "2024-9M": 760 },
    history: { years: { 2021: 850, 2022: 1020, 2023: 980 }, anchors: { 2021: { 6: 410, 9: 630 }, 2022: { 6: 500, 9: 760 }, 2023: { 6: 450, 9: 720 } }, grain: "quarter" },
  },
  {
    code: "8", name: "Tổng lượt khách du lịch", unit: "nghìn lượt", accumulates: true, kinds: QHY, owner: "SO-VHTTDL",
    plans: { 2024: 2450 }, figures: { "2024-H1": 1200 * 1.122, "2024-9M": 2010 },
    history: { years: { 2021: 900, 2022: 1950, 2023: 2350 }, anchors: { 2021: { 6: 560, 9: 640 }, 2022: { 6: 900, 9: 1420 }, 2023: { 6: 1200, 9: 1760 } }, grain: "quarter" },
  },
  { code: "9", name: "Số xã đạt chuẩn nông thôn mới nâng cao (lũy kế)", unit: "xã", accumulates: false, kinds: Y, owner: "SO-NNMT", plans: { 2024: 52 }, figures: {}, history: { years: { 2021: 20, 2022: 31, 2023: 42 }, grain: "cumulative" } },
  { code: "10", name: "Tỷ lệ đô thị hóa", unit: "%", accumulates: false, kinds: Y, owner: "SO-XD", plans: { 2024: 32 }, figures: {}, history: { years: { 2021: 28.5, 2022: 29.6, 2023: 30.8 }, grain: "cumulative" } },
  {
    code: "11", name: "Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều)", unit: "%", direction: "decrease", accumulates: false, kinds: Y, owner: "SO-NV",
    plans: { 2024: 1.5 }, figures: {}, history: { years: { 2021: 2.9, 2022: 2.4, 2023: 1.9 }, grain: "cumulative" },
  },
  {
    code: "12", name: "Tỷ lệ lao động qua đào tạo", unit: "%", accumulates: false, kinds: HY, owner: "SO-NV",
    plans: { 2024: 72 }, figures: { "2024-H1": 66.8 + 4.5, "2024-9M": 71.6 },
    history: { years: { 2021: 63.5, 2022: 66.0, 2023: 69.2 }, anchors: { 2023: { 6: 66.8, 9: 68.1 } }, grain: "cumulative" },
  },
  {
    code: "13", name: "Số lao động được giải quyết việc làm", unit: "người", accumulates: true, kinds: HY, owner: "SO-NV",
    plans: { 2024: 30000 }, figures: { "2024-H1": 13200, "2024-9M": 21500 },
    history: { years: { 2021: 24000, 2022: 28500, 2023: 29600 }, anchors: { 2021: { 6: 10800, 9: 17600 }, 2022: { 6: 14100, 9: 21400 }, 2023: { 6: 14600, 9: 22200 } }, grain: "cumulative" },
  },
  {
    code: "14", name: "Số bác sĩ trên 1 vạn dân", unit: "bác sĩ/vạn dân", accumulates: false, kinds: HY, owner: "SO-YT",
    plans: { 2024: 11.5 }, figures: { "2024-H1": 10.12 + 0.78, "2024-9M": 11.0 },
    history: { years: { 2021: 9.1, 2022: 9.7, 2023: 10.3 }, anchors: { 2023: { 6: 10.12, 9: 10.2 } }, grain: "cumulative" },
  },
  {
    code: "15", name: "Số giường bệnh trên 1 vạn dân", unit: "giường/vạn dân", accumulates: false, kinds: HY, owner: "SO-YT",
    plans: { 2024: 32 }, figures: { "2024-H1": 30.5, "2024-9M": 30.8 },
    history: { years: { 2021: 28.0, 2022: 28.9, 2023: 29.8 }, anchors: { 2023: { 6: 29.5, 9: 29.6 } }, grain: "cumulative" },
  },
  {
    code: "16", name: "Tỷ lệ dân số tham gia bảo hiểm y tế", unit: "%", accumulates: false, kinds: HY, owner: "SO-YT",
    plans: { 2024: 94 }, figures: { "2024-H1": 88.65 + 3.95, "2024-9M": 93.1 },
    history: { years: { 2021: 90.1, 2022: 89.4, 2023: 90.6 }, anchors: { 2023: { 6: 88.65, 9: 89.9 } }, grain: "cumulative" },
  },
  {
    code: "17", name: "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", unit: "%", accumulates: false, kinds: HY, owner: "SO-NNMT",
    plans: { 2024: 98 }, figures: { "2024-H1": 91.95 + 5.55, "2024-9M": 97.8 },
    history: { years: { 2021: 88.0, 2022: 90.5, 2023: 93.0 }, anchors: { 2023: { 6: 91.95, 9: 92.4 } }, grain: "cumulative" },
  },
  {
    code: "18", name: "Tỷ lệ dân đô thị sử dụng nước sạch", unit: "%", accumulates: false, kinds: HY, owner: "SO-XD",
    plans: { 2024: 99 }, figures: { "2024-H1": 97.1 + 1.8, "2024-9M": 99.0 },
    history: { years: { 2021: 94.8, 2022: 96.0, 2023: 97.6 }, anchors: { 2023: { 6: 97.1, 9: 97.3 } }, grain: "cumulative" },
  },
  {
    code: "19", name: "Tỷ lệ dân nông thôn sử dụng nước hợp vệ sinh", unit: "%", accumulates: false, kinds: HY, owner: "SO-NNMT",
    plans: { 2024: 99.8 }, figures: { "2024-H1": 92.28 + 4.92, "2024-9M": 98.1 },
    history: { years: { 2021: 88.4, 2022: 90.7, 2023: 93.5 }, anchors: { 2023: { 6: 92.28, 9: 92.9 } }, grain: "cumulative" },
  },
  {
    code: "20", name: "Tỷ lệ trường học đạt chuẩn quốc gia", unit: "%", accumulates: false, kinds: HY, owner: "SO-GDDT",
    plans: { 2024: 75 }, figures: { "2024-H1": 71.5, "2024-9M": 73.2 },
    history: { years: { 2021: 64.0, 2022: 67.5, 2023: 70.8 }, anchors: { 2023: { 6: 69.0, 9: 70.1 } }, grain: "cumulative" },
  },
  {
    code: "21", name: "Kết nạp đảng viên mới", unit: "đảng viên", accumulates: true, kinds: HY, owner: "BTC",
    plans: { 2024: 2500 }, figures: { "2024-H1": 1050, "2024-9M": 1780 },
    history: { years: { 2021: 2280, 2022: 2410, 2023: 2460 }, anchors: { 2021: { 6: 1040, 9: 1700 }, 2022: { 6: 1130, 9: 1790 }, 2023: { 6: 1150, 9: 1820 } }, grain: "cumulative" },
  },
  {
    code: "22", name: "Số vụ tai nạn giao thông (không vượt)", unit: "vụ", direction: "decrease", accumulates: true, kinds: QHY, owner: "CA",
    plans: { 2024: 220 }, figures: { "2024-H1": 118, "2024-9M": 171 },
    history: { years: { 2021: 236, 2022: 251, 2023: 240 }, anchors: { 2021: { 6: 112, 9: 170 }, 2022: { 6: 124, 9: 186 }, 2023: { 6: 119, 9: 178 } }, grain: "quarter" },
  },
];

// The term 2020–2025: a few targets of the congress resolution (term plans invented), with the same
// history as above, to show the term's trajectory and forecast.
function yearsOf(t: DemoTarget, extra: Record<string, number | [number, Basis]>): Record<string, number | [number, Basis]> {
  const out: Record<string, number | [number, Basis]> = {};
  for (const [y, v] of Object.entries(t.history!.years)) out[y] = [v, "official"];
  return { ...out, ...extra };
}
const tg = (code: string) => TIEN_GIANG_2024.find((t) => t.code === code)!;
const TIEN_GIANG_TERM: DemoTarget[] = [
  { ...tg("1"), code: "1", name: "Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2021 - 2025", termBasis: "average", kinds: Y, plans: { "2020-2025": 6.5 }, figures: yearsOf(tg("1"), { 2024: 6.4 }), history: undefined, fact: undefined },
  { ...tg("3"), code: "2", name: "Kim ngạch xuất khẩu năm 2025", termBasis: "end", kinds: Y, plans: { "2020-2025": 6 }, figures: yearsOf(tg("3"), { 2024: 5.45 }), history: undefined, fact: undefined },
  { ...tg("4"), code: "3", name: "Tổng thu ngân sách nhà nước trên địa bàn cả giai đoạn", termBasis: "sum", kinds: Y, plans: { "2020-2025": 50000 }, figures: yearsOf(tg("4"), { 2024: 11200 }), history: undefined, fact: undefined },
  { ...tg("11"), code: "4", name: "Tỷ lệ hộ nghèo cuối nhiệm kỳ", termBasis: "end", kinds: Y, plans: { "2020-2025": 1 }, figures: yearsOf(tg("11"), { 2024: 1.45 }), history: undefined },
];

// ---------------------------------------------------------------------------
// Hậu Giang, 2024: the programme's 18 targets and the year's figures (seed 003).

const HG_SOURCE = "Báo cáo kết quả thực hiện nhiệm vụ công tác năm 2024 của Tỉnh ủy";
const hg = (code: string, name: string, unit: string, owner: string, plan: number, actual: number, last: number | null, extra: Partial<DemoTarget> = {}): DemoTarget => ({
  code,
  name,
  unit,
  accumulates: false,
  kinds: Y,
  owner,
  plans: { 2024: plan },
  figures: { 2024: actual },
  history: last === null ? undefined : { years: { 2021: round(last * 0.86), 2022: round(last * 0.93), 2023: round(last) }, grain: "cumulative" },
  source: HG_SOURCE,
  ...extra,
});
function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
const rate = (last: number, points: number) => ({ years: { 2021: round(last - 2 * points), 2022: round(last - points), 2023: round(last) }, grain: "cumulative" as const });

const HAU_GIANG_2024: DemoTarget[] = [
  hg("1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", "SO-TC", 8, 8.76, null, { history: { years: { 2021: 2.6, 2022: 8.1, 2023: 6.9 }, grain: "cumulative" }, fact: "tăng trưởng kinh tế" }),
  hg("2", "Thu nhập bình quân đầu người", "triệu đồng", "SO-TC", 88.84, 93.78, 93.78 / 1.142, { fact: "thu nhập bình quân" }),
  hg("3", "Giá trị sản xuất công nghiệp", "tỷ đồng", "SO-CT", round(43903 / 1.0335, 0), 43903, 43903 / 1.1468, { accumulates: true, fact: "sản xuất công nghiệp" }),
  hg("4", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tỷ đồng", "SO-CT", round(62052 / 1.0745, 0), 62052, 62052 / 1.114, { accumulates: true, fact: "bán lẻ hàng hóa" }),
  hg("5", "Tổng kim ngạch xuất, nhập khẩu hàng hóa", "triệu USD", "SO-CT", round(1298 / 1.0234, 0), 1298, 1298 / 1.0558, { accumulates: true, fact: "kim ngạch xuất, nhập khẩu" }),
  hg("6", "Tổng vốn đầu tư phát triển toàn xã hội", "tỷ đồng", "SO-TC", round(25800 / 1.0332, 0), 25800, 25800 / 1.1366, { accumulates: true, fact: "vốn đầu tư phát triển" }),
  hg("7", "Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "SO-TC", 7500, 7520, 7520 / 1.2352, { accumulates: true, fact: "thu ngân sách" }),
  hg("8", "Tỷ lệ giải ngân vốn đầu tư công (tối thiểu)", "%", "SO-TC", 95, 95, null, { direction: "threshold", threshold: 95, history: rate(93.5, 1) }),
  hg("9", "Tỷ lệ che phủ rừng", "%", "SO-NNMT", 3.0, 3.1, null, { history: rate(2.95, 0.05), fact: "che phủ rừng" }),
  hg("10", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "SO-YT", round(95 / 1.002), 95, null, { history: rate(95 - 1.27, 1.1), fact: "bảo hiểm y tế" }),
  hg("11", "Tỷ lệ trường đạt chuẩn quốc gia", "%", "SO-GDDT", round(84.29 / 1.0019), 84.29, null, { history: rate(84.29 - 1.35, 1.4), fact: "chuẩn quốc gia" }),
  hg("12", "Tỷ lệ lao động qua đào tạo", "%", "SO-NV", round(70.43 / 1.0207), 70.43, null, { history: rate(70.43 - 2.63, 2.4), fact: "lao động qua đào tạo" }),
  hg("13", "Số lao động được tạo việc làm mới", "người", "SO-NV", 15000, 26050, null, { accumulates: true, history: { years: { 2021: 17800, 2022: 21400, 2023: 23900 }, grain: "cumulative" }, fact: "việc làm" }),
  hg("14", "Kết nạp đảng viên mới", "đảng viên", "BTC", 1150, 1293, null, { accumulates: true, history: { years: { 2021: 1180, 2022: 1220, 2023: 1240 }, grain: "cumulative" }, fact: "đảng viên mới" }),
  hg("15", "Số cuộc kiểm tra do chi bộ thực hiện", "cuộc", "UBKT", 3315, 3369, null, { accumulates: true, history: { years: { 2021: 2950, 2022: 3120, 2023: 3240 }, grain: "cumulative" } }),
  hg("16", "Tỷ lệ hộ có đoàn viên, hội viên tham gia các đoàn thể", "%", "MTTQ", round(85.14 / 1.03075), 85.14, null, { history: rate(83.2, 1.2) }),
  hg("17", "Số huy chương tại các giải thể thao", "huy chương", "SO-VHTTDL", 70, 191, null, { accumulates: true, history: { years: { 2021: 62, 2022: 118, 2023: 156 }, grain: "cumulative" } }),
  hg("18", "Số xã đạt chuẩn nông thôn mới (lũy kế)", "xã", "SO-NNMT", 42, 42, null, { history: { years: { 2021: 36, 2022: 39, 2023: 41 }, grain: "cumulative" } }),
];

export const DEMO_RESOLUTIONS: DemoResolution[] = [
  {
    province: "dong-thap",
    kind: "yearly_resolution",
    year: 2024,
    title: "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh Tiền Giang về nhiệm vụ năm 2024",
    issuedOn: "2023-12-15",
    note: "Dữ liệu trình diễn: số liệu 9 tháng của 4 chỉ tiêu kinh tế - ngân sách và tóm tắt 6 tháng lấy từ văn bản thật; các số liệu khác là minh họa.",
    targets: TIEN_GIANG_2024,
  },
  {
    province: "dong-thap",
    kind: "congress",
    term: "2020-2025",
    title: "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Tiền Giang lần thứ XI, nhiệm kỳ 2020 - 2025",
    issuedOn: "2020-10-17",
    note: "Dữ liệu trình diễn: một số chỉ tiêu nhiệm kỳ với kế hoạch minh họa.",
    targets: TIEN_GIANG_TERM,
  },
  {
    province: "can-tho",
    kind: "yearly_programme",
    year: 2024,
    title: "Chương trình công tác năm 2024 của Ban Chấp hành Đảng bộ tỉnh Hậu Giang",
    issuedOn: "2024-01-05",
    note: "Dữ liệu trình diễn: số liệu cả năm 2024 lấy từ báo cáo kết quả thực hiện nhiệm vụ năm 2024.",
    targets: HAU_GIANG_2024,
  },
];

// ---------------------------------------------------------------------------
// History generator: figures of earlier years that meet the anchors exactly.

const pad = (n: number) => String(n).padStart(2, "0");

/** Splits [from, to] months' total by a mild, fixed pattern (deterministic). */
function spread(total: number, from: number, to: number): number[] {
  const weights = [];
  for (let m = from; m <= to; m++) weights.push(1 + 0.08 * Math.sin(m * 1.7) + 0.04 * (m % 3));
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (total * w) / sum);
}

function historyFigures(h: History, accumulates: boolean, kinds: Kind[]): [string, number][] {
  const out: [string, number][] = [];
  for (const [yText, total] of Object.entries(h.years)) {
    const y = Number(yText);
    const a = h.anchors?.[y] ?? {};
    if (!accumulates) {
      if (a[6] !== undefined && kinds.includes("half")) out.push([`${y}-H1`, a[6]]);
      if (a[9] !== undefined && kinds.includes("nine_months")) out.push([`${y}-9M`, a[9]]);
      out.push([String(y), total]);
      continue;
    }
    const h1 = a[6] ?? total * 0.47;
    const m9 = a[9] ?? total * 0.73;
    if (h.grain === "month") {
      const months = [...spread(h1, 1, 6), ...spread(m9 - h1, 7, 9), ...spread(total - m9, 10, 12)];
      months.forEach((v, i) => out.push([`${y}-${pad(i + 1)}`, round(v, 4)]));
    } else if (h.grain === "quarter") {
      const q1 = h1 * 0.46;
      out.push([`${y}-Q1`, round(q1)], [`${y}-Q2`, round(h1 - q1)], [`${y}-Q3`, round(m9 - h1)], [`${y}-Q4`, round(total - m9)]);
    } else {
      if (h.anchors?.[y]) {
        out.push([`${y}-H1`, round(h1)], [`${y}-9M`, round(m9)]);
      }
      out.push([String(y), round(total)]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Loader

interface Facts {
  id: string;
  label: string;
  value: number;
  unit: string;
  period: string | null;
  paper_id: string;
  symbol: string | null;
  issued_on: string | null;
  kind: string | null;
}

async function load(tx: Tx, provinceId: number, spec: DemoResolution, unitIds: Map<string, string>, officeActor: Actor, facts: Facts[]): Promise<string> {
  const audit = (e: { action: string; objectType: string; objectId: string; after?: unknown; before?: unknown; reason?: string }) =>
    recordAudit(tx, { provinceId, actor: officeActor, ...e });
  const resolutionId = newId();
  await tx
    .insertInto("resolutions")
    .values({
      province_id: provinceId,
      id: resolutionId,
      kind: spec.kind,
      year: spec.kind === "congress" ? null : spec.year!,
      term: spec.kind === "congress" ? spec.term! : null,
      symbol: null,
      title: spec.title,
      issued_on: spec.issuedOn,
      note: spec.note,
      created_by: officeActor.id,
    })
    .execute();
  await audit({ action: "resolution.create", objectType: "resolution", objectId: resolutionId, after: { kind: spec.kind, title: spec.title } });
  const now = new Date();
  let position = 0;
  for (const t of spec.targets) {
    const targetId = newId();
    await tx
      .insertInto("targets")
      .values({
        province_id: provinceId,
        resolution_id: resolutionId,
        id: targetId,
        code: t.code,
        name: t.name,
        measure_unit: t.unit,
        direction: t.direction ?? "increase",
        threshold: t.threshold ?? null,
        accumulates: t.accumulates,
        term_basis: t.termBasis ?? (t.accumulates ? "sum" : "end"),
        period_kinds: t.kinds,
        owner_unit_id: unitIds.get(t.owner) ?? null,
        position: ++position,
        note: null,
      })
      .execute();
    const plans = Object.entries(t.plans).map(([period, value]) => ({ province_id: provinceId, target_id: targetId, period, value }));
    if (plans.length) await tx.insertInto("target_plans").values(plans).execute();

    const rows: { period: string; value: number; basis: Basis; source: string; fact: Facts | null }[] = [];
    if (t.history) for (const [period, value] of historyFigures(t.history, t.accumulates, t.kinds)) rows.push({ period, value, basis: "official", source: "Số liệu thống kê các năm trước (minh họa)", fact: null });
    // This year's months for monthly targets: synthetic, consistent with the 6- and 9-month figures.
    if (t.kinds.includes("month") && spec.year && typeof t.figures[`${spec.year}-H1`] === "number" && typeof t.figures[`${spec.year}-9M`] === "number") {
      const h1 = t.figures[`${spec.year}-H1`] as number;
      const m9 = t.figures[`${spec.year}-9M`] as number;
      const months = [...spread(h1, 1, 6), ...spread(m9 - h1, 7, 9)].slice(0, 8);
      months.forEach((v, i) => rows.push({ period: `${spec.year}-${pad(i + 1)}`, value: round(v, 4), basis: "official", source: "Số liệu hằng tháng (minh họa)", fact: null }));
    }
    for (const [period, raw] of Object.entries(t.figures)) {
      const [value, basis] = Array.isArray(raw) ? raw : [raw, "estimate" as Basis];
      const candidates = t.fact ? facts.filter((f) => sameUnit(f.unit, t.unit) && labelMatch(t.fact!, f.label) >= 0.99 && Math.abs(f.value - value) < 1e-6) : [];
      const fact = candidates[0] ?? null;
      const source =
        t.source ??
        (period.endsWith("-9M") ? (t.fact ? TG_SOURCE_9M : TG_SOURCE_9M_SYNTHETIC) : period.endsWith("-H1") ? TG_SOURCE_H1 : "Báo cáo tổng kết năm (số liệu minh họa)");
      rows.push({ period, value: round(value, 4), basis, source, fact });
    }
    if (rows.length) {
      await tx
        .insertInto("target_values")
        .values(
          rows.map((r) => ({
            province_id: provinceId,
            id: newId(),
            target_id: targetId,
            period: r.period,
            basis: r.basis,
            value: r.value,
            source: r.fact ? `${r.fact.kind === "TB" ? "Thông báo" : r.fact.kind === "BC" ? "Báo cáo" : "Văn bản"} số ${r.fact.symbol} ngày ${r.fact.issued_on?.split("-").reverse().join("/")}` : r.source,
            cutoff_on: null,
            status: "approved" as const,
            paper_id: r.fact?.paper_id ?? null,
            paper_fact_id: r.fact?.id ?? null,
            entered_by: officeActor.id,
            submitted_by: officeActor.id,
            submitted_at: now,
            approved_by: officeActor.id,
            approved_at: now,
          })),
        )
        .execute();
    }
    await audit({ action: "target.create", objectType: "target", objectId: targetId, after: { code: t.code, name: t.name, plans: t.plans, figures: rows.length } });
  }
  await refreshResolution(tx, provinceId, resolutionId);
  return resolutionId;
}

/** The demo's follow-up on top: a figure waiting for approval, an explanation answered and one open. */
async function followUp(tx: Tx, provinceId: number, resolutionId: string, users: Map<string, { id: string; name: string }>, officeActor: Actor): Promise<void> {
  const target = async (code: string) =>
    tx.selectFrom("targets").select(["id", "owner_unit_id"]).where("province_id", "=", provinceId).where("resolution_id", "=", resolutionId).where("code", "=", code).executeTakeFirstOrThrow();
  const finance = users.get("sotaichinh");
  const staff = users.get("cv.sotaichinh");
  // Sở Tài chính has sent the official 9-month revenue; the office has not approved it yet.
  const revenue = await target("4");
  if (staff) {
    const id = newId();
    await tx
      .insertInto("target_values")
      .values({
        province_id: provinceId,
        id,
        target_id: revenue.id,
        period: "2024-9M",
        basis: "official",
        value: 9011,
        source: "Báo cáo số liệu thu ngân sách 9 tháng của Sở Tài chính (minh họa)",
        cutoff_on: "2024-09-30",
        status: "submitted",
        entered_by: staff.id,
        submitted_by: staff.id,
        submitted_at: new Date(),
      })
      .execute();
    await recordAudit(tx, { provinceId, actor: { id: staff.id, name: staff.name }, action: "target_value.create", objectType: "target_value", objectId: id, after: { period: "2024-9M", basis: "official", value: 9011, status: "submitted" } });
  }
  // GRDP is behind at 9 months: the office asked Sở Tài chính (which took over planning) to explain.
  const grdp = await target("1");
  const answered = newId();
  await tx
    .insertInto("target_explanations")
    .values({
      province_id: provinceId,
      id: answered,
      target_id: grdp.id,
      period: "2024-9M",
      unit_id: grdp.owner_unit_id,
      message: "Tốc độ tăng trưởng 9 tháng (6,18%) thấp hơn chỉ tiêu Nghị quyết năm 2024. Đề nghị giải trình nguyên nhân và giải pháp quý IV để đạt chỉ tiêu cả năm.",
      due_on: "2024-10-20",
      requested_by: officeActor.id,
      requested_at: new Date("2024-10-10T02:00:00Z"),
      ...(finance
        ? {
            status: "answered" as const,
            answer:
              "Công nghiệp chế biến và xây dựng tăng chậm do thiếu đơn hàng và vướng mặt bằng các dự án trọng điểm. Quý IV tập trung giải ngân vốn đầu tư công, tháo gỡ mặt bằng Khu công nghiệp Bình Đông và hỗ trợ doanh nghiệp xuất khẩu; dự kiến cả năm đạt khoảng 6,4 - 6,5%.",
            answered_by: finance.id,
            answered_at: new Date("2024-10-18T03:00:00Z"),
            version: 2,
          }
        : {}),
    })
    .execute();
  await recordAudit(tx, { provinceId, actor: officeActor, action: "target_explanation.request", objectType: "target_explanation", objectId: answered, after: { target: "1", period: "2024-9M" } });
  // Party admissions lag at 6 months: an open request to Ban Tổ chức.
  const members = await target("21");
  const open = newId();
  await tx
    .insertInto("target_explanations")
    .values({
      province_id: provinceId,
      id: open,
      target_id: members.id,
      period: "2024-9M",
      unit_id: members.owner_unit_id,
      message: "Kết nạp đảng viên 9 tháng đạt thấp so với chỉ tiêu năm. Đề nghị Ban Tổ chức Tỉnh ủy báo cáo nguyên nhân và giải pháp tạo nguồn.",
      due_on: "2024-10-25",
      requested_by: officeActor.id,
      requested_at: new Date("2024-10-12T02:00:00Z"),
    })
    .execute();
  await recordAudit(tx, { provinceId, actor: officeActor, action: "target_explanation.request", objectType: "target_explanation", objectId: open, after: { target: "21", period: "2024-9M" } });
  await refreshResolution(tx, provinceId, resolutionId);
}

export async function loadDemoTargets(db: Db): Promise<void> {
  for (const province of [...new Set(DEMO_RESOLUTIONS.map((r) => r.province))]) {
    const p = await db.selectFrom("provinces").select("id").where("code", "=", province).executeTakeFirst();
    if (!p) continue;
    const units = await db.selectFrom("units").select(["id", "code"]).where("province_id", "=", p.id).execute();
    const unitIds = new Map(units.map((u) => [u.code, u.id]));
    const users = await db.selectFrom("users").select(["id", "username", "full_name", "role"]).where("province_id", "=", p.id).execute();
    const byLogin = new Map(users.map((u) => [u.username.replace(/^ct\./, ""), { id: u.id, name: u.full_name }]));
    const clerk = users.find((u) => u.role === "office");
    const officeActor: Actor = clerk ? { id: clerk.id, name: `${clerk.full_name} (dữ liệu trình diễn)` } : SYSTEM;
    const facts = await db
      .selectFrom("paper_facts as f")
      .innerJoin("papers as pp", (j) => j.onRef("pp.province_id", "=", "f.province_id").onRef("pp.id", "=", "f.paper_id"))
      .select(["f.id", "f.label", "f.value", "f.unit", "f.period", "pp.id as paper_id", "pp.symbol", "pp.issued_on", "pp.kind"])
      .where("f.province_id", "=", p.id)
      .where("pp.status", "=", "confirmed")
      .execute();
    await db.transaction().execute(async (tx) => {
      for (const spec of DEMO_RESOLUTIONS.filter((r) => r.province === province)) {
        const id = await load(tx, p.id, spec, unitIds, officeActor, facts);
        if (province === "dong-thap" && spec.kind === "yearly_resolution") await followUp(tx, p.id, id, byLogin, officeActor);
      }
    });
  }
}
