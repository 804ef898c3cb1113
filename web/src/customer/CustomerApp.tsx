import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../api/http";
import { CenteredMessage } from "../components/CenteredMessage";
import { strings } from "../strings";
import { CustomerPage } from "./CustomerPage";
import { customerStorage } from "./customer-storage";
import { JoinScreen } from "./JoinScreen";
import type { CurrentSession, EndReason } from "./use-customer-live";

type Phase =
  | { kind: "loading" }
  | { kind: "join" }
  | { kind: "live"; token: string; current: CurrentSession }
  | { kind: "closed" }
  | { kind: "invalid" }
  | { kind: "error"; message: string };

/** /s/<joinCode>: resume with the stored token, or join; then the live menu and orders. */
export function CustomerApp({ code }: { code: string }) {
  const [phase, setPhase] = useState<Phase>(() => (customerStorage.token(code) ? { kind: "loading" } : { kind: "join" }));

  const resume = useCallback(
    async (token: string) => {
      setPhase({ kind: "loading" });
      try {
        const current = await api<CurrentSession>("/sessions/current", { token });
        setPhase({ kind: "live", token, current });
      } catch (err) {
        if (err instanceof ApiError && err.code === "SESSION_CLOSED") return setPhase({ kind: "closed" });
        if (err instanceof ApiError && err.code === "UNAUTHENTICATED") {
          customerStorage.forget(code); // expired: join again
          return setPhase({ kind: "join" });
        }
        setPhase({ kind: "error", message: err instanceof Error ? err.message : String(err) });
      }
    },
    [code],
  );

  useEffect(() => {
    const token = customerStorage.token(code);
    if (token) void resume(token);
  }, [code, resume]);

  const onEnd = useCallback(
    (reason: EndReason) => {
      if (reason === "closed") return setPhase({ kind: "closed" });
      customerStorage.forget(code);
      setPhase({ kind: "join" });
    },
    [code],
  );

  switch (phase.kind) {
    case "loading":
      return <CenteredMessage title={strings.common.loading} />;
    case "join":
      return (
        <JoinScreen
          code={code}
          onJoined={(token) => {
            customerStorage.saveToken(code, token);
            void resume(token);
          }}
          onClosed={() => setPhase({ kind: "closed" })}
          onInvalid={() => setPhase({ kind: "invalid" })}
        />
      );
    case "live":
      return <CustomerPage code={code} token={phase.token} current={phase.current} onEnd={onEnd} />;
    case "closed":
      return (
        <CenteredMessage title={strings.customer.closedTitle}>
          <p>{strings.customer.closedBody}</p>
        </CenteredMessage>
      );
    case "invalid":
      return (
        <CenteredMessage title={strings.customer.invalidTitle} tone="error">
          <p>{strings.customer.invalidBody}</p>
        </CenteredMessage>
      );
    case "error":
      return (
        <CenteredMessage title={strings.common.unexpectedError} tone="error">
          <p>{phase.message}</p>
          <button type="button" className="button primary" onClick={() => location.reload()}>
            {strings.customer.retry}
          </button>
        </CenteredMessage>
      );
  }
}
