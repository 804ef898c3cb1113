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

function keptDeclaration(): Declared | null {
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
 * The guest's declared allergies and diets at this table (the phone's own, private to it and the
 * staff), kept on the phone so that the next table it joins gets them without asking again
 * (sent once, on joining, when the table has none from this phone).
 */
export function useAllergies(token: string, initial: AllergyDeclarationDto | null | undefined): Allergies {
  // What the table screen opened with (GET /api/sessions/current says it; a phone that just joined has none): no request of its own.
  const [declared, setDeclared] = useState<AllergyDeclarationDto | null>(initial ?? null);
  const carried = useRef(false);

  useEffect(() => {
    if (carried.current) return;
    carried.current = true;
    if (isDeclared(initial)) {
      keep(initial);
      return;
    }
    const kept = keptDeclaration();
    // Said once on this phone, at another table: this table gets it too (an emptied one here stays empty).
    if (!kept || initial) return;
    void api("PUT /api/sessions/allergies", {
      token,
      body: { allergens: [...kept.allergens], diets: [...kept.diets], note: kept.note },
    }).then(
      (sent) => setDeclared(sent.declaration),
      (err: unknown) => {
        if (!(err instanceof ApiError)) console.warn("allergies not carried over", err);
      },
    );
  }, [token, initial]);

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
