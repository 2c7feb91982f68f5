import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePeriodCode, type Period } from "./periods.ts";
import {
  accumulatedValue,
  assessPeriod,
  assessTarget,
  cumulativeShare,
  type Direction,
  type Figure,
  figuresInUse,
  forecastTermEnd,
  forecastYearEnd,
  indexFigures,
  likelihoodOf,
  percentOfPlan,
  resolutionShortName,
  performanceRatio,
  type Status,
  statusForRatio,
  statusLabel,
  summarize,
  summaryLine,
  type TargetRule,
  yearlySeries,
  yearTrajectory,
} from "./targets.ts";

const P = (code: string): Period => parsePeriodCode(code)!;
const plans = (entries: Record<string, number>) => new Map(Object.entries(entries));
const official = (period: string, value: number): Figure => ({ period, value, basis: "official" });
const estimate = (period: string, value: number): Figure => ({ period, value, basis: "estimate" });

const flow: TargetRule = { direction: "increase", accumulates: true, threshold: null, periodKinds: ["month", "quarter", "half", "nine_months", "year"], unit: "tỷ USD", termBasis: "sum" };
const rate: TargetRule = { direction: "increase", accumulates: false, threshold: null, periodKinds: ["half", "nine_months", "year"], unit: "%", termBasis: "average" };
const level: TargetRule = { direction: "increase", accumulates: false, threshold: null, periodKinds: ["year"], unit: "triệu đồng", termBasis: "end" };

function assess(rule: TargetRule, planMap: Map<string, number>, figures: Figure[], code: string, term: Period | null = null) {
  return assessPeriod(rule, planMap, indexFigures(figures), P(code), term);
}

