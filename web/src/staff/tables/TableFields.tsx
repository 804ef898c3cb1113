import { LIMITS, type TableDto } from "@ordered/contract/client";
import { useId } from "react";
import { strings } from "../../strings";

/** Name, area and seats: the fields of the new-table form and of the edit dialog. */
export function TableFields({ table, areas, autoFocus }: { table?: TableDto; areas: string[]; autoFocus?: boolean }) {
  const areaList = useId();
  return (
    <>
      <label className="field table-name-field">
        <span>{strings.tables.name}</span>
        <input
          name="name"
          defaultValue={table?.name}
          placeholder={strings.tables.namePlaceholder}
          required
          maxLength={LIMITS.table.nameLength}
          autoFocus={autoFocus}
          autoComplete="off"
        />
      </label>
      <label className="field">
        <span>
          {strings.tables.area} <span className="muted small">({strings.tables.optional})</span>
        </span>
        <input
          name="area"
          defaultValue={table?.area ?? ""}
          placeholder={strings.tables.areaPlaceholder}
          maxLength={LIMITS.table.areaLength}
          list={areaList}
          autoComplete="off"
        />
        <datalist id={areaList}>
          {areas.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <label className="field seats-field">
        <span>
          {strings.tables.seats} <span className="muted small">({strings.tables.optional})</span>
        </span>
        <input name="seats" defaultValue={table?.seats ?? ""} inputMode="numeric" pattern="[0-9]*" autoComplete="off" />
      </label>
    </>
  );
}

/** The three fields of a submitted form, as text. */
export function tableFieldsOf(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (key: string) => String(data.get(key) ?? "");
  return { name: text("name"), area: text("area"), seats: text("seats") };
}
