import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { type ErrorBody, LIMITS, type PhotoDto, type ProductDto } from "@ordered/contract";
import sharp from "sharp";
import type { PrismaClient } from "../../src/db/prisma.js";
import { removePhoto, storePhoto } from "../../src/media/photos.js";
import { openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, test } from "../support/kit.js";
import { recorderOf } from "../support/sockets.js";

/** Every test gets a photo folder of its own and a server storing into it. */
const it = test
  .extend("photoDir", async ({}, { onCleanup }) => {
    const dir = await mkdtemp(path.join(tmpdir(), "ordered-photos-"));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    return dir;
  })
  .extend("photoServer", async ({ photoDir, startServer }) => startServer({ PHOTO_DIR: photoDir }));

const IMMUTABLE = "public, max-age=31536000, immutable";

/** A 1200 × 800 picture (a gradient, so the encoders have something to encode) in `format`. */
function picture(format: "jpeg" | "png" | "webp" | "gif", width = 1200, height = 800): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#c0392b"/><stop offset="1" stop-color="#f1c40f"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="30%" cy="40%" r="20%" fill="#2980b9"/></svg>`;
  return sharp(Buffer.from(svg))[format]().toBuffer();
}

function upload(server: TestServer, token: string | undefined, productId: string, body: Uint8Array, type = "image/jpeg") {
  return fetch(`${server.url}/api/products/${productId}/photo`, {
    method: "PUT",
    headers: { "content-type": type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  }).then(async (res) => ({
    status: res.status,
    // One or the other, by the status: tests check the status first.
    body: (await res.json()) as { product: ProductDto; error: ErrorBody },
  }));
}

function removeRequest(server: TestServer, token: string, productId: string) {
  return server.api.request("DELETE", `/api/products/${productId}/photo`, { token });
}

/** GET as sent: no URL normalisation (fetch would resolve `..` before sending). */
function rawGet(server: TestServer, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const files = async (dir: string) => (await readdir(dir)).sort();
const photoKeyOf = (prisma: PrismaClient, id: string) =>
  prisma.product.findUniqueOrThrow({ where: { id }, select: { photoKey: true, version: true } });

/**
 * A PNG whose header declares `width` × `height` pixels, with a few kilobytes of data: the
 * shape of a decompression bomb, which must be refused before anything is decoded.
 */
function declaredPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(8 + body.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 4 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(256 * 1024))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The key in a photo's URLs: /media/products/<key>-small.webp. */
const keyOf = (photo: PhotoDto) => /\/media\/products\/(.+)-small\.webp$/.exec(photo.small)![1]!;

describe("product photos", () => {
  it.for(["jpeg", "png", "webp"] as const)(
    "stores a %s upload as WebP variants of the photo widths, served with an immutable cache",
    async (format, { photoServer, photoDir, venue, prisma }) => {
      const product = venue.products[0]!;
      const before = await photoKeyOf(prisma, product.id);
      const res = await upload(photoServer, venue.staffToken, product.id, await picture(format), `image/${format}`);
      expect(res.status).toBe(200);
      const photo = res.body.product.photo!;
      const key = keyOf(photo);
      expect(key).toMatch(new RegExp(`^${product.id}-[0-9a-f]{16}$`));
      expect(res.body.product).toMatchObject({ id: product.id, version: before.version + 1 });
      expect(await photoKeyOf(prisma, product.id)).toMatchObject({ photoKey: key, version: before.version + 1 });
      expect(await files(photoDir)).toEqual([`${key}-large.webp`, `${key}-medium.webp`, `${key}-small.webp`]);

      for (const size of ["small", "medium", "large"] as const) {
        expect(photo[size]).toBe(`/media/products/${key}-${size}.webp`);
        const stored = await readFile(path.join(photoDir, `${key}-${size}.webp`));
        const meta = await sharp(stored).metadata();
        expect(meta).toMatchObject({
          format: "webp",
          width: LIMITS.photo.widths[size],
          height: Math.round((LIMITS.photo.widths[size] * 2) / 3),
        });
        expect(meta.exif).toBeUndefined();
        const served = await fetch(`${photoServer.url}${photo[size]}`);
        expect(served.status).toBe(200);
        expect(served.headers.get("content-type")).toBe("image/webp");
        expect(served.headers.get("cache-control")).toBe(IMMUTABLE);
        expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);
      }
    },
  );

  it("judges the bytes, not the Content-Type: a PNG sent as image/jpeg is stored", async ({ photoServer, photoDir, venue }) => {
    const res = await upload(photoServer, venue.staffToken, venue.products[1]!.id, await picture("png"), "image/jpeg");
    expect(res.status).toBe(200);
    expect((await files(photoDir)).length).toBe(3);
  });

  it("turns photos the right way up by their EXIF orientation, strips metadata and never enlarges", async ({
    photoServer,
    photoDir,
    venue,
  }) => {
    // 300 × 200 as stored, shown rotated by 90° (orientation 6): a 200 × 300 picture.
    const sideways = await sharp(await picture("jpeg", 300, 200))
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: "someone" } } })
      .jpeg()
      .toBuffer();
    const res = await upload(photoServer, venue.staffToken, venue.products[0]!.id, sideways);
    expect(res.status).toBe(200);
    const key = keyOf(res.body.product.photo!);
    const size = async (variant: string) => {
      const meta = await sharp(path.join(photoDir, `${key}-${variant}.webp`)).metadata();
      return [meta.width, meta.height, meta.orientation, meta.exif];
    };
    expect(await size("small")).toEqual([160, 240, undefined, undefined]);
    expect(await size("medium")).toEqual([200, 300, undefined, undefined]);
    expect(await size("large")).toEqual([200, 300, undefined, undefined]);
  });

  /** Refusals: [what, bytes, Content-Type, status, code, words of the message]. */
  const refusals: [string, () => Promise<Buffer>, string, number, string, string][] = [
    [
      "a text file",
      async () => Buffer.from("just some text, not a picture\n".repeat(20)),
      "image/png",
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "not an image",
    ],
    [
      "a truncated JPEG",
      async () => (await picture("jpeg")).subarray(0, 3000),
      "image/jpeg",
      400,
      "VALIDATION_FAILED",
      "damaged or incomplete",
    ],
    [
      "an SVG",
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'),
      "image/png",
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "is an SVG",
    ],
    ["a GIF", () => picture("gif"), "image/png", 415, "UNSUPPORTED_MEDIA_TYPE", "is a GIF"],
    ["an empty body", async () => Buffer.alloc(0), "image/png", 400, "VALIDATION_FAILED", "empty"],
    ["a photo sent as text/plain", () => picture("jpeg"), "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type image/jpeg"],
    ["a photo sent as JSON", () => picture("jpeg"), "application/json", 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type image/jpeg"],
    // A few kilobytes that declare 50 megapixels: refused from the header, before decoding.
    ["a 50-megapixel PNG", async () => declaredPng(10_000, 5_000), "image/png", 400, "VALIDATION_FAILED", "10000 × 5000 pixels"],
  ];
  it.for(refusals)(
    "refuses %s with a clear message and stores nothing",
    async ([, bytes, type, status, code, words], { photoServer, photoDir, venue, prisma }) => {
      const product = venue.products[0]!;
      const first = await upload(photoServer, venue.staffToken, product.id, await picture("jpeg"));
      expect(first.status).toBe(200);
      const before = { row: await photoKeyOf(prisma, product.id), files: await files(photoDir) };

      const res = await upload(photoServer, venue.staffToken, product.id, await bytes(), type);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toContain(words);
      expect(res.body.error.message).toMatch(/^photo: /);
      expect(await photoKeyOf(prisma, product.id)).toEqual(before.row);
      expect(await files(photoDir)).toEqual(before.files);
    },
  );

  it("refuses a body over the size limit with 413, storing nothing", async ({ photoServer, photoDir, venue, prisma }) => {
    const product = venue.products[0]!;
    const jpeg = await picture("jpeg");
    const tooBig = Buffer.concat([jpeg, Buffer.alloc(LIMITS.photo.maxBytes + 1 - jpeg.length)]);
    const res = await upload(photoServer, venue.staffToken, product.id, tooBig);
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({
      code: "PAYLOAD_TOO_LARGE",
      message: "photo: the file is larger than 8 MB; make it smaller and retry",
    });
    expect((await photoKeyOf(prisma, product.id)).photoKey).toBeNull();
    expect(await files(photoDir)).toEqual([]);
  });

  it("answers 404 for another location's product and 401 without a staff token, storing nothing", async ({
    photoServer,
    photoDir,
    venue,
    otherVenue,
    prisma,
  }) => {
    const jpeg = await picture("jpeg");
    const theirs = otherVenue.products[0]!.id;
    for (const id of [theirs, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const res = await upload(photoServer, venue.staffToken, id, jpeg);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
      expect((await removeRequest(photoServer, venue.staffToken, id)).status).toBe(404);
    }
    const table = await openAndJoin(photoServer, venue.staffToken);
    for (const token of [table.customerToken, undefined]) {
      const res = await upload(photoServer, token, venue.products[0]!.id, jpeg);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHENTICATED");
    }
    const del = await photoServer.api.request("DELETE", `/api/products/${venue.products[0]!.id}/photo`, { token: table.customerToken });
    expect(del.status).toBe(401);
    expect((await photoKeyOf(prisma, theirs)).photoKey).toBeNull();
    expect((await photoKeyOf(prisma, venue.products[0]!.id)).photoKey).toBeNull();
    expect(await files(photoDir)).toEqual([]);
  });

  it("refuses to change an archived product's photo (409)", async ({ photoServer, photoDir, venue, prisma }) => {
    const id = venue.products[2]!.id;
    await prisma.product.update({ where: { id }, data: { archivedAt: new Date() } });
    const res = await upload(photoServer, venue.staffToken, id, await picture("jpeg"));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("archived") });
    expect((await removeRequest(photoServer, venue.staffToken, id)).status).toBe(409);
    expect(await files(photoDir)).toEqual([]);
  });

  it("replacing a photo removes the old variants, whose URLs then answer 404", async ({ photoServer, photoDir, venue }) => {
    const id = venue.products[0]!.id;
    const first = (await upload(photoServer, venue.staffToken, id, await picture("jpeg"))).body.product as ProductDto;
    const second = (await upload(photoServer, venue.staffToken, id, await picture("png"), "image/png")).body.product as ProductDto;
    expect(keyOf(second.photo!)).not.toBe(keyOf(first.photo!));
    expect(second.version).toBe(first.version + 1);
    const key = keyOf(second.photo!);
    expect(await files(photoDir)).toEqual([`${key}-large.webp`, `${key}-medium.webp`, `${key}-small.webp`]);
    expect((await fetch(`${photoServer.url}${first.photo!.large}`)).status).toBe(404);
    expect((await fetch(`${photoServer.url}${second.photo!.large}`)).status).toBe(200);
  });

  it("concurrent uploads leave exactly the photo the product ends up with", async ({ photoServer, photoDir, venue, prisma }) => {
    const id = venue.products[0]!.id;
    const images = await Promise.all((["jpeg", "png", "webp", "jpeg"] as const).map((format) => picture(format)));
    const results = await Promise.all(images.map((bytes) => upload(photoServer, venue.staffToken, id, bytes, "image/png")));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const { photoKey, version } = await photoKeyOf(prisma, id);
    expect(await files(photoDir)).toEqual([`${photoKey}-large.webp`, `${photoKey}-medium.webp`, `${photoKey}-small.webp`]);
    expect(version).toBe(results.map((r) => r.body.product.version as number).sort((a, b) => b - a)[0]);
  });

  it("DELETE removes the photo and its files; a second DELETE changes nothing", async ({ photoServer, photoDir, venue, prisma }) => {
    const id = venue.products[0]!.id;
    const uploaded = (await upload(photoServer, venue.staffToken, id, await picture("webp"), "image/webp")).body.product as ProductDto;
    const res = await removeRequest(photoServer, venue.staffToken, id);
    expect(res.status).toBe(200);
    expect(res.body.product).toMatchObject({ id, photo: null, version: uploaded.version + 1 });
    expect(await files(photoDir)).toEqual([]);
    expect(await photoKeyOf(prisma, id)).toMatchObject({ photoKey: null, version: uploaded.version + 1 });
    expect((await fetch(`${photoServer.url}${uploaded.photo!.small}`)).status).toBe(404);
    const again = await removeRequest(photoServer, venue.staffToken, id);
    expect(again.status).toBe(200);
    expect(again.body.product).toMatchObject({ photo: null, version: uploaded.version + 1 });
  });

  it("serves only variant files: no other file, folder, listing or path outside the folder", async ({ photoServer, photoDir, venue }) => {
    const uploaded = await upload(photoServer, venue.staffToken, venue.products[0]!.id, await picture("jpeg"));
    const key = keyOf(uploaded.body.product.photo!);
    await writeFile(path.join(photoDir, "secret.txt"), "SECRET-CONTENT");
    await writeFile(path.join(photoDir, `.tmp-${key}-small.webp`), "SECRET-CONTENT");
    const attempts = [
      "/media/products/secret.txt",
      `/media/products/.tmp-${key}-small.webp`,
      "/media/products/../../package.json",
      "/media/products/..%2F..%2Fpackage.json",
      "/media/products/%2e%2e%2f%2e%2e%2fpackage.json",
      "/media/products/..%5C..%5Cpackage.json",
      `/media/products/${key}-small.webp%00.txt`,
      `/media/products/${key}-small.webp/`,
      `/media/products/${key}-huge.webp`,
      `/media/products/${key}-small.png`,
      // Another key (its last hex digit changed): no such photo.
      `/media/products/${key.slice(0, -1)}${key.endsWith("0") ? "1" : "0"}-small.webp`,
      "/media/products/",
      "/media/products",
      "/media/",
      "/media/secret.txt",
      `/media/${key}-small.webp`,
    ];
    for (const attempt of attempts) {
      const res = await rawGet(photoServer, attempt);
      expect.soft(res.status, attempt).toBe(404);
      expect.soft(res.body, attempt).not.toContain("SECRET-CONTENT");
      expect.soft(res.body, attempt).not.toContain('"workspaces"');
    }
    expect((await rawGet(photoServer, `/media/products/${key}-small.webp`)).status).toBe(200);
  });

  it("tells the location's phones and staff of the new photo live", async ({ photoServer, venue, otherVenue, socket }) => {
    const table = await openAndJoin(photoServer, venue.staffToken);
    const phone = recorderOf(await socket(photoServer, { token: table.customerToken, lastSeq: table.session.lastSeq }));
    const staff = recorderOf(await socket(photoServer, { token: venue.staffToken }));
    const stranger = recorderOf(await socket(photoServer, { token: otherVenue.staffToken }));
    await Promise.all([phone.waitFor("sync:done"), staff.waitFor("sync:done"), stranger.waitFor("sync:done")]);
    const id = venue.products[1]!.id;

    const res = await upload(photoServer, venue.staffToken, id, await picture("jpeg"));
    const seen = await phone.waitFor("product:updated", (p: ProductDto) => p.id === id);
    expect(seen).toEqual(res.body.product);
    expect(seen.photo.small).toMatch(/^\/media\/products\/.+-small\.webp$/);
    await staff.waitFor("product:updated", (p: ProductDto) => p.id === id && p.photo !== null);

    await removeRequest(photoServer, venue.staffToken, id);
    expect((await phone.waitFor("product:updated", (p: ProductDto) => p.id === id && p.photo === null)).photo).toBeNull();
    // The other location's staff heard of neither (a barrier: its own change comes after ours).
    await upload(photoServer, otherVenue.staffToken, otherVenue.products[0]!.id, await picture("png"), "image/png");
    await stranger.waitFor("product:updated");
    expect(stranger.named("product:updated").map((p: ProductDto) => p.id)).toEqual([otherVenue.products[0]!.id]);
  });
});

describe("the photo store", () => {
  it("touches no file for a key or product id that is not one", async ({ photoDir }) => {
    const outside = path.join(photoDir, "..", `outside-${path.basename(photoDir)}-small.webp`);
    await writeFile(outside, "keep me");
    try {
      for (const key of ["../x", `../outside-${path.basename(photoDir)}`, "", "a/b", "00000000-0000-4000-8000-000000000000"]) {
        await expect(removePhoto(photoDir, key)).rejects.toThrow("not a photo key");
      }
      await expect(storePhoto(photoDir, "../escape", await picture("png"))).rejects.toThrow("not a product or location id");
      expect(await readFile(outside, "utf8")).toBe("keep me");
      expect(await files(photoDir)).toEqual([]);
    } finally {
      await rm(outside, { force: true });
    }
  });
});
