import type { Allergen, DietTag } from "@ordered/contract/client";
import type { ReactNode } from "react";

/**
 * Small line icons for the allergens and diet tags, drawn inline (no emoji font needed, they
 * take the text colour). Always shown next to their name: the icon helps the eye, the text
 * says it.
 */
const paths: Record<Allergen | DietTag, ReactNode> = {
  GLUTEN: (
    <>
      <path d="M8 15V4" />
      <path d="M8 7C6.2 7 5 5.8 5 4c1.8 0 3 1.2 3 3Zm0 0c1.8 0 3-1.2 3-3-1.8 0-3 1.2-3 3Z" />
      <path d="M8 11c-1.8 0-3-1.2-3-3 1.8 0 3 1.2 3 3Zm0 0c1.8 0 3-1.2 3-3-1.8 0-3 1.2-3 3Z" />
      <path d="M8 4c-.8-.8-.8-2 0-3 .8 1 .8 2.2 0 3Z" />
    </>
  ),
  CRUSTACEANS: (
    <>
      <path d="M12.5 4.5A5 5 0 1 0 9 13.5" />
      <path d="M9 13.5 7 15M9 13.5l.5 1.8" />
      <path d="M12.5 4.5 14.5 2M12.5 4.5 15 5" />
      <path d="M5.5 8.5h3M6.5 11h3" />
    </>
  ),
  EGGS: <path d="M8 1.8c2.6 0 4.5 4 4.5 7a4.5 4.5 0 0 1-9 0c0-3 1.9-7 4.5-7Z" />,
  FISH: (
    <>
      <path d="M1.5 8c2.2-3 6.3-4 9.3-1.2L14.5 4.5v7l-3.7-2.3C7.8 12 3.7 11 1.5 8Z" />
      <circle cx="5" cy="7.6" r=".5" />
    </>
  ),
  PEANUTS: <path d="M8 1.8a3 3 0 0 1 2.3 4.9 1 1 0 0 0 0 1.2 3 3 0 1 1-4.6 0 1 1 0 0 0 0-1.2A3 3 0 0 1 8 1.8Z" />,
  SOYBEANS: (
    <>
      <path d="M3 12.5C1.8 11.3 2 9 4 7l3-3c2-2 4.3-2.2 5.5-1s1 3.5-1 5.5l-3 3c-2 2-4.3 2.2-5.5 1Z" />
      <circle cx="5" cy="10.5" r=".9" />
      <circle cx="8" cy="7.8" r=".9" />
      <circle cx="10.8" cy="5" r=".9" />
    </>
  ),
  MILK: (
    <>
      <path d="M6 1.5h4v2l1.5 2.5v8.5h-7V6L6 3.5Z" />
      <path d="M4.5 8.5h7" />
    </>
  ),
  NUTS: (
    <>
      <path d="M2.8 7h10.4a5.2 4 0 0 0-10.4 0Z" />
      <path d="M3.8 7c0 4 2.2 7.2 4.2 7.2s4.2-3.2 4.2-7.2" />
      <path d="M8 3V1.3" />
    </>
  ),
  CELERY: (
    <>
      <path d="M6 15V7M8 15V5M10 15V7" />
      <path d="M8 5C7 2.5 4.5 2 4.5 2s.2 2.8 3.5 3Zm0 0c1-2.5 3.5-3 3.5-3s-.2 2.8-3.5 3Z" />
    </>
  ),
  MUSTARD: (
    <>
      <path d="M6.5 1.5h3v2.5h-3Z" />
      <path d="M5 4h6l-.8 10.5H5.8Z" />
      <path d="M5.4 8h5.2" />
    </>
  ),
  SESAME: (
    <>
      <path d="M5 3.5c1.2 1 1.2 3 0 4-1.2-1-1.2-3 0-4Z" />
      <path d="M11 3.5c1.2 1 1.2 3 0 4-1.2-1-1.2-3 0-4Z" />
      <path d="M8 8.5c1.2 1 1.2 3 0 4-1.2-1-1.2-3 0-4Z" />
    </>
  ),
  SULPHITES: (
    <>
      <path d="M4.5 1.5h7c0 4.5-1.6 6.5-3.5 6.5S4.5 6 4.5 1.5Z" />
      <path d="M8 8v6M5.5 14.5h5" />
    </>
  ),
  LUPIN: (
    <>
      <path d="M8 15V5.5" />
      <circle cx="8" cy="3.5" r="1.5" />
      <circle cx="5.8" cy="7" r="1.4" />
      <circle cx="10.2" cy="7" r="1.4" />
      <circle cx="5.8" cy="10.5" r="1.4" />
      <circle cx="10.2" cy="10.5" r="1.4" />
    </>
  ),
  MOLLUSCS: (
    <>
      <path d="M8 14.5 1.8 7.2a6.5 5 0 0 1 12.4 0Z" />
      <path d="M8 14.5 5 3.3M8 14.5V2.5M8 14.5 11 3.3M8 14.5 3 5M8 14.5 13 5" />
    </>
  ),
  VEGETARIAN: (
    <>
      <path d="M2.5 13.5C2.5 6.5 6.5 2.5 13.5 2.5c0 7-4 11-11 11Z" />
      <path d="M2.5 13.5 9 7" />
    </>
  ),
  VEGAN: (
    <>
      <path d="M8 14.5V8" />
      <path d="M8 8C8 4.8 6 2.8 2.5 2.8c0 3.2 2 5.2 5.5 5.2Zm0 1.5c0-3.2 2-5.2 5.5-5.2 0 3.2-2 5.2-5.5 5.2Z" />
    </>
  ),
  SPICY: (
    <>
      <path d="M3 13.5c5.5 0 9-3.5 9-8.5 0-.8-.9-1.4-1.6-.8C9 8.4 6.6 10.2 3.4 11c-1.3.3-1.5 2.5-.4 2.5Z" />
      <path d="M11.2 4.2c0-1.3.8-2.3 2.3-2.7" />
    </>
  ),
  HALAL: <path d="M10.5 2.2a6 6 0 1 0 3.7 9.6 5 5 0 0 1-3.7-9.6Z" />,
};

/** The icon of an allergen or a diet tag; decorative (its name is always written next to it). */
export function DietIcon({ code }: { code: Allergen | DietTag }) {
  return (
    <svg
      className="diet-icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[code]}
    </svg>
  );
}
