import { defineTexts } from "./define.ts";

/** Times for people: China Standard Time with the zone named (shared/hall-time.ts). */
export const time = defineTexts({
  "time.hall": { zh: "{time}（北京时间）", en: "{time} (UTC+8)" },
  "time.zone": { zh: "北京时间", en: "China Standard Time (UTC+8)" },
});
