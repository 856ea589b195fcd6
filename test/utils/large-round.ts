import { DEMO_ROUND } from "./test-app.ts";

/** A 40-character title: the longest a bureau writes on its banner. */
export const LONG_TITLE =
  "县应急管理局二〇二六年度机关中层干部及事业单位负责人竞争上岗演讲答辩暨民主测评会";

const POSTS = [
  ["office", "办公室主任"],
  ["supervision", "安全生产监督管理科科长"],
  ["enforcement", "综合行政执法大队大队长"],
  ["law", "政策法规科科长"],
  ["rescue", "应急救援指挥中心主任"],
  ["disaster", "防灾减灾科科长"],
] as const;

const NAMES = [
  "王建国",
  "李晓梅",
  "张伟",
  "刘芳",
  "陈志强",
  "杨丽",
  "赵磊",
  "黄海燕",
  "周文博",
  "吴秀英",
  "徐国栋",
  "孙丽娟",
  "马俊杰",
  "欧阳明远",
];

/**
 * The demo round grown to a large hall's size (14 candidates, 6 posts, the long title), with
 * the shortest legal speech timer so a test sees the overtime. Post "office" draws seven
 * applicants: more than one block of the ranking holds.
 */
export function largeRound(): typeof DEMO_ROUND {
  if ([...LONG_TITLE].length !== 40) throw new Error("the long title must be 40 characters");
  const candidates = NAMES.map((name, i) => {
    const first = i < 7 ? "office" : (POSTS[1 + (i % 5)]?.[0] ?? "law");
    const second = POSTS[1 + ((i + 2) % 5)]?.[0] ?? "law";
    return {
      id: `C${i + 1}`,
      name,
      unit: `${POSTS[i % 6]?.[1] ?? ""}副职`,
      applications: first === second ? [first] : [first, second],
    };
  });
  return {
    ...DEMO_ROUND,
    title: LONG_TITLE,
    positions: POSTS.map(([id, title]) => ({ id, title, seats: 1, conditions: "" })),
    candidates,
    speakingOrder: candidates.map((c) => c.id),
    timers: { speechSeconds: 10, defenseSeconds: 45 },
  };
}
