import { type ReactNode, useState } from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { t } from "../../i18n/i18n";

/**
 * What a list editor's actions share: one at a time (`busy`), the last one's error, and the
 * list reloaded after a refusal so it shows what the server holds. `run` says whether it went through.
 */
export function useListActions(reload: () => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>): Promise<boolean> {
    setError(null);
    setBusy(true);
    try {
      await action();
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      void reload();
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run };
}

interface Props<T extends { id: string; name: string }> {
  /** The section's id (a link target), its class beside "card", and its title's id. */
  id: string;
  className: string;
  titleId: string;
  title: string;
  /** Beside the title (an Add button). */
  action?: ReactNode;
  /** Under the title. */
  intro?: ReactNode;
  /** In order; null while loading. */
  items: readonly T[] | null;
  loadError: string | null;
  /** The last action's error (useListActions), shown before the load error. */
  actionError: string | null;
  empty: string;
  listClassName: string;
  /** An item's <li>; `askDelete` opens the confirmation. */
  row: (item: T, index: number, askDelete: (item: T) => void) => ReactNode;
  /** Deletes an item once confirmed; a refusal shows in the confirmation. */
  remove: (item: T) => Promise<void>;
  deleteText: { title: string; confirm: (name: string) => string; label: string };
  /** After the list: hints, an add form, dialogs. */
  children?: ReactNode;
}

/** An admin list of named things in order (the menu's categories, the stations): a card with its count, the rows, and deleting one. */
export function ListEditor<T extends { id: string; name: string }>(props: Props<T>) {
  const { id, className, titleId, title, action, intro, items, loadError, actionError, empty, listClassName, row, remove, deleteText } =
    props;
  const [deleting, setDeleting] = useState<T | null>(null);
  const error = actionError ?? loadError;
  return (
    <section id={id} className={`card ${className}`} aria-labelledby={titleId}>
      <div className="section-head">
        <h2 id={titleId}>
          {title} {items && <span className="count">{items.length}</span>}
        </h2>
        {action}
      </div>
      {intro}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {items === null ? (
        !loadError && <p className="muted">{t("common.loading")}</p>
      ) : items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className={listClassName}>{items.map((item, i) => row(item, i, setDeleting))}</ol>
      )}
      {props.children}
      {deleting && (
        <ConfirmDialog
          title={deleteText.title}
          message={deleteText.confirm(deleting.name)}
          confirmLabel={deleteText.label}
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
