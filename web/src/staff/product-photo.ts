import { type ErrorBody, LIMITS, type ProductDto, type ProductResponse } from "@ordered/contract/client";
import { ApiError } from "../api/http";
import { t } from "../i18n/i18n";
import { strings } from "../strings";

/** What the file picker offers; the server reads the bytes, so this is a convenience, not a check. */
export const PHOTO_TYPES = "image/jpeg,image/png,image/webp";
export const PHOTO_MAX_MB = LIMITS.photo.maxBytes / (1024 * 1024);

/**
 * Why this file is not worth uploading, or null. Only the obvious (size, a type the browser
 * knows is something else): the server decides from the bytes and its refusal is shown too.
 */
export function photoProblem(file: { size: number; type: string }): string | null {
  if (file.size > LIMITS.photo.maxBytes) return strings.menuAdmin.photoTooLarge(PHOTO_MAX_MB);
  if (file.type && !PHOTO_TYPES.split(",").includes(file.type)) return strings.menuAdmin.photoNotImage;
  return null;
}

/**
 * PUT /api/products/:id/photo with the file itself as the body (not JSON, not a form): the
 * api() helper speaks JSON only. Throws ApiError with the server's message on a refusal.
 */
export async function uploadPhoto(token: string, productId: string, file: File): Promise<ProductDto> {
  let res: Response;
  try {
    res = await fetch(`/api/products/${productId}/photo`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": file.type || "application/octet-stream" },
      body: file,
    });
  } catch {
    throw new ApiError("NETWORK", t("common.networkError"), 0);
  }
  const body = (await res.json().catch(() => null)) as ({ error?: ErrorBody } & Partial<ProductResponse>) | null;
  if (!res.ok || !body?.product) {
    const error = body?.error;
    // A proxy in front may refuse a large body with a page of its own: say what the limit is.
    const fallback = res.status === 413 ? strings.menuAdmin.photoTooLarge(PHOTO_MAX_MB) : t("common.unexpectedError");
    throw new ApiError(error?.code ?? "INTERNAL", error?.message ?? fallback, res.status);
  }
  return body.product;
}
