import type { CategoryDto, CourseDto, StationDto, TaxRateDto } from "@ordered/contract/client";
import { useState } from "react";
import { api } from "../../api/http";
import { strings } from "../../strings";
import { moveId } from "../floor/floor";
import { CategoryFormDialog } from "./CategoryFormDialog";
import type { CategoryInput } from "./category-input";
import { windowText } from "./category-input";
import { ListEditor, useListActions } from "./ListEditor";
import { taxPercentText } from "./tax-rate-input";

interface Props {
  token: string;
  timeZone: string;
  /** In order; null while loading. */
  categories: CategoryDto[] | null;
  loadError: string | null;
  /** Products (archived ones too, when listed) per category id. */
  counts: Map<string, number>;
  put: (categories: CategoryDto[]) => void;
  reload: () => Promise<void>;
  /** The location's stations, for the category form and to show where each category goes. */
  stations: readonly StationDto[];
  /** The location's courses, for the category form's default course and the list's note. */
  courses: readonly CourseDto[];
  /** The location's tax rates, for the category form and the list's note. */
  taxRates: readonly TaxRateDto[];
}

/** The menu's categories: add, edit, reorder, hide and delete (an empty one). */
export function CategoriesPanel({ token, timeZone, categories, loadError, counts, put, reload, stations, courses, taxRates }: Props) {
  const s = strings.categories;
  const [editing, setEditing] = useState<CategoryDto | "new" | null>(null);
  const { error: actionError, run } = useListActions(reload);
  const list = categories ?? [];
  const stationName = new Map(stations.map((st) => [st.id, st.name]));
  const courseName = new Map(courses.map((co) => [co.id, co.name]));
  const ratePercent = new Map(taxRates.map((r) => [r.id, taxPercentText(r.rateBps)]));

  async function save(input: CategoryInput) {
    if (editing === "new") {
      const res = await api("POST /api/categories", { token, body: input });
      put([...list, res.category]);
    } else if (editing) {
      const res = await api("PATCH /api/categories/:id", { token, params: { id: editing.id }, body: input });
      put(list.map((c) => (c.id === res.category.id ? res.category : c)));
    }
  }

  const move = (category: CategoryDto, by: -1 | 1) =>
    run(async () => {
      const categoryIds = moveId(
        list.map((c) => c.id),
        category.id,
        by,
      );
      const byId = new Map(list.map((c) => [c.id, c]));
      put(categoryIds.map((id, position) => ({ ...byId.get(id)!, position }))); // at once; the answer settles it
      put((await api("PUT /api/categories/order", { token, body: { categoryIds } })).categories);
    });

  const toggleHidden = (category: CategoryDto) =>
    run(async () => {
      const res = await api("PATCH /api/categories/:id", { token, params: { id: category.id }, body: { hidden: !category.hidden } });
      put(list.map((c) => (c.id === res.category.id ? res.category : c)));
    });

  async function remove(category: CategoryDto) {
    await api("DELETE /api/categories/:id", { token, params: { id: category.id } });
    put(list.filter((c) => c.id !== category.id));
  }

  return (
    <ListEditor
      id="menu-categories"
      className="categories-panel"
      titleId="categories-title"
      title={s.title}
      action={
        <button type="button" className="button small" onClick={() => setEditing("new")}>
          {s.add}
        </button>
      }
      items={categories}
      loadError={loadError}
      actionError={actionError}
      empty={s.empty}
      listClassName="category-list"
      remove={remove}
      deleteText={{ title: s.deleteTitle, confirm: s.confirmDelete, label: s.delete }}
      row={(c, i, askDelete) => {
        const window = windowText(c);
        const count = counts.get(c.id) ?? 0;
        return (
          <li key={c.id} className={`category-row${c.hidden ? " is-hidden" : ""}`} aria-label={c.name}>
            <span className="category-pos muted" aria-hidden="true">
              {s.position(i + 1)}
            </span>
            <span className="category-info">
              <strong className="category-name">{c.name}</strong>
              <span className="muted small">
                {window ? s.served(window) : s.allDay} · {s.productCount(count)}
                {stationName.has(c.stationId) && ` · ${strings.stations.routedTo(stationName.get(c.stationId)!)}`}
                {c.courseId && courseName.has(c.courseId) && ` · ${courseName.get(c.courseId)}`}
                {c.taxRateId && ratePercent.has(c.taxRateId) && ` · ${strings.taxRates.taxedAt(ratePercent.get(c.taxRateId)!)}`}
              </span>
            </span>
            {c.hidden && <span className="badge badge-hidden">{s.hidden}</span>}
            <span className="category-actions">
              <button
                type="button"
                className="button ghost small"
                onClick={() => move(c, -1)}
                disabled={i === 0}
                aria-label={s.moveUp(c.name)}
              >
                {s.up}
              </button>
              <button
                type="button"
                className="button ghost small"
                onClick={() => move(c, 1)}
                disabled={i === list.length - 1}
                aria-label={s.moveDown(c.name)}
              >
                {s.down}
              </button>
              <button type="button" className="button small" onClick={() => setEditing(c)} aria-label={s.editLabel(c.name)}>
                {s.edit}
              </button>
              <button
                type="button"
                className="button ghost small"
                onClick={() => toggleHidden(c)}
                aria-label={c.hidden ? s.unhideLabel(c.name) : s.hideLabel(c.name)}
              >
                {c.hidden ? s.unhide : s.hide}
              </button>
              <button
                type="button"
                className="button ghost small danger-text"
                onClick={() => askDelete(c)}
                aria-label={s.deleteLabel(c.name)}
              >
                {s.delete}
              </button>
            </span>
          </li>
        );
      }}
    >
      {list.some((c) => c.hidden) && <p className="muted small">{s.hiddenHint}</p>}
      {editing && (
        <CategoryFormDialog
          category={editing === "new" ? null : editing}
          timeZone={timeZone}
          stations={stations}
          courses={courses}
          taxRates={taxRates}
          onSave={save}
          onClose={() => setEditing(null)}
        />
      )}
    </ListEditor>
  );
}
