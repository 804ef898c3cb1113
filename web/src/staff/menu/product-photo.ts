import { LIMITS, type ProductDto, sendRoute } from "@ordered/contract/client";
import { ApiError } from "../../api/http";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";

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
 * PUT /api/products/:id/photo with the file itself as the body (not JSON, not a form).
 * Throws ApiError with the server's message on a refusal.
 */
export async function uploadPhoto(token: string, productId: string, file: File): Promise<ProductDto> {
  let answer: Awaited<ReturnType<typeof sendRoute<"PUT /api/products/:id/photo">>>;
  try {
    answer = await sendRoute("PUT /api/products/:id/photo", {
      token,
      params: { id: productId },
      body: file,
      contentType: file.type || "application/octet-stream",
    });
  } catch {
    throw new ApiError("NETWORK", t("common.networkError"), 0);
  }
  if (!answer.ok) {
    // A proxy in front may refuse a large body with a page of its own: say what the limit is.
    const fallback = answer.status === 413 ? strings.menuAdmin.photoTooLarge(PHOTO_MAX_MB) : t("common.unexpectedError");
    throw new ApiError(answer.error?.code ?? "INTERNAL", answer.error?.message ?? fallback, answer.status);
  }
  return answer.body.product;
}
