import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR } from "../utils/browser.ts";
import { startTestApp, type TestApp } from "../utils/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clientDir: CLIENT_DIR });
});
afterAll(async () => {
  await t?.close();
});

/** A raw GET (fetch would decompress and hide the encoding). */
function get(
  path: string,
): Promise<{ status: number; encoding: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { headers: { "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers["content-encoding"],
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
    for (const path of ["/", "/v", "/screen", "/chair", "/observer", "/results"]) {
      expect((await get(path)).status, path).toBe(200);
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
