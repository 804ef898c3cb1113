import { DEFAULT_TICKET_MINUTES, ORDER_VIEW_WORDS, TICKET_STATUSES } from "@ordered/contract/client";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { CenteredMessage } from "../components/CenteredMessage";
import { ConnectionIndicator } from "../components/ConnectionIndicator";
import { Link } from "../components/Link";
import { PrinterAlerts } from "../components/PrinterAlerts";
import { t } from "../i18n/i18n";
import { useNow } from "../staff/use-now";
import { strings } from "../strings";
import { KitchenTicket } from "./KitchenTicket";
import { boardOf, newTicketIds, voidCueId, voidCueIds } from "./kitchen-board";
import { kitchenTitle } from "./kitchen-title";
import { SoundIcon } from "./SoundIcon";
import { rememberStation } from "./station-choice";
import { ticketAllergies } from "./ticket-allergies";
import { useKitchenAllergies } from "./use-kitchen-allergies";
import type { KitchenLive } from "./use-kitchen-live";
import { useScanBump } from "./use-scan-bump";
import { useTicketActions } from "./use-ticket-actions";
import { useTicketCue } from "./use-ticket-cue";

/** Until the location's own thresholds are in. */
const FALLBACK_THRESHOLDS = { amberMinutes: DEFAULT_TICKET_MINUTES.amber, redMinutes: DEFAULT_TICKET_MINUTES.red };

interface Props {
  stationId: string;
  kitchen: KitchenLive;
  token: string;
  onLogout: () => void;
}

/**
 * One station's wall screen: New / Preparing / Ready, oldest first, live. The root carries
 * `data-cue` ("ringing" while new tickets wait for a touch) and `data-beeps` (beeps that
 * sounded) so the cue can be checked from outside.
 */
export function KitchenDisplay({ stationId, kitchen, token, onLogout }: Props) {
  const { state, live, stations, thresholds } = kitchen;
  const station = stations?.find((s) => s.id === stationId) ?? null;
  const board = useMemo(() => boardOf(state, stationId), [state, stationId]);
  // A void rings like a new ticket (the same cue) and flashes its ticket until someone looks.
  const cue = useTicketCue(useMemo(() => [...newTicketIds(board), ...voidCueIds(board)], [board]));
  const actions = useTicketActions(live.commands);
  const allergies = useKitchenAllergies(token, live);
  useScanBump(board, actions.bump, actions.busy);
  const now = useNow(1000);
  // A bumped ticket changes column (React mounts it anew, which drops focus): keyboard focus
  // follows it to its new place for a few seconds, unless the person has moved on meanwhile.
  const followed = useRef<{ id: string; until: number } | null>(null);
  const followFocus = (id: string) => {
    if (document.activeElement?.closest("[data-ticket-id]")?.getAttribute("data-ticket-id") === id) {
      followed.current = { id, until: Date.now() + 3000 };
    }
  };
  useLayoutEffect(() => {
    const f = followed.current;
    if (!f || Date.now() > f.until) return;
    const ticket = document.querySelector<HTMLElement>(`[data-ticket-id="${CSS.escape(f.id)}"]`);
    const active = document.activeElement;
    if (!ticket || ticket.contains(active) || (active && active !== document.body)) return;
    ticket.focus();
  });

  useEffect(() => {
    if (station) rememberStation(station.id);
  }, [station]);

  const title = kitchenTitle(station?.name ?? null, cue.unseen.size);
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  if (stations && !station) {
    return (
      <CenteredMessage title={strings.kitchen.unknownStation} tone="error">
        <Link href="/kitchen?choose" className="button primary">
          {strings.kitchen.switchStation}
        </Link>
      </CenteredMessage>
    );
  }

  const offline = state.loaded && live.status !== "live" && live.status !== "connecting";
  return (
    <div className="kitchen" data-cue={cue.ringing ? "ringing" : "quiet"} data-beeps={cue.beeps}>
      <header className="kitchen-bar">
        <h1 className="kitchen-station">{station?.name ?? strings.kitchen.title}</h1>
        <ConnectionIndicator state={live.status} />
        <button
          type="button"
          className={`kitchen-sound ${cue.soundOn ? "on" : "off"}`}
          aria-pressed={cue.soundOn}
          onClick={cue.toggleSound}
        >
          {/* Named by what it switches (its visible text); aria-pressed says whether it is on. */}
          <SoundIcon on={cue.soundOn} /> {strings.kitchen.soundSwitch}
          <span className="kitchen-sound-state" aria-hidden="true">
            {cue.soundOn ? strings.kitchen.soundStateOn : strings.kitchen.soundStateOff}
          </span>
        </button>
        <Link href="/kitchen?choose" className="button kitchen-switch">
          {strings.kitchen.switchStation}
        </Link>
        <button type="button" className="button ghost kitchen-logout" onClick={onLogout}>
          {strings.kitchen.logout}
        </button>
      </header>
      {offline && (
        <p role="alert" className="kitchen-offline">
          {live.status === "offline" ? strings.kitchen.offline : strings.kitchen.reconnecting}
        </p>
      )}
      <PrinterAlerts token={token} live={live} className="kitchen-printer-alerts" />
      {cue.blocked && (
        <button type="button" className="kitchen-enable-sound">
          <SoundIcon on={false} /> {strings.kitchen.enableSound}
          <span className="kitchen-enable-hint">{strings.kitchen.enableSoundHint}</span>
        </button>
      )}
      {kitchen.error && !state.loaded && (
        <p role="alert" className="error banner">
          {kitchen.error.message}
        </p>
      )}
      <main className="kitchen-columns">
        {TICKET_STATUSES.map((status) => (
          <section key={status} className={`kitchen-column kitchen-column-${status.toLowerCase()}`} aria-label={ORDER_VIEW_WORDS[status]}>
            {/* A ticket's statuses are order views' names: the columns say what the panel's badges say. */}
            <h2 className="kitchen-column-head">
              {ORDER_VIEW_WORDS[status]} <span className="kitchen-count">{board[status].length}</span>
            </h2>
            {board[status].length === 0 ? (
              <p className="kitchen-empty">{state.loaded ? strings.kitchen.empty[status] : t("common.loading")}</p>
            ) : (
              <ol className="kitchen-tickets">
                {board[status].map((card) => (
                  <li key={card.ticket.id}>
                    <KitchenTicket
                      card={card}
                      now={now}
                      thresholds={thresholds ?? FALLBACK_THRESHOLDS}
                      unseen={cue.unseen.has(card.ticket.id) || cue.unseen.has(voidCueId(card) ?? "")}
                      busy={actions.busy.has(card.ticket.id)}
                      error={actions.errors[card.ticket.id]}
                      undoFrom={actions.undoFrom(card.ticket, now)}
                      onBump={(to) => {
                        followFocus(card.ticket.id);
                        void actions.bump(card.ticket.id, to);
                      }}
                      onRecall={(from) => {
                        followFocus(card.ticket.id);
                        void actions.recall(card.ticket.id, from);
                      }}
                      allergies={ticketAllergies(card.ticket.id, card.order, card.items, allergies.bySession.get(card.order.sessionId))}
                      onAcknowledge={() => void actions.acknowledge(card.ticket.id, allergies.put)}
                    />
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </main>
    </div>
  );
}