describe("Tiền Giang, 9 months of 2024 (seed 000)", () => {
  it("exports 4,25 tỷ USD = 85% of a 5 tỷ USD plan: ahead of the linear 75% expected by September", () => {
    const a = assess(flow, plans({ 2024: 5 }), [estimate("2024-9M", 4.25), official("2023-9M", 4.25 / 1.068)], "2024-9M");
    expect(a.percentOfPlan).toBeCloseTo(85, 6);
    expect(a.expectedShare).toBeCloseTo(0.75);
    expect(a.shareMethod).toBe("linear");
    expect(a.expected).toBeCloseTo(3.75);
    expect(a.status).toBe("exceeded");
    expect(a.change).toBeCloseTo(6.8, 6);
    expect(a.changeKind).toBe("percent");
    expect(a.actualBasis).toBe("estimate");
    expect(a.forecastYear).toBeCloseTo(4.25 / 0.75);
    expect(a.likelihoodYear).toBe("likely");
  });

  it("judges the same 85% against the share earlier years had reached by September when they are known", () => {
    // Earlier years shipped most in the last quarter: 60% of the year by September.
    const history = [2021, 2022, 2023].flatMap((y) => [official(`${y}-9M`, 2.4), official(`${y}`, 4)]);
    const a = assess(flow, plans({ 2024: 5 }), [...history, estimate("2024-9M", 4.25)], "2024-9M");
    expect(a.shareMethod).toBe("seasonal");
    expect(a.expectedShare).toBeCloseTo(0.6);
    expect(a.status).toBe("exceeded");
    // A year whose September usually carries 90%: 85% is behind.
    const early = [2022, 2023].flatMap((y) => [official(`${y}-9M`, 3.6), official(`${y}`, 4)]);
    const b = assess(flow, plans({ 2024: 5 }), [...early, estimate("2024-9M", 4.25)], "2024-9M");
    expect(b.expectedShare).toBeCloseTo(0.9);
    expect(b.status).toBe("behind");
    expect(b.forecastYear).toBeCloseTo(4.25 / 0.9);
    expect(b.likelihoodYear).toBe("unlikely"); // 4,72 / 5 = 94,4% < 95%
  });

  it("budget revenue 9.003 tỷ đồng = 102,3% of plan by September, +23,4%", () => {
    const plan = 9003 / 1.023;
    const a = assess(flow, plans({ 2024: plan }), [estimate("2024-9M", 9003), official("2023-9M", 9003 / 1.234)], "2024-9M");
    expect(a.percentOfPlan).toBeCloseTo(102.3, 6);
    expect(a.change).toBeCloseTo(23.4, 6);
    expect(a.status).toBe("exceeded");
    expect(a.likelihoodYear).toBe("likely");
  });

  it("local spending 12.448 tỷ đồng = 84,2% by September is ahead of 75%", () => {
    const a = assess(flow, plans({ 2024: 12448 / 0.842 }), [estimate("2024-9M", 12448)], "2024-9M");
    expect(a.percentOfPlan).toBeCloseTo(84.2, 6);
    expect(a.status).toBe("exceeded");
  });

  it("GRDP growth 6,18% is judged directly against the year's plan, with a 2% tolerance before the year end", () => {
    expect(assess(rate, plans({ 2024: 6.5 }), [estimate("2024-9M", 6.18)], "2024-9M").status).toBe("behind");
    expect(assess(rate, plans({ 2024: 6.3 }), [estimate("2024-9M", 6.18)], "2024-9M").status).toBe("met");
    expect(assess(rate, plans({ 2024: 6.3 }), [official("2024", 6.18)], "2024").status).toBe("behind");
    const a = assess(rate, plans({ 2024: 6.5 }), [estimate("2024-9M", 6.18)], "2024-9M");
    expect(a.expectedShare).toBe(1);
    expect(a.forecastYear).toBe(6.18);
    expect(a.forecastYearMethod).toBe("persistence");
    expect(a.likelihoodYear).toBe("at_risk");
  });

  it("a target measured only yearly cannot be judged in a 9-month report", () => {
    const a = assess(level, plans({ 2024: 70 }), [official("2024-9M", 69)], "2024-9M");
    expect(a.status).toBe("not_assessable");
    expect(a.reason).toBe("not_measured");
    const none = assess(flow, plans({ 2024: 5 }), [], "2024-9M");
    expect(none.status).toBe("not_assessable");
    expect(none.reason).toBe("no_value");
    const noPlan = assess(flow, plans({}), [official("2024-9M", 1)], "2024-9M");
    expect(noPlan.reason).toBe("no_plan");
    expect(noPlan.percentOfPlan).toBeNull();
  });
});

