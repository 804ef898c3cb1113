import { LIMITS } from "@ordered/contract";
import { expect, test } from "vitest";
import { PHOTO_MAX_MB, photoProblem } from "../../../src/staff/menu/product-photo";
import { strings } from "../../../src/strings";

test("photoProblem: only what is plainly not worth uploading; the server judges the bytes", () => {
  expect(photoProblem({ size: 1000, type: "image/png" })).toBeNull();
  expect(photoProblem({ size: LIMITS.photo.maxBytes, type: "image/webp" })).toBeNull();
  // Some systems give no type; the server reads the bytes.
  expect(photoProblem({ size: 1000, type: "" })).toBeNull();
  expect(photoProblem({ size: LIMITS.photo.maxBytes + 1, type: "image/jpeg" })).toBe(strings.menuAdmin.photoTooLarge(PHOTO_MAX_MB));
  expect(photoProblem({ size: 1000, type: "application/pdf" })).toBe(strings.menuAdmin.photoNotImage);
});
