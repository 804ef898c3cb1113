import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocationDto } from "@ordered/contract";
import sharp from "sharp";
import { createAccount } from "../staff/staff-kit.js";
import { describe, expect, test } from "../support/kit.js";

// Issue 35: the venue's colour, logo and cover photo, set on the settings page and shown on the
// phones (their session's location) and the printed cards. White text on the colour must pass WCAG AA.

/** Every test gets a photo folder of its own and a server storing into it. */
const it = test
  .extend("photoDir", async ({}, { onCleanup }) => {
    const dir = await mkdtemp(path.join(tmpdir(), "ordered-branding-"));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    return dir;
  })
  .extend("photoServer", async ({ photoDir, startServer }) => startServer({ PHOTO_DIR: photoDir }));

const logoPng = () =>
  sharp({ create: { width: 600, height: 200, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } })
    .png()
    .toBuffer();

describe("the venue's branding", () => {
  it("saves a colour that passes AA (as #rrggbb), shows it to the phones, and null clears it", async ({ server, venue, prisma }) => {
    const token = venue.staffToken;
    expect((await server.api.route("GET /api/location", { token })).location).toMatchObject({ brandColor: null, logo: null, cover: null });
    const set = await server.api.route("PATCH /api/location", { token, body: { brandColor: "#0B5D3B" } });
    expect(LocationDto.parse(set.location).brandColor).toBe("#0b5d3b");
    expect((await prisma.location.findUniqueOrThrow({ where: { id: venue.locationId } })).brandColor).toBe("#0b5d3b");

    const opened = await server.api.openSession(token, "Table 9");
    const joined = await server.api.joinSession(opened.session.joinCode, "Ann");
    expect(joined.location.brandColor).toBe("#0b5d3b");
    const current = await server.api.route("GET /api/sessions/current", { token: joined.token });
    expect(current.location.brandColor).toBe("#0b5d3b");

    const cleared = await server.api.route("PATCH /api/location", { token, body: { brandColor: null } });
    expect(cleared.location.brandColor).toBeNull();
  });

  it.for([
    ["#ffcc00", "body.brandColor: white text on #ffcc00 has a contrast of 1.51:1"],
    ["#777777", "body.brandColor: white text on #777777 has a contrast of 4.47:1, below the 4.5:1 that WCAG AA asks"],
    ["teal", "body.brandColor: must be a colour like #1f6feb"],
    ["#12345g", "body.brandColor: must be a colour like #1f6feb"],
  ] as const)("refuses %s naming the field and the ratio, changing nothing", async ([brandColor, message], { server, venue, prisma }) => {
    const token = venue.staffToken;
    await server.api.route("PATCH /api/location", { token, body: { brandColor: "#1f6feb" } });
    const res = await server.api.request("PATCH", "/api/location", { token, body: { brandColor } });
    expect([res.status, res.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.message).toContain(message);
    expect((await prisma.location.findUniqueOrThrow({ where: { id: venue.locationId } })).brandColor).toBe("#1f6feb");
  });

  it("the database refuses a colour not in #rrggbb form whoever writes it", async ({ venue, prisma }) => {
    await expect(prisma.location.update({ where: { id: venue.locationId }, data: { brandColor: "#FFF" } })).rejects.toThrow(
      /location_brand_color_hex/,
    );
  });

  it("stores a logo and a cover as photo variants served immutable, replaces and removes them", async ({
    photoServer,
    photoDir,
    venue,
  }) => {
    const token = venue.staffToken;
    const put = (image: "logo" | "cover", bytes: Buffer) =>
      photoServer.api.route(`PUT /api/location/${image}`, { token, body: new Uint8Array(bytes), contentType: "image/png" });
    const first = (await put("logo", await logoPng())).location.logo!;
    const key = /\/media\/products\/(.+)-small\.webp$/.exec(first.small)![1]!;
    expect(key).toMatch(new RegExp(`^${venue.locationId}-[0-9a-f]{16}$`));
    for (const size of ["small", "medium", "large"] as const) {
      const res = await fetch(`${photoServer.url}${first[size]}`);
      expect([res.status, res.headers.get("content-type"), res.headers.get("cache-control")]).toEqual([
        200,
        "image/webp",
        "public, max-age=31536000, immutable",
      ]);
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      // A logo keeps its transparency; the small variant is 160 px wide.
      expect(meta.hasAlpha).toBe(true);
      if (size === "small") expect([meta.width, meta.height]).toEqual([160, 53]);
    }
    // The phones read it with their session.
    const opened = await photoServer.api.openSession(token, "Table 9");
    expect((await photoServer.api.joinSession(opened.session.joinCode, "Ann")).location.logo).toEqual(first);

    // A cover beside it; a new logo replaces the old files.
    const cover = (await put("cover", await logoPng())).location.cover!;
    const second = (await put("logo", await logoPng())).location;
    expect(second.logo!.small).not.toBe(first.small);
    expect(second.cover).toEqual(cover);
    expect((await readdir(photoDir)).filter((f) => f.startsWith(key))).toEqual([]);
    expect((await fetch(`${photoServer.url}${first.small}`)).status).toBe(404);

    // Removed: no URLs, no files; removing again is fine.
    const removed = await photoServer.api.route("DELETE /api/location/logo", { token });
    expect([removed.location.logo, removed.location.cover]).toEqual([null, cover]);
    await photoServer.api.route("DELETE /api/location/cover", { token });
    expect(await readdir(photoDir)).toEqual([]);
    expect((await photoServer.api.route("DELETE /api/location/logo", { token })).location.logo).toBeNull();
  });

  it("refuses a file that is not an image, naming it", async ({ photoServer, venue }) => {
    const res = await fetch(`${photoServer.url}/api/location/cover`, {
      method: "PUT",
      headers: { "content-type": "image/png", authorization: `Bearer ${venue.staffToken}` },
      body: new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
    });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([res.status, body.error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    expect(body.error.message).toContain("an SVG");
  });

  it("is one location's own: another's staff change only theirs, and a server may not change it", async ({
    photoServer,
    venue,
    otherVenue,
    prisma,
  }) => {
    await photoServer.api.route("PATCH /api/location", { token: otherVenue.staffToken, body: { brandColor: "#7a1f5c" } });
    await photoServer.api.route("PUT /api/location/logo", {
      token: otherVenue.staffToken,
      body: new Uint8Array(await logoPng()),
      contentType: "image/png",
    });
    const mine = await prisma.location.findUniqueOrThrow({ where: { id: venue.locationId } });
    expect([mine.brandColor, mine.logoKey]).toEqual([null, null]);
    const theirs = await prisma.location.findUniqueOrThrow({ where: { id: otherVenue.locationId } });
    expect(theirs.logoKey).toMatch(new RegExp(`^${otherVenue.locationId}-`));

    const waiter = await createAccount(photoServer, venue.staffToken, "SERVER");
    const refused = [
      await photoServer.api.request("PATCH", "/api/location", { token: waiter.token, body: { brandColor: "#1f6feb" } }),
      await photoServer.api.request("DELETE", "/api/location/cover", { token: waiter.token }),
      await fetch(`${photoServer.url}/api/location/logo`, {
        method: "PUT",
        headers: { "content-type": "image/png", authorization: `Bearer ${waiter.token}` },
        body: new Uint8Array(await logoPng()),
      }).then(async (res) => ({ status: res.status, body: await res.json() })),
    ];
    for (const res of refused) expect([res.status, res.body.error.code]).toEqual([403, "FORBIDDEN"]);
  });
});
