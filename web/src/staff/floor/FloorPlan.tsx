import { can } from "@ordered/contract/client";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { Link } from "../../components/Link";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { openSessions } from "../sessions/staff-sessions";
import { useTables } from "../tables/use-tables";
import { useNow } from "../use-now";
import type { StaffLive } from "../use-staff-live";
import { groupByArea, sessionTileState, tableTileState } from "./floor";
import { TableTile } from "./TableTile";
import { thresholdsOf } from "./triage";
import { useLateSessions } from "./use-late-sessions";

interface Props {
  staffLive: StaffLive;
  auth: StaffAuth;
  /** A seated table's tile was chosen, or a table was just seated: show that session's sheet. */
  onOpenSession: (sessionId: string) => void;
}

/**
 * The location's tables as tiles in floor order, grouped by area when the venue uses areas,
 * then the open sessions without a table (counter orders, sessions opened by label). Each
 * seated tile says what its table waits for; choosing it opens the table's sheet.
 */
export function FloorPlan({ staffLive, auth, onOpenSession }: Props) {
  const { state, tablesVersion, seatTable } = staffLive;
  const { tables, error } = useTables(auth.token, tablesVersion);
  const now = useNow();
  const currency = auth.staff.location.currency;
  const thresholds = thresholdsOf(auth.staff.location);
  const late = useLateSessions(auth.token, state.orders);
  const phonesChecked = auth.staff.location.cardJoinCheck !== "OFF";
  const tiles = (tables ?? []).map((t) => ({ table: t, tile: tableTileState(t, state, now, currency, { phonesChecked }) }));
  const onTables = new Set(tiles.flatMap((t) => (t.tile.kind === "seated" ? [t.tile.sessionId] : [])));
  // Oldest first, like tables in floor order: a tile keeps its place while the table sits.
  const withoutTable = openSessions(state)
    .filter((s) => !onTables.has(s.id))
    .reverse();
  const tileOf = new Map(tiles.map((t) => [t.table.id, t.tile]));
  const seated = tiles.filter((t) => t.tile.kind === "seated").length;
  const groups = groupByArea(tables ?? []);
  const usesAreas = groups.some((g) => g.area !== null);

  return (
    <section className="floor" aria-labelledby="floor-title">
      <div className="floor-head">
        <h2 id="floor-title">{strings.floor.title}</h2>
        {tables && tables.length > 0 && <span className="muted small">{strings.floor.summary(seated, tables.length)}</span>}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {tables === null ? (
        !error && <p className="muted">{t("common.loading")}</p>
      ) : tables.length === 0 ? (
        <p className="muted">
          {strings.floor.noTables} {can(auth.staff.role, "tables.edit") && <Link href="/panel/tables">{strings.floor.addTables}</Link>}
        </p>
      ) : (
        groups.map((g) => (
          <div key={g.area ?? ""} className="area">
            {usesAreas && <h3 className="area-title">{g.area ?? strings.floor.noArea}</h3>}
            <ul className="tiles" aria-label={g.area ?? strings.floor.title}>
              {g.tables.map((t) => (
                <li key={t.id}>
                  <TableTile
                    name={t.name}
                    seats={t.seats}
                    tile={tileOf.get(t.id) ?? { kind: "free" }}
                    late={(() => {
                      const tile = tileOf.get(t.id);
                      return tile?.kind === "seated" && late.has(tile.sessionId);
                    })()}
                    currency={currency}
                    thresholds={thresholds}
                    onSeat={async () => {
                      const res = await seatTable(t.id);
                      onOpenSession(res.session.id);
                    }}
                    onOpen={onOpenSession}
                  />
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {withoutTable.length > 0 && (
        <div className="area">
          <h3 className="area-title">{strings.floor.withoutTable}</h3>
          <ul className="tiles" aria-label={strings.floor.withoutTable}>
            {withoutTable.map((s) => (
              <li key={s.id}>
                <TableTile
                  name={s.label}
                  tile={sessionTileState(s, state, now, currency, { phonesChecked })}
                  late={late.has(s.id)}
                  currency={currency}
                  thresholds={thresholds}
                  onSeat={async () => {}}
                  onOpen={onOpenSession}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