describe("Hậu Giang, the year 2024 (seed 003)", () => {
  const year = (rule: TargetRule, plan: number, actual: number, last?: number) =>
    assess(rule, plans({ 2024: plan }), [official("2024", actual), ...(last === undefined ? [] : [official("2023", last)])], "2024");
  const money = { ...flow, unit: "tỷ đồng", periodKinds: ["half", "nine_months", "year"] } as TargetRule;

  it("income per head 93,78 triệu đồng against 88,84: exceeded by 5,56%, +14,2%", () => {
    const a = year(level, 88.84, 93.78, 93.78 / 1.142);
    expect(a.percentOfPlan).toBeCloseTo(105.56, 2);
    expect(a.change).toBeCloseTo(14.2, 6);
    expect(a.status).toBe("exceeded");
    expect(a.likelihoodYear).toBe("likely");
    expect(a.forecastYearMethod).toBe("actual");
  });

  it("industrial output 43.903 tỷ đồng: exceeds its plan by 3,35%, +14,68%", () => {
    const a = year(money, 43903 / 1.0335, 43903, 43903 / 1.1468);
    expect(a.percentOfPlan).toBeCloseTo(103.35, 6);
    expect(a.change).toBeCloseTo(14.68, 6);
    expect(a.status).toBe("exceeded");
  });

  it("budget revenue 7.520 tỷ đồng = 100,27% of the estimate: met, not exceeded (the margin is 1%)", () => {
    expect(year(money, 7520 / 1.0027, 7520).status).toBe("met");
  });

  it("health insurance 95% = 100,2% of plan, +1,27 points", () => {
    const a = year({ ...rate, periodKinds: ["year"] }, 95 / 1.002, 95, 95 - 1.27);
    expect(a.status).toBe("met");
    expect(a.changeKind).toBe("points");
    expect(a.change).toBeCloseTo(1.27, 9);
  });

  it("new party members 1.293/1.150 = 112,43%", () => {
    const a = year({ ...money, unit: "đảng viên" }, 1150, 1293);
    expect(a.percentOfPlan).toBeCloseTo(112.43, 2);
    expect(a.status).toBe("exceeded");
  });

  it("summarises the programme in one line", () => {
    const statuses: Status[] = [
      year(level, 88.84, 93.78).status,
      year(money, 43903 / 1.0335, 43903).status,
      year(money, 62052 / 1.0745, 62052).status,
      year(money, 7520 / 1.0027, 7520).status,
      year({ ...rate, periodKinds: ["year"] }, 95 / 1.002, 95).status,
      year({ ...rate, periodKinds: ["year"] }, 3.0, 3.1).status,
    ];
    const s = summarize(statuses);
    expect(s).toEqual({ total: 6, assessable: 6, onTrack: 6, exceeded: 4, met: 2, behind: 0 });
    expect(summaryLine(s, P("2024"))).toBe("6/6 chỉ tiêu đủ điều kiện đánh giá; 6/6 đạt kế hoạch");
    expect(summaryLine(summarize(["met", "behind", "not_assessable", "exceeded"]), P("2024-H1"))).toBe("3/4 chỉ tiêu đủ điều kiện đánh giá; 2/3 đạt tiến độ");
    expect(statusLabel("behind", P("2024-9M"))).toBe("Chưa đạt tiến độ");
    expect(statusLabel("behind", P("2024"))).toBe("Chưa đạt kế hoạch");
    expect(statusLabel("exceeded", P("2024"))).toBe("Vượt");
  });
});

describe("figures", () => {
  it("counts approved figures only, an official one replacing the estimate", () => {
    const chosen = figuresInUse([
      { period: "2024-9M", basis: "estimate", value: 4.25, status: "approved" },
      { period: "2024-9M", basis: "official", value: 4.31, status: "approved" },
      { period: "2024-H1", basis: "official", value: 2.8, status: "submitted" },
      { period: "2024-H1", basis: "estimate", value: 2.7, status: "approved" },
      { period: "2024-Q1", basis: "estimate", value: 1, status: "draft" },
    ]);
    expect(chosen).toEqual([
      { period: "2024-9M", value: 4.31, basis: "official" },
      { period: "2024-H1", value: 2.7, basis: "estimate" },
    ]);
  });

  it("tiles a period with the fewest figures and says which", () => {
    const months = Array.from({ length: 9 }, (_, i) => official(`2024-${String(i + 1).padStart(2, "0")}`, 10));
    expect(accumulatedValue(indexFigures(months), 2024, 1, 9)).toEqual({ value: 90, basis: "official", from: months.map((m) => m.period) });
    const mixed = indexFigures([...months, official("2024-H1", 61), estimate("2024-Q3", 29)]);
    expect(accumulatedValue(mixed, 2024, 1, 9)).toEqual({ value: 90, basis: "estimate", from: ["2024-H1", "2024-Q3"] });
    const direct = indexFigures([...months, official("2024-9M", 91)]);
    expect(accumulatedValue(direct, 2024, 1, 9)).toEqual({ value: 91, basis: "official", from: null });
    expect(accumulatedValue(indexFigures(months.slice(0, 8)), 2024, 1, 9)).toBeNull();
    // A standalone quarter from its months.
    expect(accumulatedValue(indexFigures(months), 2024, 7, 9)?.value).toBe(30);
  });

  it("reads a level from a shorter period ending in the same month", () => {
    const a = assess(rate, plans({ 2024: 95 }), [official("2024-09", 94.5)], "2024-9M");
    expect(a.actual).toBe(94.5);
    expect(a.actualFrom).toEqual(["2024-09"]);
  });
});

