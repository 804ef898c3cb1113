import type { PhotoDto } from "@ordered/contract/client";
import type { ChangeEvent } from "react";
import { strings } from "../../strings";
import { PHOTO_MAX_MB, PHOTO_TYPES, photoProblem } from "./product-photo";

/** What saving does to the photo: nothing, upload a new one, or remove the current one. */
export type PhotoChange = { kind: "keep" } | { kind: "new"; file: File; preview: string } | { kind: "remove" };

interface Props {
  productName: string;
  /** The saved photo, if any. */
  current: PhotoDto | null;
  change: PhotoChange;
  onChange: (change: PhotoChange) => void;
  onProblem: (message: string | null) => void;
}

/**
 * Reads a file for the preview as a data: URL: the app's Content Security Policy allows
 * data: images but not blob: ones.
 */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The product form's photo: a preview, choose (or replace) and remove; uploaded when the product is saved. */
export function ProductPhotoField({ productName, current, change, onChange, onProblem }: Props) {
  const s = strings.menuAdmin;

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = ""; // choosing the same file again still fires a change
    if (!file) return;
    const problem = photoProblem(file);
    onProblem(problem);
    if (problem) return;
    try {
      onChange({ kind: "new", file, preview: await readAsDataUrl(file) });
    } catch {
      onProblem(s.photoNotImage);
    }
  }

  const shown = change.kind === "new" ? change.preview : change.kind === "keep" ? current?.medium : undefined;
  return (
    <fieldset className="form-section photo-field">
      <legend>{s.photoLegend}</legend>
      <div className="photo-body">
        {shown ? (
          <img
            className="photo-preview"
            src={shown}
            alt={change.kind === "new" ? s.photoChosenAlt : s.photoAlt(productName || s.photoLegend)}
            width={160}
            height={120}
          />
        ) : (
          <span className="photo-preview placeholder">{s.noPhoto}</span>
        )}
        <div className="photo-actions">
          <label className="button small file-button">
            {shown ? s.photoReplace : s.photoChoose}
            <input type="file" accept={PHOTO_TYPES} className="visually-hidden" onChange={choose} />
          </label>
          {change.kind === "keep" && current && (
            <button type="button" className="button ghost small danger-text" onClick={() => onChange({ kind: "remove" })}>
              {s.photoRemove}
            </button>
          )}
          {change.kind === "new" && (
            <button
              type="button"
              className="button ghost small"
              onClick={() => {
                onProblem(null);
                onChange({ kind: "keep" });
              }}
            >
              {current ? s.photoKeep : s.photoRemove}
            </button>
          )}
          {change.kind === "remove" && (
            <button type="button" className="button ghost small" onClick={() => onChange({ kind: "keep" })}>
              {s.photoKeep}
            </button>
          )}
          <small className="muted">
            {change.kind === "new" ? s.photoPending : change.kind === "remove" ? s.photoRemoving : s.photoHint(PHOTO_MAX_MB)}
          </small>
        </div>
      </div>
    </fieldset>
  );
}
