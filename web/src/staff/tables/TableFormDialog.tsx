import type { TableDto } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { Modal } from "../../components/Modal";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { TableFields, tableFieldsOf } from "./TableFields";
import { type TableInput, tableInputOf } from "./table-input";

interface Props {
  table: TableDto;
  areas: string[];
  onSave: (input: TableInput) => Promise<void>;
  onClose: () => void;
}

/** Renames a table or changes its area or seats; the server's refusal shows in place. */
export function TableFormDialog({ table, areas, onSave, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = tableInputOf(tableFieldsOf(e.currentTarget));
    if (!("name" in input)) return setError(strings.tables.invalidSeats);
    setBusy(true);
    setError(null);
    try {
      await onSave(input);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <Modal title={strings.tables.editTitle(table.name)} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <TableFields table={table} areas={areas} autoFocus />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t("common.save")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
