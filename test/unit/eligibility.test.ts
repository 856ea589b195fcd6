import { describe, expect, it } from "vitest";
import { common } from "../../shared/i18n/common.ts";
import { review } from "../../shared/i18n/review.ts";
import {
  type ConditionCheck,
  checkConditions,
  renderReviewMessage,
  reviewYears,
  summarize,
  type Translate,
} from "../../shared/setup/eligibility.ts";
import {
  EDUCATION_LEVELS,
  PENALTY_KINDS,
  type Person,
  RELATIONS,
  REVIEW_GRADES,
} from "../../shared/setup/person.ts";
import type { PostConditions } from "../../shared/setup/post-conditions.ts";

/**
 * shared/i18n/index.ts does not list the review texts yet, so the hints are formatted here
 * with the same placeholder rules as its translate ({name} and {name|one|other}).
 */
const texts = { ...common, ...review };
const t =
  (locale: "zh" | "en"): Translate =>
  (key, params) =>
    texts[key][locale].replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (m, name, one, other) => {
      if (!(name in params)) return m;
      if (one === undefined) return String(params[name]);
      return Number(params[name]) === 1 ? one : other;
    });
const zh = (c: ConditionCheck | undefined) => {
  if (!c) throw new Error("no check");
  return renderReviewMessage(c.message, t("zh"));
};
const en = (c: ConditionCheck | undefined) => {
  if (!c) throw new Error("no check");
  return renderReviewMessage(c.message, t("en"));
};

const REF = "2026-05-20";

function person(over: Partial<Person> = {}): Person {
  return {
    staffNo: "A001",
    name: "张三",
    sex: "male",
    birthDate: "1985-03-10",
    department: "办公室",
    currentPost: "",
    grade: "四级主任科员",
    gradeSince: "2022-01-01",
    workStart: "2010-07-01",
    grassrootsYears: 3,
    education: "bachelor",
    reviewGrades: { "2023": "excellent", "2024": "competent", "2025": "competent" },
    penalties: [],
    voterGroup: "staff",
    ...over,
  };
}

function only(p: Person, conditions: PostConditions, ref = REF): ConditionCheck {
  const checks = checkConditions(p, conditions, ref);
  expect(checks).toHaveLength(1);
  return checks[0] as ConditionCheck;
}

describe("which checks a post's conditions give", () => {
  it("gives none for a post without structured conditions", () => {
    expect(checkConditions(person(), {}, REF)).toEqual([]);
    expect(checkConditions(person(), { noActivePenalty: false }, REF)).toEqual([]);
  });

  it("gives one per condition set, in a fixed order", () => {
    const checks = checkConditions(
      person(),
      {
        noActivePenalty: true,
        maxAge: 45,
        minEducation: "college",
        reviewGrades: { years: 3, atLeast: "competent" },
        minGradeYears: 2,
        minGrassrootsYears: 2,
        minWorkYears: 5,
      },
      REF,
    );
    expect(checks.map((c) => c.condition)).toEqual([
      "workYears",
      "grassrootsYears",
      "gradeYears",
      "education",
      "age",
      "reviewGrades",
      "penalty",
    ]);
    expect(checks.every((c) => c.pass)).toBe(true);
    expect(summarize(checks)).toEqual({ pass: true });
  });

  it("summarizes to the failing checks", () => {
    const checks = checkConditions(
      person({ education: "technical" }),
      { minWorkYears: 5, minEducation: "college", maxAge: 30 },
      REF,
    );
    const summary = summarize(checks);
    expect(summary.pass).toBe(false);
    if (summary.pass) return;
    expect(summary.failing.map((c) => c.condition)).toEqual(["education", "age"]);
  });
});

describe("years of work", () => {
  it("reaches N years on the day N years after the start", () => {
    const c = only(person({ workStart: "2021-05-20" }), { minWorkYears: 5 });
    expect(c).toMatchObject({ condition: "workYears", pass: true });
    expect(c.message).toEqual({ key: "review.check.workYears", params: { years: 5, min: 5 } });
    expect(zh(c)).toBe("工作年限 5 年，要求 ≥ 5 年");
  });

  it("falls one day short the day before", () => {
    const c = only(person({ workStart: "2021-05-21" }), { minWorkYears: 5 });
    expect(c.pass).toBe(false);
    expect(zh(c)).toBe("工作年限 4 年，要求 ≥ 5 年");
    expect(en(c)).toBe("4 years of work, required ≥ 5");
  });

  it("shows the data used", () => {
    expect(zh(only(person({ workStart: "2020-03-01" }), { minWorkYears: 5 }))).toBe(
      "工作年限 6 年，要求 ≥ 5 年",
    );
    expect(en(only(person({ workStart: "2025-05-20" }), { minWorkYears: 0 }))).toBe(
      "1 year of work, required ≥ 0",
    );
  });
});

