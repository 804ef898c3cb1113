import type { OrderDto } from "@ordered/contract/client";
import { useId, useState } from "react";
import { api } from "../../../api/http";
import { useAnnounce } from "../../../components/Announcer";
import { Modal } from "../../../components/Modal";
import { t as phoneT } from "../../../i18n/i18n";
import { formatMoney } from "../../../lib/money";
import { strings } from "../../../strings";
import type { StaffSession } from "../staff-sessions";
import { useTransfer } from "./use-transfer";
import "./transfers.css";

interface Props {
  order: OrderDto;
  /** "Bar #3": the order's name on the panel. */
  label: string;
  /** The location's other open sessions: whose bill the lines may go onto. */
  others: StaffSession[];
  token: string;
  onClose: () => void;
}

/** "Move to…": lines of an order go onto another table's bill; the kitchen keeps them on this order's ticket. */
export function MoveLinesDialog({ order, label, others, token, onClose }: Props) {
  const name = useId();
  const [lines, setLines] = useState<Set<number>>(new Set());
  const [to, setTo] = useState<StaffSession | null>(null);
  const { busy, error, setError, run } = useTransfer();
  const announce = useAnnounce();
  const t = strings.transfer;

  const toggle = (position: number) =>
    setLines((current) => {
      const next = new Set(current);
      if (!next.delete(position)) next.add(position);
      return next;
    });

  const confirm = () => {
    if (lines.size === 0) return setError(t.chooseLines);
    if (!to) return setError(t.chooseSession);
    return run(
      (clientMoveId) =>
        api("POST /api/sessions/:id/move-lines", {
          token,
          params: { id: order.sessionId },
          body: { clientMoveId, orderId: order.id, positions: [...lines], toSessionId: to.id },
        }),
      () => {
        announce(t.done.moved(to.label));
        onClose();
      },
    );
  };

  return (
    <Modal title={t.moveTitle(label)} onClose={onClose} className="transfer-dialog">
      <fieldset className="choice transfer-choices" disabled={busy}>
        <legend>{t.moveLines}</legend>
        {order.items.map((item, position) =>
          item.movedTo ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines never move within it; the position is their identity
            <p key={position} className="muted small transfer-moved">
              {phoneT("order.times", { n: item.quantity })} {item.productName} · {t.movedTo(item.movedTo)}
            </p>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <label key={position} className="choice-option">
              <input type="checkbox" checked={lines.has(position)} onChange={() => toggle(position)} />
              {phoneT("order.times", { n: item.quantity })} {item.productName}
              <span className="muted small">{formatMoney(item.unitPriceCents * item.quantity, order.currency)}</span>
            </label>
          ),
        )}
      </fieldset>
      {others.length === 0 ? (
        <p className="muted">{t.noOtherSessions}</p>
      ) : (
        <fieldset className="choice transfer-choices" disabled={busy}>
          <legend>{t.moveTo}</legend>
          {others.map((s) => (
            <label key={s.id} className="choice-option">
              <input type="radio" name={name} checked={to?.id === s.id} onChange={() => setTo(s)} />
              {s.label}
            </label>
          ))}
        </fieldset>
      )}
      <p className="muted small transfer-note">{t.moveHint}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t.cancel}
        </button>
        <button type="button" className="button primary" onClick={confirm} disabled={busy || others.length === 0}>
          {t.moveConfirm}
        </button>
      </div>
    </Modal>
  );
}
