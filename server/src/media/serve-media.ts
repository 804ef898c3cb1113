import type { Express } from "express";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import { MEDIA_PATH } from "./photo-urls.js";
import { VARIANT_FILE } from "./photos.js";

/** A year, the longest a cache honours: a key's files never change (photos.ts). */
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Serves the photo store's variants at /media/products/<key>-<size>.webp, publicly (phones
 * show them before anyone logs in; keys are unguessable) and cached for good. Only names of
 * that exact shape are looked up, so nothing else in the folder, no other folder, and no
 * listing can be reached; anything else under /media is a 404. Mount before the web app,
 * whose client-side routes would otherwise answer any path with index.html.
 */
export function serveMedia(app: Express, config: Pick<Config, "photoDir">): void {
  app.get(`${MEDIA_PATH}/:file`, (req, res, next) => {
    const file = req.params.file;
    if (!VARIANT_FILE.test(file) || req.path.endsWith("/")) return next(AppError.notFound("photo"));
    res.sendFile(
      file,
      { root: config.photoDir, dotfiles: "deny", maxAge: ONE_YEAR_MS, immutable: true, acceptRanges: false },
      (err?: Error & { status?: number }) => {
        if (!err || res.headersSent) return;
        next(err.status === 404 || (err as { code?: string }).code === "ENOENT" ? AppError.notFound("photo") : err);
      },
    );
  });
  app.use("/media", (_req, _res, next) => next(AppError.notFound("file")));
}
