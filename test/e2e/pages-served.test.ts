import { request } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../server/platform/security-headers.ts";
import { CLIENT_DIR, launchBrowser, PHONE, screenshot } from "../utils/browser.ts";
import { startTestApp, type TestApp } from "../utils/test-app.ts";
import { zh } from "./pages/i18n.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";

let t: TestApp;
let browser: Browser;
beforeAll(async () => {
  t = await startTestApp({ clientDir: CLIENT_DIR });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const PAGE_ROUTES = ["/", "/v", "/screen", "/chair", "/observer", "/results", "/a/r1", "/r/r1"];

/** A raw GET (fetch would decompress and hide the encoding). */
function get(path: string): Promise<{
  status: number;
  encoding: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { headers: { "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers["content-encoding"],
          headers: res.headers,
          body: Buffer.concat(chunks).toString("latin1"),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the built pages", () => {
  it("are served at their routes", async () => {
    for (const path of PAGE_ROUTES) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it("send a same-origin Content-Security-Policy, nosniff and no framing on every route", async () => {
    const assets = [...(await get("/v")).body.matchAll(/src="(\/assets\/[^"]+)"/g)].map(
      (m) => m[1] ?? "",
    );
    for (const path of [...PAGE_ROUTES, ...assets, "/healthz", "/api/rounds/r1/export"]) {
      const { headers } = await get(path);
      expect(headers["content-security-policy"], path).toBe(CONTENT_SECURITY_POLICY);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe");
  });

  it("run under that policy: no page breaks a rule of it", async () => {
    const context = await browser.newContext();
    try {
      for (const path of PAGE_ROUTES) {
        const page = await context.newPage();
        const violations: string[] = [];
        page.on("console", (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        // A violation that logs nothing (a blocked style) still fires this event.
        await page.addInitScript(`document.addEventListener("securitypolicyviolation", (e) =>
          console.error("Content Security Policy: " + e.violatedDirective + " " + e.blockedURI));`);
        await page.goto(`${t.url}${path}`);
        // Each page renders its first heading or field once its bundle and styles ran.
        await page.locator("#app > *").first().waitFor();
        expect(violations, path).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it("go out gzipped, scripts included, for a slow hall Wi-Fi", async () => {
    const page = await fetch(`${t.url}/v`).then((r) => r.text());
    const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
      (m) => m[1] ?? "",
    );
    expect(assets.length).toBeGreaterThan(0);
    let gzipped = 0;
    for (const asset of assets) {
      const res = await get(asset);
      expect(res.status, asset).toBe(200);
      // Below 1 kB compressing costs more than it saves; everything larger is gzipped.
      const size = (await fetch(`${t.url}${asset}`).then((r) => r.arrayBuffer())).byteLength;
      if (size > 1024) {
        expect(res.encoding, asset).toBe("gzip");
        gzipped++;
      }
    }
    expect(gzipped).toBeGreaterThan(2);
  });
});

describe("the organizer's sign-in after too many wrong passphrases", () => {
  it("says how long the lockout lasts", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const organizer = new OrganizerPage(await context.newPage(), t.url);
    await organizer.page.goto(`${t.url}/`);
    const wrong = zh("error.wrong_passphrase");
    for (let i = 0; i < 10; i++) {
      expect(await organizer.refusedLogin(`wrong-${i}`, wrong)).toBe(wrong);
    }
    // The 300 s window of the first failure, a few seconds in: "5 minutes", rounded up.
    const locked = zh("org.login.lockedMinutes", { n: 5 });
    expect(locked).toBe("尝试次数过多，请 5 分钟后再试");
    expect(await organizer.refusedLogin("test-passphrase", locked)).toBe(locked);
    await screenshot(organizer.page, "organizer-login-locked-390x844");
    await context.close();
  });
});
