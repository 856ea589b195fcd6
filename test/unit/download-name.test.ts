import { describe, expect, it } from "vitest";
import {
  asciiDownloadName,
  contentDisposition,
  downloadName,
  filenameOf,
  roundFileName,
} from "../../shared/download-name.ts";

const round = (title: string, lockedAt = "2026-05-20T10:42:00.000Z") => ({
  id: "r2026",
  title,
  lockedAt,
});

describe("download names", () => {
  it("are the round's title and the hall's date of the lock", () => {
    expect(downloadName(round("第二轮中层干部竞争上岗"), "xlsx")).toBe(
      "第二轮中层干部竞争上岗-2026-05-20.xlsx",
    );
    // 17:00 UTC is 01:00 the next morning in the hall.
    expect(downloadName(round("第二轮", "2026-05-20T17:00:00.000Z"), "json")).toBe(
      "第二轮-2026-05-21.json",
    );
  });

  it("drop characters no file system allows, and trailing dots", () => {
    expect(downloadName(round('a/b\\c:d*e?f"g<h>i|j\u0007k'), "json")).toBe(
      "a b c d e f g h i j k-2026-05-20.json",
    );
    expect(downloadName(round("  第二轮…  方案. . "), "json")).toBe("第二轮… 方案-2026-05-20.json");
    expect(downloadName(round("CON"), "json")).toBe("CON_-2026-05-20.json");
  });

  it("fall back to the round id for a title with nothing left, and cut long titles", () => {
    expect(downloadName(round("///"), "json")).toBe("jingpin-r2026-2026-05-20.json");
    const long = downloadName(round("长".repeat(120)), "xlsx");
    expect(long).toBe(`${"长".repeat(60)}-2026-05-20.xlsx`);
  });

  it("have an ASCII twin for clients without filename*", () => {
    expect(asciiDownloadName(round("第二轮"), "xlsx")).toBe("jingpin-r2026-2026-05-20.xlsx");
  });

  it("go out as RFC 5987 filename* that reads back to the same name", () => {
    const name = "第二轮 (中层) 'A'*-2026-05-20.xlsx";
    const header = contentDisposition(name, "jingpin-r2026-2026-05-20.xlsx");
    expect(header).toMatch(
      /^attachment; filename="jingpin-r2026-2026-05-20\.xlsx"; filename\*=UTF-8''/,
    );
    // RFC 5987 attr-char: letters, digits, !#$&+-.^_`|~ and %-escapes, nothing else.
    expect(header.split("UTF-8''")[1]).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(filenameOf(header)).toBe(name);
    expect(filenameOf('attachment; filename="plain.json"')).toBe("plain.json");
    expect(filenameOf(null)).toBeNull();
  });

  it("name a draft's round file after its title alone", () => {
    expect(roundFileName({ id: "r2026", title: "第二轮:中层干部" })).toBe("第二轮 中层干部.json");
    expect(roundFileName({ id: "r2026", title: " / " })).toBe("jingpin-r2026.json");
  });
});