describe("years at grassroots level", () => {
  it("compares the register's number as given, the minimum itself passing", () => {
    expect(only(person({ grassrootsYears: 2 }), { minGrassrootsYears: 2 }).pass).toBe(true);
    const short = only(person({ grassrootsYears: 1.5 }), { minGrassrootsYears: 2 });
    expect(short.pass).toBe(false);
    expect(zh(short)).toBe("基层工作经历 1.5 年，要求 ≥ 2 年");
    expect(en(short)).toBe("1.5 years at grassroots level, required ≥ 2");
  });
});

describe("years at the current grade", () => {
  it("counts from gradeSince, the anniversary included", () => {
    const c = only(person({ gradeSince: "2024-05-20" }), { minGradeYears: 2 });
    expect(c.pass).toBe(true);
    expect(zh(c)).toBe("任现职级 2 年（2024-05-20 起），要求 ≥ 2 年");
    const short = only(person({ gradeSince: "2024-05-21" }), { minGradeYears: 2 });
    expect(short.pass).toBe(false);
    expect(short.message.params).toEqual({ years: 1, since: "2024-05-21", min: 2 });
  });

  it("fails with a no-date hint when gradeSince is not recorded", () => {
    const c = only(person({ gradeSince: null }), { minGradeYears: 0 });
    expect(c).toMatchObject({ condition: "gradeYears", pass: false });
    expect(c.message).toEqual({ key: "review.check.gradeYears.noDate", params: { min: 0 } });
    expect(zh(c)).toBe("未录入任现职级时间，无法计算任职年限，要求 ≥ 0 年");
  });
});

describe("education", () => {
  it("passes the minimum itself and above, fails below", () => {
    expect(only(person({ education: "college" }), { minEducation: "college" }).pass).toBe(true);
    expect(only(person({ education: "doctor" }), { minEducation: "college" }).pass).toBe(true);
    expect(only(person({ education: "technical" }), { minEducation: "college" }).pass).toBe(false);
    for (const [i, level] of EDUCATION_LEVELS.entries()) {
      for (const [j, min] of EDUCATION_LEVELS.entries()) {
        expect(only(person({ education: level }), { minEducation: min }).pass).toBe(i >= j);
      }
    }
  });

  it("names both levels in the reader's language", () => {
    const c = only(person({ education: "bachelor" }), { minEducation: "college" });
    expect(zh(c)).toBe("学历 本科，要求 大专及以上");
    expect(en(c)).toBe("Education: bachelor's degree, required junior college or higher");
  });
});

describe("age", () => {
  const born = (birthDate: string) => person({ birthDate });

  it("turns max + 1 on the birthday that is the reference date: fails", () => {
    const c = only(born("1980-05-20"), { maxAge: 45 });
    expect(c.pass).toBe(false);
    expect(zh(c)).toBe("年龄 46 岁，要求 ≤ 45 岁");
  });

  it("is still max the day before that birthday: passes", () => {
    const c = only(born("1980-05-21"), { maxAge: 45 });
    expect(c.pass).toBe(true);
    expect(zh(c)).toBe("年龄 45 岁，要求 ≤ 45 岁");
    expect(en(c)).toBe("Age 45, required ≤ 45");
  });

  it("ages a 02-29 birthday on 02-28 of a common year", () => {
    expect(only(born("1980-02-29"), { maxAge: 45 }, "2026-02-27").pass).toBe(true);
    const onThe28th = only(born("1980-02-29"), { maxAge: 45 }, "2026-02-28");
    expect(onThe28th.pass).toBe(false);
    expect(onThe28th.message.params).toEqual({ age: 46, max: 45 });
    // In a leap year the birthday is the 29th itself.
    expect(only(born("1980-02-29"), { maxAge: 47 }, "2028-02-28").pass).toBe(true);
    expect(only(born("1980-02-29"), { maxAge: 47 }, "2028-02-29").pass).toBe(false);
  });
});

