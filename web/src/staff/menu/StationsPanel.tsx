import { type CategoryDto, LIMITS, type StationDto } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { api } from "../../api/http";
import { Link } from "../../components/Link";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { ListEditor, useListActions } from "./ListEditor";

interface Props {
  token: string;
  /** In order; null while loading. */
  stations: StationDto[] | null;
  loadError: string | null;
  /** To count the categories routed to each station. */
  categories: readonly CategoryDto[];
  put: (stations: StationDto[]) => void;
  reload: () => Promise<void>;
}

/**
 * The location's stations (Kitchen, Bar, …): add, rename, delete one no category routes to,
 * and open its display. Categories choose their station in the category form.
 */
export function StationsPanel({ token, stations, loadError, categories, put, reload }: Props) {
  const s = strings.stations;
  const [renaming, setRenaming] = useState<string | null>(null);
  const { error: actionError, busy, run } = useListActions(reload);
  const list = stations ?? [];
  const counts = new Map<string, number>();
  for (const c of categories) counts.set(c.stationId, (counts.get(c.stationId) ?? 0) + 1);

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (!name) return;
    const ok = await run(async () => {
      const res = await api("POST /api/stations", { token, body: { name } });
      put([...list.filter((st) => st.id !== res.station.id), res.station]);
    });
    if (ok) form.reset();
  }

  async function rename(e: FormEvent<HTMLFormElement>, station: StationDto) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "").trim();
    if (!name || name === station.name) return setRenaming(null);
    const ok = await run(async () => {
      const res = await api("PATCH /api/stations/:id", { token, params: { id: station.id }, body: { name } });
      put(list.map((st) => (st.id === res.station.id ? res.station : st)));
    });
    if (ok) setRenaming(null);
  }

  async function remove(station: StationDto) {
    await api("DELETE /api/stations/:id", { token, params: { id: station.id } });
    put(list.filter((st) => st.id !== station.id));
  }

  return (
    <ListEditor
      id="menu-stations"
      className="stations-panel"
      titleId="stations-title"
      title={s.title}
      intro={<p className="muted small">{s.intro}</p>}
      items={stations}
      loadError={loadError}
      actionError={actionError}
      empty={s.empty}
      listClassName="station-list"
      remove={remove}
      deleteText={{ title: s.deleteTitle, confirm: s.confirmDelete, label: s.delete }}
      row={(st, _i, askDelete) => (
        <li key={st.id} className="station-row" aria-label={st.name}>
          {renaming === st.id ? (
            <form className="station-rename" onSubmit={(e) => rename(e, st)}>
              <label className="field">
                <span className="visually-hidden">{s.renameField(st.name)}</span>
                <input name="name" defaultValue={st.name} maxLength={LIMITS.kitchen.stationNameLength} required autoFocus />
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
                <strong className="station-name">{st.name}</strong>
                <span className="muted small">{s.categoryCount(counts.get(st.id) ?? 0)}</span>
              </span>
              <span className="station-actions">
                <Link href={`/kitchen/${st.id}`} className="button ghost touch" aria-label={s.displayLabel(st.name)}>
                  {s.display}
                </Link>
                <button type="button" className="button touch" onClick={() => setRenaming(st.id)} aria-label={s.renameLabel(st.name)}>
                  {s.rename}
                </button>
                <button
                  type="button"
                  className="button ghost touch danger-text"
                  onClick={() => askDelete(st)}
                  aria-label={s.deleteLabel(st.name)}
                >
                  {s.delete}
                </button>
              </span>
            </>
          )}
        </li>
      )}
    >
      {list.length < LIMITS.kitchen.maxStations && (
        <form className="station-add" onSubmit={add}>
          <label className="field">
            <span>{s.addLabel}</span>
            <input name="name" maxLength={LIMITS.kitchen.stationNameLength} required placeholder={s.addPlaceholder} />
          </label>
          <button type="submit" className="button touch" disabled={busy}>
            {s.add}
          </button>
        </form>
      )}
    </ListEditor>
  );
}
