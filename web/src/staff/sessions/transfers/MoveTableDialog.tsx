import type { TableDto } from "@ordered/contract/client";
import { useState } from "react";
import { api } from "../../../api/http";
import { useAnnounce } from "../../../components/Announcer";
import { Modal } from "../../../components/Modal";
import { strings } from "../../../strings";
import type { StaffSession } from "../staff-sessions";
import { FreeTableChoice, useFreeTables } from "./FreeTables";
import { useTransfer } from "./use-transfer";
import "./transfers.css";

interface Props {
  session: StaffSession;
  token: string;
  onClose: () => void;
}

/**
 * "Move table…": the whole party goes to a free table (the terrace opened up): its phones, orders,
 * bill and PIN go with it, the phones show the new table at once, the old table is free.
 */
export function MoveTableDialog({ session, token, onClose }: Props) {
  const [table, setTable] = useState<TableDto | null>(null);
  const { busy, error, setError, run } = useTransfer();
  const free = useFreeTables(token, setError);
  const announce = useAnnounce();
  const t = strings.transfer;

  const confirm = () => {
    if (!table) return setError(t.chooseTable);
    return run(
      () => api("POST /api/sessions/:id/move", { token, params: { id: session.id }, body: { tableId: table.id } }),
      () => {
        announce(t.done.movedTable(session.label, table.name));
        onClose();
      },
    );
  };

  return (
    <Modal title={t.moveTableTitle(session.label)} onClose={onClose} className="transfer-dialog">
      <p>{t.moveTableHint(session.label)}</p>
      <FreeTableChoice free={free} chosen={table} onChoose={setTable} legend={t.moveTableTo} disabled={busy} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t.cancel}
        </button>
        <button type="button" className="button primary" onClick={confirm} disabled={busy || !free?.length}>
          {table ? t.moveTableConfirm(table.name) : t.moveTableButton.replace("…", "")}
        </button>
      </div>
    </Modal>
  );
}
