import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "../support/kit.js";

/** A GET with exactly these headers (fetch would add its own Accept-Encoding), body undecoded. */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

/** A built web app as Vite and web/precompress.ts leave it: hashed assets with .br/.gz copies and a hidden map. */
function fakeBuild(): { dir: string; js: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "ordered-web-"));
  mkdirSync(path.join(dir, "assets"));
  const js = `console.log(${JSON.stringify("x".repeat(2000))});`;
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Ordered</title>");
  writeFileSync(path.join(dir, "assets", "app-Ab12Cd.js"), js);
  writeFileSync(path.join(dir, "assets", "app-Ab12Cd.js.br"), brotliCompressSync(js));
  writeFileSync(path.join(dir, "assets", "app-Ab12Cd.js.gz"), gzipSync(js));
  writeFileSync(path.join(dir, "assets", "app-Ab12Cd.js.map"), "{}");
  writeFileSync(path.join(dir, "sw.js"), "self.addEventListener('fetch', () => {});");
  return { dir, js };
}

describe("the web app's files", () => {
  it("go out precompressed as accepted, hashed ones immutable, never their source maps", async ({ startServer }) => {
    const build = fakeBuild();
    const server = await startServer({ WEB_DIST: build.dir, NODE_ENV: "test" });
    const asset = `${server.url}/assets/app-Ab12Cd.js`;

    const br = await get(asset, { "accept-encoding": "gzip, deflate, br" });
    expect([br.status, br.headers["content-encoding"], br.headers["content-type"]]).toEqual([200, "br", "text/javascript; charset=UTF-8"]);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(build.js);
    expect(br.body.length).toBeLessThan(build.js.length / 10);

    const gz = await get(asset, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await get(asset);
    expect([plain.headers["content-encoding"], plain.body.toString()]).toEqual([undefined, build.js]);

    for (const map of ["/assets/app-Ab12Cd.js.map", "/assets/nothing.js.map"]) {
      const res = await get(`${server.url}${map}`);
      expect(res.status, map).toBe(404);
    }
    // The app's pages: index.html for any client route, always revalidated.
    const page = await get(`${server.url}/panel/staff`);
    expect([page.status, page.headers["cache-control"], page.body.toString()]).toEqual([
      200,
      "no-cache",
      "<!doctype html><title>Ordered</title>",
    ]);
  });

  it("serve the service worker fresh every time, and CSP lets it run from our own origin", async ({ startServer }) => {
    const server = await startServer({ WEB_DIST: fakeBuild().dir, NODE_ENV: "test" });
    const sw = await get(`${server.url}/sw.js`);
    expect([sw.status, sw.headers["cache-control"]]).toEqual([200, "no-cache"]);
    expect(sw.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(String(sw.headers["content-security-policy"])).toContain("worker-src 'self'");
  });

  it("let a guest's page fetch its code's venue and table while its script loads", async ({ startServer }) => {
    const server = await startServer({ WEB_DIST: fakeBuild().dir, NODE_ENV: "test" });
    const card = await get(`${server.url}/t/Ab_c-12`);
    expect([card.status, card.headers.link]).toEqual([200, "</api/cards/Ab_c-12>; rel=preload; as=fetch; crossorigin=anonymous"]);
    const code = await get(`${server.url}/s/Xy-9`);
    expect(code.headers.link).toBe("</api/sessions/code/Xy-9>; rel=preload; as=fetch; crossorigin=anonymous");
    // Only a code that needs no escaping is named; other pages get no hint.
    for (const page of ["/t/a%3Cb", "/s/a%20b", "/panel", "/t/Ab/c", "/kitchen/Ab"]) {
      expect((await get(`${server.url}${page}`)).headers.link, page).toBeUndefined();
    }
  });
});
