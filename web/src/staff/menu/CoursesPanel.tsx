import { type CategoryDto, type CourseDto, LIMITS } from "@ordered/contract/client";
import { api } from "../../api/http";
import { strings } from "../../strings";
import { NamedListPanel } from "./NamedListPanel";

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
  return (
    <NamedListPanel
      id="menu-courses"
      className="stations-panel courses-panel"
      titleId="courses-title"
      s={strings.courses}
      items={courses}
      loadError={loadError}
      put={put}
      reload={reload}
      countOf={(course) => categories.filter((c) => c.courseId === course.id).length}
      maxItems={LIMITS.kitchen.maxCourses}
      nameLength={LIMITS.kitchen.courseNameLength}
      create={async (name) => (await api("POST /api/courses", { token, body: { name } })).course}
      rename={async (course, name) => (await api("PATCH /api/courses/:id", { token, params: { id: course.id }, body: { name } })).course}
      remove={async (course) => {
        await api("DELETE /api/courses/:id", { token, params: { id: course.id } });
      }}
    />
  );
}
