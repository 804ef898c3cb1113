import type { LocationDto, RouteBody } from "@ordered/contract/client";
import { useState } from "react";
import { api } from "../../api/http";

/** What the page that loads the location gives each of its settings' sections. */
export interface LocationSettingProps {
  token: string;
  /** null while loading. */
  location: LocationDto | null;
  /** Whether this account may change the location's settings (the permission location.settings: the owner). */
  maySet: boolean;
  /** Takes the location the server saved (a switch also passes what it shows until the server answers). */
  onSaved: (location: LocationDto) => void;
}

/**
 * Saving a location setting (PATCH /api/location) as every section of the settings does it: busy while
 * the request is out, the server's message when it fails, `saved` from its answer until the section
 * calls clearSaved (on the next edit). `save` resolves true once the answer is taken and false after
 * an error, so a section can reset its own fields, or undo what it showed before the answer.
 */
export function useLocationSave(token: string, onSaved: (location: LocationDto) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function save(body: RouteBody<"PATCH /api/location">): Promise<boolean> {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSaved((await api("PATCH /api/location", { token, body })).location);
      setSaved(true);
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, saved, clearSaved: () => setSaved(false), save };
}
