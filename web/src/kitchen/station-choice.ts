import { storage } from "../lib/storage";

const KEY = "ordered.kitchen.station";

/** The station this screen showed last: /kitchen goes straight back to it. */
export const lastStation = (): string | null => storage.get<string>(KEY);
export const rememberStation = (stationId: string): void => storage.set(KEY, stationId);
