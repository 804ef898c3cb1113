import type { FileContent } from "@ordered/contract";
import express, { type RequestHandler } from "express";
import { AppError } from "../errors.js";

/**
 * Reads a route's file body (FileContent in the route table: a product's photo) as bytes:
 * 415 unless the request says it carries one of the route's media types (express.raw would
 * otherwise leave the body unread), 413 past `maxBytes` with a message that says the limit.
 * The bytes themselves are the handler's to check (photos.ts decides the real format).
 */
export function readFileBody(content: FileContent): RequestHandler {
  const types = content.file;
  const list = types.length > 1 ? `${types.slice(0, -1).join(", ")} or ${types.at(-1)}` : types[0];
  const raw = express.raw({ type: [...types], ...(content.maxBytes ? { limit: content.maxBytes } : {}) });
  const mib = (content.maxBytes ?? 0) / (1024 * 1024);
  return (req, res, next) => {
    const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (!types.includes(type)) {
      return next(new AppError("UNSUPPORTED_MEDIA_TYPE", `${content.what}: send the file's bytes with Content-Type ${list}`));
    }
    raw(req, res, (err?: unknown) => {
      const kind = (err as { type?: string } | undefined)?.type;
      if (kind === "entity.too.large") {
        return next(new AppError("PAYLOAD_TOO_LARGE", `${content.what}: the file is larger than ${mib} MB; make it smaller and retry`));
      }
      if (kind === "request.aborted") return next(new AppError("VALIDATION_FAILED", `${content.what}: the upload was interrupted; retry`));
      next(err);
    });
  };
}