describe("annual review grades of the last N years", () => {
  const grades = { years: 3, atLeast: "competent" } as const;

  it("are the N calendar years before the reference date's year", () => {
    expect(reviewYears(3, "2026-05-20")).toEqual(["2023", "2024", "2025"]);
    expect(reviewYears(3, "2026-01-01")).toEqual(["2023", "2024", "2025"]);
    expect(reviewYears(1, "2025-12-31")).toEqual(["2024"]);
  });

  it("pass when every year is at least the grade, the grade itself included", () => {
    const c = only(person(), { reviewGrades: grades });
    expect(c.pass).toBe(true);
    expect(zh(c)).toBe("近 3 年考核：2023 优秀、2024 称职、2025 称职，要求均为称职及以上");
  });

  it("fail on one year below, with every year shown", () => {
    const p = person({
      reviewGrades: {
        "2023": "excellent",
        "2024": "competent",
        "2025": "basic",
        "2022": "incompetent",
      },
    });
    const c = only(p, { reviewGrades: grades });
    expect(c.pass).toBe(false);
    expect(zh(c)).toBe("近 3 年考核：2023 优秀、2024 称职、2025 基本称职，要求均为称职及以上");
    expect(en(c)).toBe(
      "Annual reviews of the last 3 years: 2023 excellent, 2024 competent, 2025 basically competent; each required competent or better",
    );
  });

  it("ignore years outside the window", () => {
    const p = person({
      reviewGrades: {
        "2022": "incompetent",
        "2023": "competent",
        "2024": "competent",
        "2025": "competent",
        "2026": "incompetent",
      },
    });
    expect(only(p, { reviewGrades: grades }).pass).toBe(true);
  });

  it("fail on a year with no grade recorded, saying it cannot be confirmed", () => {
    const p = person({ reviewGrades: { "2023": "excellent", "2025": "excellent" } });
    const c = only(p, { reviewGrades: grades });
    expect(c.pass).toBe(false);
    expect(c.message.key).toBe("review.check.reviewGrades.missing");
    expect(zh(c)).toBe(
      "近 3 年考核：2023 优秀、2024 无记录、2025 优秀，要求均为称职及以上；缺少 2024 年的考核等次，无法确认",
    );
    expect(
      en(only(person({ reviewGrades: {} }), { reviewGrades: { years: 2, atLeast: "basic" } })),
    ).toBe(
      "Annual reviews of the last 2 years: 2024 not recorded, 2025 not recorded; each required basically competent or better; no grade recorded for 2024, 2025, so it cannot be confirmed",
    );
  });

  it("follow the order of the grades for every threshold", () => {
    for (const [i, grade] of REVIEW_GRADES.entries()) {
      for (const [j, atLeast] of REVIEW_GRADES.entries()) {
        const p = person({ reviewGrades: { "2025": grade } });
        expect(
          only(p, { reviewGrades: { years: 1, atLeast } }).pass,
          `${grade} vs ${atLeast}`,
        ).toBe(i <= j);
      }
    }
  });
});

