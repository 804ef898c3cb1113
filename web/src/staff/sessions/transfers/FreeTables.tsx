import type { TableDto } from "@ordered/contract/client";
import { useEffect, useId, useState } from "react";
import { api } from "../../../api/http";
import { strings } from "../../../strings";

/** The location's free tables (in use, nobody seated), loaded once when a dialog opens; null while loading. */
export function useFreeTables(token: string, onError: (message: string) => void): TableDto[] | null {
  const [free, setFree] = useState<TableDto[] | null>(null);
  useEffect(() => {
    let live = true;
    api("GET /api/tables", { token }).then(
      ({ tables }) => live && setFree(tables.filter((x) => !x.retired && x.openSessionId === null)),
      (err) => live && onError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [token, onError]);
  return free;
}

interface Props {
  free: TableDto[] | null;
  chosen: TableDto | null;
  onChoose: (table: TableDto) => void;
  legend: string;
  disabled: boolean;
}

/** The free tables as radio buttons (a transfer's destination), or why there is none to choose. */
export function FreeTableChoice({ free, chosen, onChoose, legend, disabled }: Props) {
  const name = useId();
  const t = strings.transfer;
  if (free === null) return <p className="muted">{t.loadingTables}</p>;
  if (free.length === 0) return <p className="muted">{t.noFreeTables}</p>;
  return (
    <fieldset className="choice transfer-choices" disabled={disabled}>
      <legend>{legend}</legend>
      {free.map((x) => (
        <label key={x.id} className="choice-option">
          <input type="radio" name={name} checked={chosen?.id === x.id} onChange={() => onChoose(x)} />
          {x.name}
        </label>
      ))}
    </fieldset>
  );
}
