import type { StaffDto } from "@ordered/contract/client";
import { storage } from "../../lib/storage";

const KEY = "ordered.staff";

export interface StaffAuth {
  token: string;
  staff: StaffDto;
}

export const staffAuthStore = {
  load: () => storage.get<StaffAuth>(KEY),
  save: (auth: StaffAuth) => storage.set(KEY, auth),
  clear: () => storage.remove(KEY),
};
