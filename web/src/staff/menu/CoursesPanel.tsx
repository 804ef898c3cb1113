import { type CategoryDto, type CourseDto, LIMITS } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { api } from "../../api/http";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { ListEditor, useListActions } from "./ListEditor";

interface Props {
  token: string;
  /** In order; null while loading. */
  courses: CourseDto[] | null;
  loadError: string | null;
  /** To count the categories defaulting to each course. */
  categories: readonly CategoryDto[];
  put: (courses: CourseDto[]) => void;
  reload: () => Promise<void>;
}

/**
 * The location's courses (Drinks, Starters, Mains, Desserts…): add, rename, delete one no
 * order line carries. Categories choose their default course in the category form; the
 * order pad may choose another per line, and the panel holds and fires them per table.
 */
export function CoursesPanel({ token, courses, loadError, categories, put, reload }: Props) {
  const s = strings.courses;
  const [renaming, setRenaming] = useState<string | null>(null);
  const { error: actionError, busy, run } = useListActions(reload);
  const list = courses ?? [];
  const counts = new Map<string, number>();
  for (const c of categories) if (c.courseId) counts.set(c.courseId, (counts.get(c.courseId) ?? 0) + 1);

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (!name) return;
    const ok = await run(async () => {
      const res = await api("POST /api/courses", { token, body: { name } });
      put([...list.filter((c) => c.id !== res.course.id), res.course]);
    });
    if (ok) form.reset();
  }

  async function rename(e: FormEvent<HTMLFormElement>, course: CourseDto) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "").trim();
    if (!name || name === course.name) return setRenaming(null);
    const ok = await run(async () => {
      const res = await api("PATCH /api/courses/:id", { token, params: { id: course.id }, body: { name } });
      put(list.map((c) => (c.id === res.course.id ? res.course : c)));
    });
    if (ok) setRenaming(null);
  }

  async function remove(course: CourseDto) {
    await api("DELETE /api/courses/:id", { token, params: { id: course.id } });
    put(list.filter((c) => c.id !== course.id));
  }

  return (
    <ListEditor
      id="menu-courses"
      className="stations-panel courses-panel"
      titleId="courses-title"
      title={s.title}
      intro={<p className="muted small">{s.intro}</p>}
      items={courses}
      loadError={loadError}
      actionError={actionError}
      empty={s.empty}
      listClassName="station-list"
      remove={remove}
      deleteText={{ title: s.deleteTitle, confirm: s.confirmDelete, label: s.delete }}
      row={(co, _i, askDelete) => (
        <li key={co.id} className="station-row" aria-label={co.name}>
          {renaming === co.id ? (
            <form className="station-rename" onSubmit={(e) => rename(e, co)}>
              <label className="field">
                <span className="visually-hidden">{s.renameField(co.name)}</span>
                <input name="name" defaultValue={co.name} maxLength={LIMITS.kitchen.courseNameLength} required autoFocus />
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
                <strong className="station-name">{co.name}</strong>
                <span className="muted small">{s.categoryCount(counts.get(co.id) ?? 0)}</span>
              </span>
              <span className="station-actions">
                <button type="button" className="button touch" onClick={() => setRenaming(co.id)} aria-label={s.renameLabel(co.name)}>
                  {s.rename}
                </button>
                <button
                  type="button"
                  className="button ghost touch danger-text"
                  onClick={() => askDelete(co)}
                  aria-label={s.deleteLabel(co.name)}
                >
                  {s.delete}
                </button>
              </span>
            </>
          )}
        </li>
      )}
    >
      {list.length < LIMITS.kitchen.maxCourses && (
        <form className="station-add" onSubmit={add}>
          <label className="field">
            <span>{s.addLabel}</span>
            <input name="name" maxLength={LIMITS.kitchen.courseNameLength} required placeholder={s.addPlaceholder} />
          </label>
          <button type="submit" className="button touch" disabled={busy}>
            {s.add}
          </button>
        </form>
      )}
    </ListEditor>
  );
}
