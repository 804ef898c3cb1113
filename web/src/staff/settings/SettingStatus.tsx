/**
 * A settings section's two answer lines. The status line stays in the page while empty, so a
 * screen reader announces its text when a save fills it in.
 */
export function SavedStatus({ text }: { text: string }) {
  return (
    <span role="status" className="saved-status small">
      {text}
    </span>
  );
}

/** Why a section's load or save failed, announced at once; nothing without an error. */
export function SettingError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="error small">
      {error}
    </p>
  ) : null;
}
