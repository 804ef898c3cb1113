import type { CurrentSessionResponse, JoinResponse, ReceiptDto } from "@ordered/contract/client";
import { lazy, useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api/http";
import { CenteredMessage } from "../components/CenteredMessage";
import { t, useLanguage } from "../i18n/i18n";
import { customerStorage, type Entry, entryKey, type KeptReceipt } from "./customer-storage";
import { FreeTableScreen } from "./FreeTableScreen";
import { JoinScreen } from "./JoinScreen";
import { prefetchMenu, seedMenu } from "./menu-loader";
import { dropsToken, type EndReason, endReasonOf, openingPhase, type Phase, phaseAfterEnd } from "./phone-flow";
import { ReceiptScreen } from "./ReceiptScreen";
import { useEntryInfo } from "./use-entry-info";
// The guest's styles, all in the first chunk as the join screen needs them: menu and cart come after the phone's.
import "./phone.css";
import "./menu.css";
import "./cart.css";
import "./split.css";
import "./pay.css";
import "./brand.css";

// The table screen (menu, cart, orders, the live socket) is a chunk of its own: the join
// screen shows without waiting for it, and it is fetched as soon as that screen is up.
// Once fetched it is rendered as it is, not through `lazy`: a lazy component suspends on
// its first render even when its chunk is already here, and React then holds the table
// screen back behind the "Loading…" fallback for up to 300 ms (its fallback throttle).
let customerPage: typeof import("./CustomerPage") | null = null;
const loadCustomerPage = () =>
  import("./CustomerPage").then((m) => {
    customerPage = m;
    return m;
  });
const LazyCustomerPage = lazy(() => loadCustomerPage().then((m) => ({ default: m.CustomerPage })));

/**
 * /s/<joinCode> and /t/<cardCode>: resume with the stored token, or join; then the live
 * menu, orders and bill; then the receipt once the session closes (kept on the phone).
 */
export function CustomerApp({ entry }: { entry: Entry }) {
  // Every screen below re-renders in the new language when the guest switches.
  useLanguage();
  const key = entryKey(entry);
  const [phase, setPhase] = useState<Phase>(() => openingPhase(entry, customerStorage.token(key), customerStorage.receipt(key)));
  // The code is checked before anything is asked: the first screen names the table and venue, or says the code is dead.
  const info = useEntryInfo(entry, phase.kind === "join");
  const firstScreenUp = !(phase.kind === "join" && info.state === "loading");
  useEffect(() => {
    if (firstScreenUp) void loadCustomerPage();
  }, [firstScreenUp]);
  // One end per token: the close event, a refused menu and a refused order may all report it.
  const ended = useRef<string | null>(null);

  const end = useCallback(
    async (reason: EndReason, token: string, customerId: string | null, receipt?: ReceiptDto) => {
      if (ended.current === token) return;
      ended.current = token;
      // Staff may have merged this table into another or split this phone off: then the
      // session goes on elsewhere, and the phone follows with a token for it (only a phone
      // staff moved gets one). A plain close answers no, and the receipt follows as before.
      if (reason !== "removed") {
        const followed = await follow(token);
        if (followed) {
          customerStorage.saveToken(key, followed.token, followed.current.customer.id);
          prefetchMenu(followed.token);
          const notice = t("customer.movedNotice", { label: followed.current.session.label });
          return setPhase({ kind: "live", token: followed.token, current: followed.current, notice });
        }
      }
      let kept: KeptReceipt | null = receipt ? { receipt, customerId, token } : null;
      if (reason === "closed" && !kept) kept = await fetchReceipt(token, customerId);
      if (kept) customerStorage.saveReceipt(key, kept);
      if (dropsToken(entry, reason, kept !== null)) customerStorage.forget(key);
      setPhase(phaseAfterEnd(entry, reason, kept));
    },
    [entry, key],
  );

  const resume = useCallback(
    async (token: string) => {
      setPhase({ kind: "loading" });
      prefetchMenu(token);
      try {
        const current = await api("GET /api/sessions/current", { token });
        setPhase({ kind: "live", token, current });
      } catch (err) {
        const reason = err instanceof ApiError ? endReasonOf(err.code) : null;
        if (reason) return end(reason, token, customerStorage.customerId(key));
        // No network (a reload while offline): what the phone last showed, marked offline;
        // the socket's catch-up brings what was missed once the network is back.
        const kept = err instanceof ApiError && err.code === "NETWORK" ? customerStorage.live(key, token) : null;
        if (kept) return setPhase({ kind: "live", token, current: kept });
        setPhase({ kind: "error", message: err instanceof Error ? err.message : String(err) });
      }
    },
    [end, key],
  );

  useEffect(() => {
    const token = customerStorage.token(key);
    if (token) void resume(token);
  }, [key, resume]);

  // The join's answer carries the table and the menu: the table screen shows at once, no second round trip.
  const joined = ({ token, expiresIn: _expiresIn, menu, ...current }: JoinResponse) => {
    customerStorage.saveToken(key, token, current.customer.id);
    seedMenu(token, menu);
    setPhase({ kind: "live", token, current });
  };
  const rejoin = () => {
    customerStorage.forget(key);
    setPhase({ kind: "join" });
  };
  const refused = (refusal: "closed" | "invalid") =>
    setPhase(refusal === "closed" ? { kind: "closed", canRejoin: false } : { kind: "invalid" });

  switch (phase.kind) {
    case "loading":
      return <CenteredMessage title={t("common.loading")} />;
    case "join":
      if (info.state === "loading") return <CenteredMessage title={t("customer.checkingCode")} />;
      if (info.state === "unknown") return entry.kind === "card" ? <InvalidCard /> : <InvalidCode />;
      if (info.state === "closed") return <ClosedCode />;
      return (
        <JoinScreen
          entry={entry}
          greeting={info.greeting}
          onJoined={joined}
          onRefused={(refusal, displayName) =>
            refusal === "free" ? setPhase({ kind: "free", displayName, card: info.greeting?.card ?? null }) : refused(refusal)
          }
        />
      );
    case "free":
      return <FreeTableScreen entry={entry} displayName={phase.displayName} card={phase.card} onJoined={joined} onRefused={refused} />;
    case "live": {
      const { token, current, notice } = phase;
      const CustomerPage = customerPage?.CustomerPage ?? LazyCustomerPage;
      return (
        <CustomerPage
          // A new token is a new session (the phone followed a merge or split): a fresh live view.
          key={token}
          storageKey={key}
          token={token}
          current={current}
          notice={notice}
          onEnd={(reason, receipt) => void end(reason, token, current.customer.id, receipt)}
        />
      );
    }
    case "receipt":
      return <ReceiptScreen kept={phase.kept} onRejoin={phase.canRejoin ? rejoin : undefined} />;
    case "closed":
      return (
        <CenteredMessage title={t("customer.closedTitle")}>
          <p>{phase.canRejoin ? t("cardJoin.closedBody") : t("customer.closedBody")}</p>
          {phase.canRejoin && (
            <button type="button" className="button primary large" onClick={rejoin}>
              {t("cardJoin.rejoin")}
            </button>
          )}
        </CenteredMessage>
      );
    case "removed":
      return (
        <CenteredMessage title={t("phoneRemoved.title")} tone="error">
          <p>{t("phoneRemoved.body")}</p>
          {phase.canRejoin && (
            <button type="button" className="button large" onClick={rejoin}>
              {t("cardJoin.rejoin")}
            </button>
          )}
        </CenteredMessage>
      );
    case "invalid":
      return entry.kind === "card" ? <InvalidCard /> : <InvalidCode />;
    case "error":
      return (
        <CenteredMessage title={t("common.unexpectedError")} tone="error">
          <p>{phase.message}</p>
          <button type="button" className="button primary" onClick={() => location.reload()}>
            {t("customer.retry")}
          </button>
        </CenteredMessage>
      );
  }
}

function InvalidCode() {
  return (
    <CenteredMessage title={t("customer.invalidTitle")} tone="error">
      <p>{t("customer.invalidBody")}</p>
    </CenteredMessage>
  );
}

function ClosedCode() {
  return (
    <CenteredMessage title={t("customer.closedTitle")}>
      <p>{t("customer.closedBody")}</p>
    </CenteredMessage>
  );
}

function InvalidCard() {
  return (
    <CenteredMessage title={t("cardJoin.invalidTitle")} tone="error">
      <p>{t("cardJoin.invalidBody")}</p>
    </CenteredMessage>
  );
}

/** A token for the session staff moved this phone to, and that session; null: it was not moved (or offline). */
async function follow(token: string): Promise<{ token: string; current: CurrentSessionResponse } | null> {
  try {
    const { token: followed } = await api("POST /api/sessions/follow", { body: { token } });
    return { token: followed, current: await api("GET /api/sessions/current", { token: followed }) };
  } catch {
    return null;
  }
}

/** The receipt of a closed session, with the token that was in it (which still works for this). */
async function fetchReceipt(token: string, customerId: string | null): Promise<KeptReceipt | null> {
  try {
    const { receipt } = await api("GET /api/sessions/receipt", { token });
    return { receipt, customerId, token };
  } catch {
    return null; // offline, or gone: the bare "closed" message, and the token stays to try again
  }
}
