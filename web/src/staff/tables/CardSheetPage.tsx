import type { TableCardsResponse } from "@ordered/contract/client";
import { type CSSProperties, useEffect, useState } from "react";
import { ApiError, api } from "../../api/http";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { Link } from "../../components/Link";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { pagesOf } from "../floor/floor";
import { LocalUrlNotice } from "./LocalUrlNotice";

/** Cards on one A4 page: two columns of three (see the card sheet's print styles). */
export const CARDS_PER_PAGE = 6;

/**
 * /panel/tables/print: every table's card (its name, the venue and its logo, the QR of its card URL) laid
 * out for A4, to print and cut. A page of its own, without the panel around it.
 */
export function CardSheetPage({ auth, onLogout }: { auth: StaffAuth; onLogout: () => void }) {
  const [sheet, setSheet] = useState<TableCardsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    api("GET /api/tables/cards", { token: auth.token })
      .then((res) => {
        if (!stale) setSheet(res);
      })
      .catch((err: unknown) => {
        if (stale) return;
        if (err instanceof ApiError && err.code === "UNAUTHENTICATED") onLogout();
        else setError(err instanceof Error ? err.message : String(err));
      });
    return () => {
      stale = true;
    };
  }, [auth.token, onLogout]);

  const cards = [...(sheet?.cards ?? [])].sort((a, b) => a.table.position - b.table.position);
  const location = sheet?.location ?? auth.staff.location;

  return (
    // The venue's colour marks each card's "Scan" line and its name (white text on it passes WCAG AA: brand-color.ts).
    <main
      className={`card-sheet print-area${location.brandColor ? " branded" : ""}${location.logo ? " with-logo" : ""}`}
      style={location.brandColor ? ({ "--brand": location.brandColor } as CSSProperties) : undefined}
    >
      <header className="sheet-toolbar no-print">
        <Link href="/panel/tables">← {strings.cards.back}</Link>
        <div className="sheet-title">
          <h1>{strings.cards.title}</h1>
          <p className="muted small">
            {location.name} · {strings.cards.hint}
          </p>
        </div>
        <button type="button" className="button primary" onClick={() => window.print()} disabled={cards.length === 0}>
          {strings.cards.print}
        </button>
      </header>
      <LocalUrlNotice url={cards[0]?.table.cardUrl} className="no-print sheet-notice" />
      {error && (
        <p role="alert" className="error no-print">
          {error}
        </p>
      )}
      {!sheet && !error && <p className="muted no-print">{t("common.loading")}</p>}
      {sheet && cards.length === 0 && <p className="muted no-print">{strings.cards.none}</p>}
      {pagesOf(cards, CARDS_PER_PAGE).map((page) => (
        <section key={page[0]!.table.id} className="sheet-page">
          {page.map(({ table, svg }) => (
            <figure key={table.id} className="table-card" aria-label={strings.cards.card(table.name)}>
              <div className="table-card-head">
                {location.logo && <img className="table-card-logo" src={location.logo.medium} alt="" />}
                <p className="table-card-venue">{location.name}</p>
              </div>
              <p className="table-card-name">{table.name}</p>
              <div
                className="table-card-qr"
                role="img"
                aria-label={strings.cards.qr(table.name)}
                // biome-ignore lint/security/noDangerouslySetInnerHtml: the server's own SVG, made by the qrcode library from the card URL (no user text in it)
                dangerouslySetInnerHTML={{ __html: hideFromReaders(svg) }}
              />
              <figcaption className="table-card-scan">{strings.cards.scan}</figcaption>
            </figure>
          ))}
        </section>
      ))}
    </main>
  );
}

/** The wrapper names the QR code; the SVG inside it stays out of the accessibility tree. */
function hideFromReaders(svg: string): string {
  return svg.replace(/^\s*<svg\b/, '<svg aria-hidden="true" focusable="false"');
}
