import type { LocationDto, TableDto } from "@ordered/contract/client";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api } from "../../api/http";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Link } from "../../components/Link";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { isSeated, moveId } from "../floor/floor";
import { FirstScanSetting } from "../settings/FirstScanSetting";
import type { StaffLive } from "../use-staff-live";
import { LocalUrlNotice } from "./LocalUrlNotice";
import { TableFields, tableFieldsOf } from "./TableFields";
import { TableFormDialog } from "./TableFormDialog";
import { areasOf, type TableInput, tableInputOf } from "./table-input";
import { useTables } from "./use-tables";

/** /panel/tables: the floor's tables (add, edit, reorder, retire), the first-scan setting and the cards. */
export function TablesPage({
  staffLive,
  auth,
  onLocation,
}: {
  staffLive: StaffLive;
  auth: StaffAuth;
  /** The location's settings were saved here. */
  onLocation: (location: LocationDto) => void;
}) {
  const token = auth.token;
  const { tables, error: loadError, put, reload } = useTables(token, staffLive.tablesVersion);
  const [actionError, setActionError] = useState<string | null>(null);
  const [editing, setEditing] = useState<TableDto | null>(null);
  const [retiring, setRetiring] = useState<TableDto | null>(null);
  const list = [...(tables ?? [])].sort((a, b) => a.position - b.position);
  const areas = areasOf(list);

  async function create(input: TableInput) {
    const res = await api("POST /api/tables", { token, body: input });
    put([...list, res.table]);
  }

  async function update(table: TableDto, input: TableInput) {
    const res = await api("PATCH /api/tables/:id", { token, params: { id: table.id }, body: input });
    put(list.map((t) => (t.id === table.id ? res.table : t)));
  }

  async function move(table: TableDto, by: -1 | 1) {
    const tableIds = moveId(
      list.map((t) => t.id),
      table.id,
      by,
    );
    const byId = new Map(list.map((t) => [t.id, t]));
    setActionError(null);
    put(tableIds.map((id, position) => ({ ...byId.get(id)!, position }))); // at once; the answer settles it
    try {
      put((await api("PUT /api/tables/order", { token, body: { tableIds } })).tables);
    } catch (err) {
      setActionError(err instanceof Error ? err.message : String(err));
      void reload();
    }
  }

  async function retire(table: TableDto) {
    await api("POST /api/tables/:id/retire", { token, params: { id: table.id } });
    put(list.filter((t) => t.id !== table.id));
  }

  const error = actionError ?? loadError;
  return (
    <main className="tables-page">
      <div className="page-head">
        <h1>{strings.tables.title}</h1>
        <Link href="/panel/tables/print" className="button">
          {strings.tables.printCards}
        </Link>
      </div>
      <LocalUrlNotice url={list[0]?.cardUrl} />
      <FirstScanSetting auth={auth} onLocation={onLocation} />
      <NewTableForm areas={areas} onCreate={create} />
      <section aria-labelledby="tables-list-title" className="card">
        <h2 id="tables-list-title">
          {strings.tables.listTitle} {tables && <span className="count">{list.length}</span>}
        </h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {tables === null ? (
          !loadError && <p className="muted">{t("common.loading")}</p>
        ) : list.length === 0 ? (
          <p className="muted">{strings.tables.empty}</p>
        ) : (
          <ol className="table-list">
            {list.map((t, i) => {
              const seated = isSeated(t, staffLive.state);
              return (
                <li key={t.id} className="table-row" aria-label={t.name}>
                  <span className="table-pos muted" aria-hidden="true">
                    {strings.tables.position(i + 1)}
                  </span>
                  <span className="table-info">
                    <strong className="table-title">{t.name}</strong>
                    <span className="muted small">
                      {t.area ?? strings.tables.noArea}
                      {t.seats !== null && ` · ${strings.tables.seatsCount(t.seats)}`}
                    </span>
                  </span>
                  <span className={`badge ${seated ? "status-accepted" : "status-ready"}`}>
                    {seated ? strings.tables.seated : strings.tables.free}
                  </span>
                  <span className="table-actions">
                    <button
                      type="button"
                      className="button ghost small"
                      onClick={() => move(t, -1)}
                      disabled={i === 0}
                      aria-label={strings.tables.moveUp(t.name)}
                    >
                      {strings.tables.up}
                    </button>
                    <button
                      type="button"
                      className="button ghost small"
                      onClick={() => move(t, 1)}
                      disabled={i === list.length - 1}
                      aria-label={strings.tables.moveDown(t.name)}
                    >
                      {strings.tables.down}
                    </button>
                    <button type="button" className="button small" onClick={() => setEditing(t)} aria-label={strings.tables.edit(t.name)}>
                      {strings.tables.editShort}
                    </button>
                    <button
                      type="button"
                      className="button ghost small danger-text"
                      onClick={() => setRetiring(t)}
                      aria-label={strings.tables.retire(t.name)}
                    >
                      {strings.tables.retireShort}
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {editing && (
        <TableFormDialog table={editing} areas={areas} onSave={(input) => update(editing, input)} onClose={() => setEditing(null)} />
      )}
      {retiring && (
        <ConfirmDialog
          title={strings.tables.retireTitle}
          message={strings.tables.confirmRetire(retiring.name)}
          confirmLabel={strings.tables.retireShort}
          onConfirm={() => retire(retiring)}
          onClose={() => setRetiring(null)}
        />
      )}
    </main>
  );
}

/** Adds a table at the end of the floor; the server's refusal (a name in use) shows under the form. */
function NewTableForm({ areas, onCreate }: { areas: string[]; onCreate: (input: TableInput) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // Ready for the next table once the fields are enabled again.
  useEffect(() => {
    if (saved > 0) formRef.current?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
  }, [saved]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const input = tableInputOf(tableFieldsOf(form));
    if (!("name" in input)) return setError(strings.tables.invalidSeats);
    setBusy(true);
    setError(null);
    try {
      await onCreate(input);
      form.reset();
      setSaved((n) => n + 1);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="card new-table" onSubmit={submit} aria-labelledby="new-table-title">
      <h2 id="new-table-title">{strings.tables.addTitle}</h2>
      {/* Disabled while saving: the form clears once saved, which would wipe what is typed meanwhile. */}
      <fieldset className="new-table-fields" disabled={busy}>
        <TableFields areas={areas} />
        <button type="submit" className="button primary">
          {busy ? strings.tables.adding : strings.tables.add}
        </button>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
