import type { StaffRoleName } from "@ordered/contract/client";
import { Link } from "../components/Link";
import { strings } from "../strings";
import { homePathOf } from "./accounts/staff-accounts";

/** A panel page the account's role may not use (an old bookmark, a typed address): no 403, a way back. */
export function NotAllowed({ role }: { role: StaffRoleName }) {
  return (
    <main className="not-allowed">
      <section className="card" aria-labelledby="not-allowed-title">
        <h1 id="not-allowed-title">{strings.access.notAllowedTitle}</h1>
        <p>{strings.access.notAllowed(strings.roles[role])}</p>
        <Link href={homePathOf(role)} className="button primary touch">
          {strings.access.toFloor}
        </Link>
      </section>
    </main>
  );
}
