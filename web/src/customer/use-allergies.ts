import {
  ALLERGENS,
  type AllergyDeclarationDto,
  DECLARABLE_DIETS,
  type DeclareAllergiesBody,
  type Declared,
  isDeclared,
} from "@ordered/contract/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api/http";

const KEY = "ordered.allergies";

/** What this phone declared last, at any table (the guest says it once): kept on the phone only. */
export function readKept(stored: unknown): Declared | null {
  if (typeof stored !== "object" || stored === null) return null;
  const { allergens, diets, note } = stored as Record<string, unknown>;
  const kept: Declared = {
    allergens: Array.isArray(allergens) ? ALLERGENS.filter((a) => allergens.includes(a)) : [],
    diets: Array.isArray(diets) ? DECLARABLE_DIETS.filter((d) => diets.includes(d)) : [],
    note: typeof note === "string" && note.trim() ? note.trim() : null,
  };
  return isDeclared(kept) ? kept : null;
}

function kept(): Declared | null {
  try {
    return readKept(JSON.parse(localStorage.getItem(KEY) ?? "null"));
  } catch {
    return null;
  }
}

function keep(d: Declared | null) {
  try {
    if (isDeclared(d)) localStorage.setItem(KEY, JSON.stringify({ allergens: d.allergens, diets: d.diets, note: d.note }));
    else localStorage.removeItem(KEY);
  } catch {
    // A convenience only (private mode, storage off): the table still has the declaration.
  }
}

export interface Allergies {
  /** What the guest declared at this table (null: nothing, or not loaded yet). */
  declared: AllergyDeclarationDto | null;
  /** Sends the whole declaration (empty clears it); throws the server's refusal. */
  save: (body: DeclareAllergiesBody) => Promise<void>;
}

/**
 * The guest's declared allergies and diets at this table: read from the server (the phone's own,
 * private to it and the staff), and kept on the phone so that the next table it joins gets them
 * without asking again (sent once, on joining, when the table has none from this phone).
 */
export function useAllergies(token: string): Allergies {
  const [declared, setDeclared] = useState<AllergyDeclarationDto | null>(null);
  const stopped = useRef(false);

  useEffect(() => {
    stopped.current = false;
    void (async () => {
      try {
        const { declaration } = await api("GET /api/sessions/allergies", { token });
        if (stopped.current) return;
        if (isDeclared(declaration)) {
          setDeclared(declaration);
          keep(declaration);
          return;
        }
        const carried = kept();
        if (!carried || declaration) return; // an emptied declaration here stays empty
        const sent = await api("PUT /api/sessions/allergies", {
          token,
          body: { allergens: [...carried.allergens], diets: [...carried.diets], note: carried.note },
        });
        if (!stopped.current) setDeclared(sent.declaration);
      } catch (err) {
        // Reading it again on the next load is enough: the menu simply marks nothing meanwhile.
        if (!(err instanceof ApiError)) console.warn("allergies not loaded", err);
      }
    })();
    return () => {
      stopped.current = true;
    };
  }, [token]);

  const save = useCallback(
    async (body: DeclareAllergiesBody) => {
      const { declaration } = await api("PUT /api/sessions/allergies", { token, body });
      setDeclared(declaration);
      keep(declaration);
    },
    [token],
  );

  return { declared, save };
}
