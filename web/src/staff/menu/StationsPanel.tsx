import { type CategoryDto, LIMITS, type StationDto } from "@ordered/contract/client";
import { api } from "../../api/http";
import { Link } from "../../components/Link";
import { strings } from "../../strings";
import { NamedListPanel } from "./NamedListPanel";
import { StationCapacity } from "./StationCapacity";

interface Props {
  token: string;
  /** In order; null while loading. */
  stations: StationDto[] | null;
  loadError: string | null;
  /** To count the categories routed to each station. */
  categories: readonly CategoryDto[];
  put: (stations: StationDto[]) => void;
  reload: () => Promise<void>;
}

/**
 * The location's stations (Kitchen, Bar, …): add, rename, delete one no category routes to,
 * and open its display. Categories choose their station in the category form.
 */
export function StationsPanel({ token, stations, loadError, categories, put, reload }: Props) {
  const s = strings.stations;
  return (
    <NamedListPanel
      id="menu-stations"
      className="stations-panel"
      titleId="stations-title"
      s={s}
      items={stations}
      loadError={loadError}
      put={put}
      reload={reload}
      countOf={(station) => categories.filter((c) => c.stationId === station.id).length}
      maxItems={LIMITS.kitchen.maxStations}
      nameLength={LIMITS.kitchen.stationNameLength}
      create={async (name) => (await api("POST /api/stations", { token, body: { name } })).station}
      rename={async (station, name) =>
        (await api("PATCH /api/stations/:id", { token, params: { id: station.id }, body: { name } })).station
      }
      remove={async (station) => {
        await api("DELETE /api/stations/:id", { token, params: { id: station.id } });
      }}
      rowActions={(station) => (
        <>
          <StationCapacity
            token={token}
            station={station}
            onSaved={(saved) => put((stations ?? []).map((x) => (x.id === saved.id ? saved : x)))}
          />
          <Link href={`/kitchen/${station.id}`} className="button ghost touch" aria-label={s.displayLabel(station.name)}>
            {s.display}
          </Link>
        </>
      )}
    />
  );
}
