import type { CourseDto, OrderDto, ProductDto } from "@ordered/contract/client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api } from "../../api/http";
import { Modal } from "../../components/Modal";
import { useCommands } from "../../realtime/live-context";
import { useProducts } from "../../realtime/use-products";
import { strings } from "../../strings";
import { useCategories } from "../menu/use-categories";
import { useCourses } from "../menu/use-courses";
import { declarationsByGuest } from "../sessions/allergy-view";
import { useSessionAllergies } from "../sessions/use-session-allergies";
import { PadOptions } from "./PadOptions";
import { PadTicket } from "./PadTicket";
import { ProductGrid } from "./ProductGrid";
import { addLine, enterPayload, type PadLine, type PadProduct, padProducts, recentProductIds, searchPad } from "./pad-model";
import "./order-pad.css";

interface Props {
  session: { id: string; label: string };
  token: string;
  timeZone: string;
  currency: string;
  /** Every order the panel holds: what was ordered recently, at this table first. */
  orders: readonly OrderDto[];
  onClose: () => void;
}

type Tab = { kind: "recent" } | { kind: "category"; id: string };

/**
 * The waiter's order pad (issue 32, item 1): the menu as big targets (categories as tabs, a
 * search, what was ordered recently), options chosen with the phone's rules, each line with
 * a seat and a course, courses to hold, and one Send: `order:enter` sent until answered
 * with one clientOrderId per content, so a double tap or a retry never doubles the order.
 */
export function OrderPad({ session, token, timeZone, currency, orders, onClose }: Props) {
  const s = strings.pad;
  const commands = useCommands();
  const load = useCallback(() => api("GET /api/products", { token, query: { archived: "exclude" } }).then((res) => res.products), [token]);
  const { products } = useProducts(load);
  const { categories } = useCategories(token);
  const { courses } = useCourses(token);
  // The table's declared allergies (issue 35): a line for a seat whose dish goes against its declaration is warned.
  const { allergies } = useSessionAllergies(session.id, token);
  const declared = useMemo(() => declarationsByGuest(allergies), [allergies]);
  const [tab, setTab] = useState<Tab>({ kind: "recent" });
  const [query, setQuery] = useState("");
  const [lines, setLines] = useState<PadLine[]>([]);
  const [seat, setSeat] = useState<number | null>(null);
  const [held, setHeld] = useState<Set<string>>(new Set());
  const [choosing, setChoosing] = useState<ProductDto | null>(null);
  // One id per content: a new one whenever the lines change, the same for every send of them.
  const [clientOrderId, setClientOrderId] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const menu = useMemo(
    () => (products && categories ? padProducts(products, categories, timeZone, new Date()) : null),
    [products, categories, timeZone],
  );
  const byId = useMemo(() => new Map((products ?? []).map((p) => [p.id, p])), [products]);
  const defaultCourse = useMemo(() => new Map((categories ?? []).map((c) => [c.id, c.courseId])), [categories]);
  const recent = useMemo(() => recentProductIds(orders, session.id), [orders, session.id]);
  const shownCategories = useMemo(() => (categories ?? []).filter((c) => menu?.some((p) => p.category.id === c.id)), [categories, menu]);

  const edit = (next: PadLine[]) => {
    setLines(next);
    setClientOrderId(crypto.randomUUID());
    setError(null);
  };
  const add = (product: ProductDto, options: string[], note = "", quantity = 1) =>
    edit(addLine(lines, { productId: product.id, options, quantity, note, seat, courseId: defaultCourse.get(product.categoryId) ?? null }));
  const choose = (next: Tab) => {
    setQuery("");
    setTab(next);
  };
  const pick = (p: PadProduct) => (p.product.optionGroups.length > 0 ? setChoosing(p.product) : add(p.product, []));

  async function send() {
    if (lines.length === 0 || sending) return;
    setSending(true);
    setError(null);
    abort.current = new AbortController();
    try {
      await commands.sendUntilAnswered("order:enter", enterPayload(session.id, clientOrderId, lines, byId, held), abort.current.signal);
      onClose();
    } catch (err) {
      if (abort.current.signal.aborted) return;
      setError(err instanceof Error ? err.message : String(err));
      setSending(false);
    }
  }

  // Nothing ordered yet (a new day, a new venue): open on the first category instead.
  const shownTab: Tab =
    tab.kind === "recent" && recent.length === 0 && shownCategories[0] ? { kind: "category", id: shownCategories[0].id } : tab;
  const listed: PadProduct[] | null = !menu
    ? null
    : query.trim()
      ? searchPad(menu, query)
      : shownTab.kind === "recent"
        ? recent.flatMap((id) => menu.filter((p) => p.product.id === id))
        : menu.filter((p) => p.category.id === shownTab.id);

  return (
    <Modal title={s.title(session.label)} onClose={onClose} className="order-pad">
      <div className="pad">
        <section className="pad-menu" aria-label={strings.pad.search}>
          {choosing ? (
            <PadOptions
              product={byId.get(choosing.id) ?? choosing}
              onAdd={(options, note, quantity) => {
                add(choosing, options, note, quantity);
                setChoosing(null);
              }}
              onBack={() => setChoosing(null)}
            />
          ) : (
            <>
              <label className="pad-search">
                <span className="visually-hidden">{s.search}</span>
                <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={s.searchPlaceholder} />
              </label>
              <div className="pad-tabs" role="tablist" aria-label={strings.categories.title}>
                <PadTab selected={!query && shownTab.kind === "recent"} onSelect={() => choose({ kind: "recent" })}>
                  {s.recent}
                </PadTab>
                {shownCategories.map((c) => (
                  <PadTab
                    key={c.id}
                    selected={!query && shownTab.kind === "category" && shownTab.id === c.id}
                    onSelect={() => choose({ kind: "category", id: c.id })}
                  >
                    {c.name}
                  </PadTab>
                ))}
              </div>
              {listed === null ? (
                <p className="muted">{s.loading}</p>
              ) : listed.length === 0 ? (
                <p className="muted">{query.trim() ? s.noMatch(query.trim()) : s.noRecent}</p>
              ) : (
                <ProductGrid items={listed} currency={currency} onPick={pick} />
              )}
            </>
          )}
        </section>
        <PadTicket
          lines={lines}
          products={byId}
          courses={(courses ?? []) as CourseDto[]}
          currency={currency}
          seat={seat}
          onSeat={setSeat}
          held={held}
          onHold={(courseId, hold) => {
            const next = new Set(held);
            if (hold) next.add(courseId);
            else next.delete(courseId);
            setHeld(next);
            setClientOrderId(crypto.randomUUID());
          }}
          onChange={edit}
          sending={sending}
          error={error}
          onSend={send}
          allergies={declared}
        />
      </div>
    </Modal>
  );
}

function PadTab({ selected, onSelect, children }: { selected: boolean; onSelect: () => void; children: React.ReactNode }) {
  return (
    <button type="button" role="tab" aria-selected={selected} className={selected ? "pad-tab selected" : "pad-tab"} onClick={onSelect}>
      {children}
    </button>
  );
}