describe("seasonality", () => {
  it("averages earlier years' year-to-date shares, interpolating months without a figure", () => {
    const figures = [official("2023-Q1", 20), official("2023-H1", 45), official("2023-9M", 70), official("2023", 100), official("2022-H1", 35), official("2022", 100)];
    const index = indexFigures(figures);
    expect(cumulativeShare(flow, index, 2024, 6).value).toBeCloseTo(0.4);
    expect(cumulativeShare(flow, index, 2024, 3).value).toBeCloseTo(0.2);
    expect(cumulativeShare(flow, index, 2024, 9).value).toBeCloseTo(0.7);
    expect(cumulativeShare(flow, index, 2024, 2).value).toBeCloseTo(0.2 * (2 / 3));
    expect(cumulativeShare(flow, index, 2024, 6).years).toEqual([2022, 2023]);
    // Only the three preceding years count.
    expect(cumulativeShare(flow, index, 2027, 6).method).toBe("linear");
  });

  it("expects a quarter to bring the difference of the shares at its ends", () => {
    const history = [official("2023-H1", 40), official("2023-9M", 70), official("2023", 100)];
    const a = assess(flow, plans({ 2024: 100 }), [...history, official("2024-Q3", 30)], "2024-Q3");
    expect(a.expectedShare).toBeCloseTo(0.3);
    expect(a.status).toBe("met");
  });
});

describe("forecasts", () => {
  it("forecasts a level from last year's movement over the rest of the year", () => {
    const index = indexFigures([official("2023-9M", 93), official("2023", 93.7), official("2024-9M", 94.6)]);
    const f = forecastYearEnd({ ...rate, periodKinds: ["nine_months", "year"] }, index, 2024, 9)!;
    expect(f.method).toBe("seasonal_increment");
    expect(f.value).toBeCloseTo(95.3);
  });

  it("forecasts a term total from closed years, this year's forecast and compound growth", () => {
    const figures = [official("2021", 100), official("2022", 110), official("2023", 121), official("2024-9M", 99.825)];
    const f = forecastTermEnd(flow, indexFigures(figures), P("2020-2025"), 2024, 9)!;
    // 2024: 99,825 / 0,75 = 133,1; growth 10%/year → 2025: 146,41.
    expect(f.value).toBeCloseTo(100 + 110 + 121 + 133.1 + 146.41, 6);
    expect(f.method).toBe("trajectory");
    const a = assessPeriod(flow, plans({ "2020-2025": 600, 2024: 133 }), indexFigures(figures), P("2024-9M"), P("2020-2025"));
    expect(a.likelihoodTerm).toBe("likely");
    const short = assessPeriod(flow, plans({ "2020-2025": 700, 2024: 133 }), indexFigures(figures), P("2024-9M"), P("2020-2025"));
    expect(short.likelihoodTerm).toBe("unlikely");
  });

  it("judges a term in progress on its closed years and a closed term on all of them", () => {
    const figures = [official("2021", 100), official("2022", 110), official("2023", 121)];
    const inProgress = assessPeriod(flow, plans({ "2020-2025": 600 }), indexFigures(figures), P("2020-2025"));
    expect(inProgress.actual).toBe(331);
    expect(inProgress.expectedShare).toBeCloseTo(0.6);
    expect(inProgress.status).toBe("behind"); // 331 / 360
    const all = [...figures, official("2024", 133), official("2025", 146)];
    const closed = assessPeriod(flow, plans({ "2020-2025": 600 }), indexFigures(all), P("2020-2025"));
    expect(closed.actual).toBe(610);
    expect(closed.status).toBe("exceeded");
    expect(closed.forecastTerm).toBe(610);
  });

  it("projects a level target to the term's last year on its trend", () => {
    const figures = [official("2021", 60), official("2022", 66), official("2023", 72)];
    const f = forecastTermEnd(level, indexFigures(figures), P("2020-2025"), 2023, 12)!;
    expect(f.value).toBeCloseTo(84);
  });
});

