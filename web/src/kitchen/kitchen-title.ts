import { strings } from "../strings";

/** The tab's title: the station, with the count of new tickets nobody has looked at yet ("(3) Kitchen · Ordered"). */
export function kitchenTitle(station: string | null, unseen: number): string {
  const base = `${station ?? strings.kitchen.title} · ${strings.appName}`;
  return unseen > 0 ? `(${unseen}) ${base}` : base;
}