describe("disciplinary penalties", () => {
  const noPenalty = { noActivePenalty: true } as const;
  const with_ = (...penalties: Person["penalties"]) => person({ penalties });

  it("pass with none", () => {
    const c = only(person(), noPenalty);
    expect(c.pass).toBe(true);
    expect(zh(c)).toBe("处分：无");
  });

  it("fail while in effect, with the period shown", () => {
    const c = only(with_({ kind: "demerit", from: "2025-03-01" }), noPenalty, "2026-02-28");
    expect(c.pass).toBe(false);
    expect(zh(c)).toBe(
      "处分：记过（2025-03-01 起 12 个月，至 2026-03-01），审查基准日仍在影响期内",
    );
    expect(en(c)).toBe(
      "Penalty: demerit (12 months from 2025-03-01, until 2026-03-01), still in effect on the reference date",
    );
  });

  it("no longer count when the period ended the day before the reference date", () => {
    // 12 months from 2025-03-01: the last day in effect is 2026-02-28.
    const c = only(with_({ kind: "demerit", from: "2025-03-01" }), noPenalty, "2026-03-01");
    expect(c.pass).toBe(true);
    expect(zh(c)).toBe("处分：记过（2025-03-01 起 12 个月，至 2026-03-01），审查基准日已过影响期");
  });

  it("still count when the period's last day is the reference date", () => {
    expect(only(with_({ kind: "warning", from: "2025-11-21" }), noPenalty, REF).pass).toBe(false);
    expect(only(with_({ kind: "warning", from: "2025-11-20" }), noPenalty, REF).pass).toBe(true);
  });

  it("count from the decision's own day", () => {
    expect(only(with_({ kind: "warning", from: REF }), noPenalty, REF).pass).toBe(false);
  });

  it("end on the month's last day when the period has no such day", () => {
    // 2025-08-31 + 6 months = 2026-02-28: in effect through 02-27.
    const p = with_({ kind: "warning", from: "2025-08-31" });
    expect(only(p, noPenalty, "2026-02-27").pass).toBe(false);
    const c = only(p, noPenalty, "2026-02-28");
    expect(c.pass).toBe(true);
    expect(c.message.params).toEqual({ from: "2025-08-31", months: 6, until: "2026-02-28" });
  });

  it("use each kind's months", () => {
    for (const kind of PENALTY_KINDS) {
      const c = only(with_({ kind, from: "2024-01-01" }), noPenalty, "2024-06-30");
      expect(c.pass, kind).toBe(false);
      expect(zh(c)).toContain(review[`person.penalty.${kind}`].zh);
    }
    expect(only(with_({ kind: "warning", from: "2024-01-01" }), noPenalty, "2024-07-01").pass).toBe(
      true,
    );
    expect(
      only(with_({ kind: "major-demerit", from: "2024-01-01" }), noPenalty, "2025-06-30").pass,
    ).toBe(false);
    expect(
      only(with_({ kind: "major-demerit", from: "2024-01-01" }), noPenalty, "2025-07-01").pass,
    ).toBe(true);
    expect(only(with_({ kind: "removal", from: "2024-01-01" }), noPenalty, "2025-12-31").pass).toBe(
      false,
    );
    expect(
      only(with_({ kind: "demotion", from: "2024-01-01" }), noPenalty, "2026-01-01").pass,
    ).toBe(true);
  });

  it("fail on one decided after the reference date, asking to verify", () => {
    const c = only(with_({ kind: "warning", from: "2026-05-21" }), noPenalty, REF);
    expect(c.pass).toBe(false);
    expect(zh(c)).toBe(
      "处分：警告（2026-05-21 起 6 个月，至 2026-11-21），在审查基准日之后作出，请核实",
    );
  });

  it("show the one in effect among several", () => {
    const p = with_(
      { kind: "warning", from: "2020-01-01" },
      { kind: "demerit", from: "2025-09-01" },
      { kind: "warning", from: "2023-01-01" },
    );
    const c = only(p, noPenalty, REF);
    expect(c.pass).toBe(false);
    expect(c.message.key).toBe("review.check.penalty.active");
    expect(c.message.params.from).toBe("2025-09-01");
    const ended = only(
      with_({ kind: "warning", from: "2020-01-01" }, { kind: "warning", from: "2023-01-01" }),
      noPenalty,
      REF,
    );
    expect(ended.pass).toBe(true);
    expect(ended.message.params.from).toBe("2023-01-01");
  });
});

describe("the review texts", () => {
  it("have the same placeholders in both languages", () => {
    const names = (s: string) =>
      [...new Set([...s.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();
    for (const [key, { zh: z, en: e }] of Object.entries(review)) {
      expect(z.trim(), key).not.toBe("");
      expect(e.trim(), key).not.toBe("");
      expect(names(e), key).toEqual(names(z));
    }
  });

  it("write Chinese punctuation full-width (GB/T 15834)", () => {
    const halfWidth = /(?<![A-Za-z0-9])[,;:?!()]|[,;:?!()](?![A-Za-z0-9])/;
    expect(Object.entries(review).filter(([, { zh: z }]) => halfWidth.test(z))).toEqual([]);
  });

  it("label every education level, grade, penalty kind and relation", () => {
    const keys = [
      ...EDUCATION_LEVELS.map((l) => `person.education.${l}`),
      ...REVIEW_GRADES.map((g) => `person.reviewGrade.${g}`),
      ...PENALTY_KINDS.map((k) => `person.penalty.${k}`),
      ...RELATIONS.map((r) => `person.relation.${r}`),
    ];
    for (const key of keys) expect(Object.keys(review), key).toContain(key);
  });

  it("leave no key outside the review. and person. prefixes", () => {
    expect(Object.keys(review).filter((k) => !/^(review|person)\./.test(k))).toEqual([]);
  });
});
