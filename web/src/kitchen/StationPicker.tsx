import type { StationDto } from "@ordered/contract/client";
import { useEffect } from "react";
import { Link } from "../components/Link";
import { t } from "../i18n/i18n";
import { navigate } from "../router";
import { strings } from "../strings";
import { lastStation } from "./station-choice";

/**
 * /kitchen: which station this screen is. Big buttons, the last choice marked; opened
 * without `?choose` it goes straight back to the last station (a wall screen after a reboot).
 */
export function StationPicker({ stations, onLogout }: { stations: StationDto[] | null; onLogout: () => void }) {
  const last = lastStation();
  const choosing = new URLSearchParams(location.search).has("choose");
  const resume = !choosing && stations?.some((s) => s.id === last) ? last : null;

  useEffect(() => {
    if (resume) navigate(`/kitchen/${resume}`, { replace: true });
  }, [resume]);

  if (resume) return null;
  return (
    <main className="kitchen-picker">
      <h1>{strings.kitchen.chooseTitle}</h1>
      <p className="muted">{strings.kitchen.chooseHint}</p>
      {stations === null ? (
        <p>{t("common.loading")}</p>
      ) : stations.length === 0 ? (
        <p>{strings.kitchen.noStations}</p>
      ) : (
        <ul className="kitchen-stations">
          {stations.map((s) => (
            <li key={s.id}>
              <Link href={`/kitchen/${s.id}`} className={`kitchen-station-choice${s.id === last ? " last" : ""}`}>
                {s.name}
                {s.id === last && <span className="kitchen-last-used">{strings.kitchen.lastUsed}</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button ghost" onClick={onLogout}>
        {strings.kitchen.logout}
      </button>
    </main>
  );
}