describe("lower-is-better and threshold targets", () => {
  const accidents: TargetRule = { direction: "decrease", accumulates: true, threshold: null, periodKinds: ["nine_months", "year"], unit: "vụ", termBasis: "sum" };
  const coverage: TargetRule = { direction: "threshold", accumulates: false, threshold: 95, periodKinds: ["nine_months", "year"], unit: "%", termBasis: "end" };

  it("computes % of plan as plan / figure for a ceiling", () => {
    expect(percentOfPlan("decrease", 150, 200)).toBeCloseTo(133.33, 2);
    expect(assess(accidents, plans({ 2024: 200 }), [official("2024", 150)], "2024").status).toBe("exceeded");
    expect(assess(accidents, plans({ 2024: 200 }), [official("2024", 210)], "2024").status).toBe("behind");
    const nine = assess(accidents, plans({ 2024: 200 }), [official("2024-9M", 140)], "2024-9M");
    expect(nine.status).toBe("exceeded"); // 140 ≤ 150 expected by September
    expect(nine.percentOfPlan).toBeNull(); // a part of the year is not a share of the ceiling
    expect(assess(accidents, plans({ 2024: 200 }), [official("2024", 0)], "2024").percentOfPlan).toBeNull();
  });

  it("a threshold is reached or not: never 'vượt'", () => {
    expect(assess(coverage, plans({}), [official("2024", 96)], "2024").status).toBe("met");
    expect(assess(coverage, plans({}), [official("2024", 94)], "2024").status).toBe("behind");
    expect(assess(coverage, plans({}), [official("2024-9M", 94)], "2024-9M").status).toBe("met");
    expect(assess(coverage, plans({ 2024: 94 }), [official("2024", 94)], "2024").plan).toBe(94);
  });
});

describe("charts", () => {
  it("draws a year month by month with the expected path and a forecast from the latest month", () => {
    const figures = Array.from({ length: 9 }, (_, i) => official(`2024-${String(i + 1).padStart(2, "0")}`, 10));
    const points = yearTrajectory(flow, plans({ 2024: 120 }), indexFigures(figures), 2024);
    expect(points).toHaveLength(12);
    expect(points[8]).toEqual({ month: 9, actual: 90, expected: 90, forecast: 90 });
    expect(points[11]!.forecast).toBeCloseTo(120);
    expect(points[11]!.actual).toBeNull();
    expect(points[3]!.forecast).toBeNull();
  });

  it("lists years with plan, figure and the forecast of an open year", () => {
    const s = yearlySeries(flow, plans({ 2023: 100, 2024: 110 }), indexFigures([official("2023", 104), official("2024-H1", 50)]), [2023, 2024]);
    expect(s).toEqual([
      { year: 2023, actual: 104, actualBasis: "official", plan: 100, forecast: null },
      { year: 2024, actual: null, actualBasis: null, plan: 110, forecast: 100 },
    ]);
  });

  it("assesses every period of the years and the term", () => {
    const rows = assessTarget(flow, plans({ 2024: 5, "2020-2025": 20 }), [estimate("2024-9M", 4.25)], [2024], P("2020-2025"));
    expect(rows).toHaveLength(21);
    expect(rows.find((r) => r.period === "2024-9M")!.status).toBe("exceeded");
    expect(rows.find((r) => r.period === "2024")!.status).toBe("not_assessable");
  });
});

