import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LIMITS } from "@ordered/contract";
import sharp from "sharp";
import { DEMO_PRODUCTS } from "../../src/demo/demo-menu.js";
import { seedDemoPhotos } from "../../src/demo/demo-photos.js";
import { seedVenue } from "../../src/demo/seed-venue.js";
import { describe, expect, test } from "../support/kit.js";

const it = test.extend("photoDir", async ({}, { onCleanup }) => {
  const dir = await mkdtemp(path.join(tmpdir(), "ordered-demo-photos-"));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
});

describe("demo photos", () => {
  it("gives every dish of the demo menu a drawn photo, once", async ({ prisma, photoDir }) => {
    const venue = await seedVenue(prisma, { emailDomain: "test.ordered" });
    const archived = venue.products.at(-1)!;
    await prisma.product.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

    expect(await seedDemoPhotos(prisma, photoDir, venue.locationId)).toBe(DEMO_PRODUCTS.length - 1);
    const rows = await prisma.product.findMany({ where: { locationId: venue.locationId } });
    const keys = rows.filter((p) => p.id !== archived.id).map((p) => p.photoKey);
    expect(keys.every((k) => k !== null)).toBe(true);
    expect(rows.find((p) => p.id === archived.id)!.photoKey).toBeNull();
    expect((await readdir(photoDir)).length).toBe(keys.length * 3);
    const large = await sharp(path.join(photoDir, `${keys[0]}-large.webp`)).metadata();
    expect(large).toMatchObject({ format: "webp", width: LIMITS.photo.widths.large, height: (LIMITS.photo.widths.large * 3) / 4 });

    // Run again: products that have a photo keep it.
    expect(await seedDemoPhotos(prisma, photoDir, venue.locationId)).toBe(0);
    expect((await readdir(photoDir)).length).toBe(keys.length * 3);
  });
});
