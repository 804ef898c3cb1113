import { type FormEvent, type ReactNode, useState } from "react";
import { t } from "../../i18n/i18n";
import { ListEditor, useListActions } from "./ListEditor";

/** What a named list's panel says (stations, courses): its own words for the same actions. */
export interface NamedListStrings {
  title: string;
  intro: string;
  empty: string;
  categoryCount: (n: number) => string;
  addLabel: string;
  addPlaceholder: string;
  add: string;
  rename: string;
  renameLabel: (name: string) => string;
  renameField: (name: string) => string;
  save: string;
  delete: string;
  deleteLabel: (name: string) => string;
  deleteTitle: string;
  confirmDelete: (name: string) => string;
}

interface Props<T extends { id: string; name: string }> {
  /** The section's id (a link target), its class beside "card", and its title's id. */
  id: string;
  className: string;
  titleId: string;
  s: NamedListStrings;
  /** In order; null while loading. */
  items: T[] | null;
  loadError: string | null;
  put: (items: T[]) => void;
  reload: () => Promise<void>;
  /** How many categories use each (shown under its name). */
  countOf: (item: T) => number;
  maxItems: number;
  nameLength: number;
  /** The server's answers: the item as stored. */
  create: (name: string) => Promise<T>;
  rename: (item: T, name: string) => Promise<T>;
  remove: (item: T) => Promise<void>;
  /** Before Rename on a row (a station's display link). */
  rowActions?: (item: T) => ReactNode;
}

/**
 * A location's list of named things the menu routes to (stations, courses): add one, rename
 * one in place, delete one nothing uses (the server refuses otherwise, and the list reloads).
 */
export function NamedListPanel<T extends { id: string; name: string }>({
  id,
  className,
  titleId,
  s,
  items,
  loadError,
  put,
  reload,
  countOf,
  maxItems,
  nameLength,
  create,
  rename,
  remove,
  rowActions,
}: Props<T>) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const { error: actionError, busy, run } = useListActions(reload);
  const list = items ?? [];
  const nameIn = (form: HTMLFormElement) => String(new FormData(form).get("name") ?? "").trim();

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = nameIn(form);
    if (!name) return;
    const ok = await run(async () => {
      const made = await create(name);
      put([...list.filter((x) => x.id !== made.id), made]);
    });
    if (ok) form.reset();
  }

  async function save(e: FormEvent<HTMLFormElement>, item: T) {
    e.preventDefault();
    const name = nameIn(e.currentTarget);
    if (!name || name === item.name) return setRenaming(null);
    const ok = await run(async () => {
      const saved = await rename(item, name);
      put(list.map((x) => (x.id === saved.id ? saved : x)));
    });
    if (ok) setRenaming(null);
  }

  return (
    <ListEditor
      id={id}
      className={className}
      titleId={titleId}
      title={s.title}
      intro={<p className="muted small">{s.intro}</p>}
      items={items}
      loadError={loadError}
      actionError={actionError}
      empty={s.empty}
      listClassName="station-list"
      remove={async (item) => {
        await remove(item);
        put(list.filter((x) => x.id !== item.id));
      }}
      deleteText={{ title: s.deleteTitle, confirm: s.confirmDelete, label: s.delete }}
      row={(item, _i, askDelete) => (
        <li key={item.id} className="station-row" aria-label={item.name}>
          {renaming === item.id ? (
            <form className="station-rename" onSubmit={(e) => save(e, item)}>
              <label className="field">
                <span className="visually-hidden">{s.renameField(item.name)}</span>
                <input name="name" defaultValue={item.name} maxLength={nameLength} required autoFocus />
              </label>
              <button type="submit" className="button primary touch" disabled={busy}>
                {s.save}
              </button>
              <button type="button" className="button ghost touch" onClick={() => setRenaming(null)}>
                {t("common.cancel")}
              </button>
            </form>
          ) : (
            <>
              <span className="station-info">
                <strong className="station-name">{item.name}</strong>
                <span className="muted small">{s.categoryCount(countOf(item))}</span>
              </span>
              <span className="station-actions">
                {rowActions?.(item)}
                <button type="button" className="button touch" onClick={() => setRenaming(item.id)} aria-label={s.renameLabel(item.name)}>
                  {s.rename}
                </button>
                <button
                  type="button"
                  className="button ghost touch danger-text"
                  onClick={() => askDelete(item)}
                  aria-label={s.deleteLabel(item.name)}
                >
                  {s.delete}
                </button>
              </span>
            </>
          )}
        </li>
      )}
    >
      {list.length < maxItems && (
        <form className="station-add" onSubmit={add}>
          <label className="field">
            <span>{s.addLabel}</span>
            <input name="name" maxLength={nameLength} required placeholder={s.addPlaceholder} />
          </label>
          <button type="submit" className="button touch" disabled={busy}>
            {s.add}
          </button>
        </form>
      )}
    </ListEditor>
  );
}
