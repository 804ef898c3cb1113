import { type CustomerDto, LIMITS } from "@ordered/contract/client";
import { useState } from "react";
import { api } from "../../api/http";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { strings } from "../../strings";
import { timeAgo } from "./session-view";

interface Props {
  sessionId: string;
  label: string;
  customers: CustomerDto[];
  names: ReadonlyMap<string, string>;
  token: string;
  now: number;
  /** The location checks card-joined phones (not OFF): unverified ones wait to be accepted. */
  checked: boolean;
}

/**
 * The phones that joined a session, in the order they joined. Removing one ends its token at
 * once; the list strikes it through when the `customer:removed` event arrives. A phone that
 * joined through the card and has not typed the PIN yet is marked waiting, with Accept (it
 * may order from then on; `customer:verified` updates every screen).
 */
export function SessionPhones({ sessionId, label, customers, names, token, now, checked }: Props) {
  const [removing, setRemoving] = useState<CustomerDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nameOfPhone = (c: CustomerDto) => names.get(c.id) ?? strings.session.guestUnknown;
  const present = customers.filter((c) => c.removedAt === null).length;

  async function remove(c: CustomerDto) {
    await api("POST /api/sessions/:id/customers/:customerId/remove", { token, params: { id: sessionId, customerId: c.id } });
  }
  async function accept(c: CustomerDto) {
    setError(null);
    try {
      await api("POST /api/sessions/:id/customers/:customerId/accept", { token, params: { id: sessionId, customerId: c.id } });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section className="seat-phones" aria-label={strings.session.phonesTitle(label)}>
      <h4 className="seat-heading">
        {strings.session.phones} <span className="count">{present}</span>
      </h4>
      {customers.length === 0 ? (
        <p className="muted small">{strings.session.noPhones}</p>
      ) : (
        <ul className="seat-phone-list">
          {customers.map((c) => (
            <li key={c.id} className={c.removedAt ? "seat-phone removed" : "seat-phone"} aria-label={nameOfPhone(c)}>
              <span className="seat-phone-name">{nameOfPhone(c)}</span>
              <span className="muted small seat-phone-meta">
                {c.removedAt
                  ? strings.session.removedAgo(timeAgo(c.removedAt, now))
                  : strings.session.joined(timeAgo(c.joinedAt, now), strings.session.via[c.via])}
                {!c.removedAt && c.verifiedHow === "STAFF" && c.verifiedBy && ` · ${strings.session.acceptedBy(c.verifiedBy)}`}
              </span>
              {checked && !c.removedAt && !c.verifiedAt && (
                <>
                  <span className="seat-phone-waiting small">
                    {c.pinFailures >= LIMITS.presence.phonePinTries ? strings.session.pinLocked : strings.session.waiting}
                  </span>
                  <button
                    type="button"
                    className="button primary small"
                    onClick={() => void accept(c)}
                    aria-label={strings.session.acceptLabel(nameOfPhone(c))}
                  >
                    {strings.session.accept}
                  </button>
                </>
              )}
              {!c.removedAt && (
                <button
                  type="button"
                  className="button ghost small"
                  onClick={() => setRemoving(c)}
                  aria-label={strings.session.removeLabel(nameOfPhone(c))}
                >
                  {strings.session.remove}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {removing && (
        <ConfirmDialog
          title={strings.session.removeTitle(nameOfPhone(removing))}
          message={strings.session.confirmRemove(nameOfPhone(removing), label)}
          confirmLabel={strings.session.remove}
          dismissLabel={strings.session.keep}
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