describe("properties", () => {
  const RANK: Record<Status, number> = { not_assessable: -1, behind: 0, met: 1, exceeded: 2 };
  const positive = fc.double({ min: 0.001, max: 1e6, noNaN: true });
  const anyValue = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const direction = fc.constantFrom<Direction>("increase", "decrease", "threshold");

  it("a higher figure never lowers the status of a higher-is-better target (and never raises a lower-is-better one)", () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, fc.boolean(), (a, b, expected, interim) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const up = (x: number) => RANK[statusForRatio("increase", performanceRatio("increase", x, expected), interim)];
        const down = (x: number) => RANK[statusForRatio("decrease", performanceRatio("decrease", x, expected), interim)];
        expect(up(hi)).toBeGreaterThanOrEqual(up(lo));
        expect(down(hi)).toBeLessThanOrEqual(down(lo));
      }),
    );
  });

  it("holds monotonicity through the whole assessment, seasonality included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 12, maxLength: 12 }),
        positive,
        positive,
        positive,
        fc.constantFrom("2024-Q1", "2024-H1", "2024-9M", "2024-Q3", "2024"),
        (lastYearMonths, plan, a, b, code) => {
          const history = lastYearMonths.map((v, i) => official(`2023-${String(i + 1).padStart(2, "0")}`, v));
          const run = (x: number) => RANK[assess(flow, plans({ 2024: plan }), [...history, official(code, x)], code).status];
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(run(hi)).toBeGreaterThanOrEqual(run(lo));
        },
      ),
    );
  });

  it("is symmetric in direction: a ceiling judged on a figure is a floor judged on the figure's mirror", () => {
    fc.assert(
      fc.property(positive, positive, fc.boolean(), (actual, expected, interim) => {
        expect(performanceRatio("decrease", actual, expected)).toBeCloseTo(performanceRatio("increase", expected, actual), 9);
        expect(statusForRatio("decrease", performanceRatio("decrease", actual, expected), interim)).toBe(
          statusForRatio("increase", performanceRatio("increase", expected, actual), interim),
        );
        expect(percentOfPlan("decrease", actual, expected)).toBeCloseTo(percentOfPlan("increase", expected, actual)!, 9);
        expect(likelihoodOf("decrease", actual, expected)).toBe(likelihoodOf("increase", expected, actual));
      }),
    );
  });

  it("exactly on plan is met, never behind, in every direction", () => {
    fc.assert(
      fc.property(positive, direction, fc.boolean(), (x, d, interim) => {
        expect(statusForRatio(d, performanceRatio(d, x, x), interim)).toBe("met");
      }),
    );
  });

  it("derives a period from its months as their sum, and keeps seasonal shares within [0, 1] and rising", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 24, maxLength: 24 }), (values) => {
        const figures = values.map((v, i) => official(`${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, v));
        const index = indexFigures(figures);
        expect(accumulatedValue(index, 2023, 1, 9)!.value).toBeCloseTo(values.slice(12, 21).reduce((s, v) => s + v, 0), 6);
        let prev = 0;
        for (let m = 0; m <= 12; m++) {
          const s = cumulativeShare(flow, index, 2024, m).value;
          expect(s).toBeGreaterThanOrEqual(prev - 1e-12);
          expect(s).toBeLessThanOrEqual(1 + 1e-12);
          prev = s;
        }
      }),
    );
  });
});

describe("a resolution's short name", () => {
  it("is its symbol, else its title without the issuer", () => {
    expect(resolutionShortName({ symbol: "24-NQ/TU", title: "Nghị quyết về nhiệm vụ năm 2024" })).toBe("NQ 24-NQ/TU");
    expect(resolutionShortName({ symbol: null, title: "Chương trình công tác năm 2024 của Tỉnh ủy Hậu Giang" })).toBe("Chương trình công tác năm 2024");
    expect(resolutionShortName({ symbol: null, title: "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh Tiền Giang về nhiệm vụ năm 2024" })).toBe("Nghị quyết về nhiệm vụ năm 2024");
    expect(resolutionShortName({ symbol: null, title: "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh" })).toBe("Nghị quyết của Ban Chấp hành Đảng bộ tỉnh");
  });
});
