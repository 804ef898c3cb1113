import type { CustomerDto, TableDto } from "@ordered/contract/client";
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
  /** The session's phones (removed ones are left out). */
  customers: CustomerDto[];
  names: Map<string, string>;
  token: string;
  onClose: () => void;
}

/** "Split off…": some phones and their orders go to a new session on a free table; payments stay. */
export function SplitDialog({ session, customers, names, token, onClose }: Props) {
  const [phones, setPhones] = useState<Set<string>>(new Set());
  const [table, setTable] = useState<TableDto | null>(null);
  const { busy, error, setError, run } = useTransfer();
  const free = useFreeTables(token, setError);
  const announce = useAnnounce();
  const t = strings.transfer;
  const here = customers.filter((c) => c.removedAt === null);

  const toggle = (id: string) =>
    setPhones((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const confirm = () => {
    if (phones.size === 0) return setError(t.choosePhones);
    if (!table) return setError(t.chooseTable);
    return run(
      (clientSplitId) =>
        api("POST /api/sessions/:id/split", {
          token,
          params: { id: session.id },
          body: { clientSplitId, tableId: table.id, customerIds: [...phones] },
        }),
      () => {
        announce(t.done.split(session.label, table.name));
        onClose();
      },
    );
  };

  return (
    <Modal title={t.splitTitle(session.label)} onClose={onClose} className="transfer-dialog">
      {here.length === 0 ? (
        <p className="muted">{t.noPhones}</p>
      ) : (
        <fieldset className="choice transfer-choices" disabled={busy}>
          <legend>{t.splitPhones}</legend>
          {here.map((c) => (
            <label key={c.id} className="choice-option">
              <input type="checkbox" checked={phones.has(c.id)} onChange={() => toggle(c.id)} />
              {names.get(c.id) ?? c.displayName ?? c.id.slice(0, 4)}
            </label>
          ))}
        </fieldset>
      )}
      <FreeTableChoice free={free} chosen={table} onChoose={setTable} legend={t.splitTable} disabled={busy} />
      <p className="muted small transfer-note">{t.splitPaymentsStay(session.label)}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t.cancel}
        </button>
        <button type="button" className="button primary" onClick={confirm} disabled={busy || here.length === 0 || !free?.length}>
          {t.splitConfirm}
        </button>
      </div>
    </Modal>
  );
}
