import type { LocationDto } from "@ordered/contract/client";
import { sendRoute } from "@ordered/contract/client";
import { ApiError } from "../../api/http";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { PHOTO_MAX_MB } from "../menu/product-photo";

export type BrandImage = "logo" | "cover";

/**
 * PUT /api/location/logo or /cover with the file itself as the body, as a product's photo is
 * sent (menu/product-photo.ts). Throws ApiError with the server's message on a refusal.
 */
export async function uploadBrandImage(token: string, image: BrandImage, file: File): Promise<LocationDto> {
  const route = image === "logo" ? "PUT /api/location/logo" : "PUT /api/location/cover";
  let answer: Awaited<ReturnType<typeof sendRoute<typeof route>>>;
  try {
    answer = await sendRoute(route, { token, body: file, contentType: file.type || "application/octet-stream" });
  } catch {
    throw new ApiError("NETWORK", t("common.networkError"), 0);
  }
  if (!answer.ok) {
    const fallback = answer.status === 413 ? strings.menuAdmin.photoTooLarge(PHOTO_MAX_MB) : t("common.unexpectedError");
    throw new ApiError(answer.error?.code ?? "INTERNAL", answer.error?.message ?? fallback, answer.status);
  }
  return answer.body.location;
}
