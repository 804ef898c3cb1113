import { LIMITS, type LocationDto, type PhotoDto } from "@ordered/contract/client";
import { type CSSProperties, useState } from "react";

const { small, medium, large } = LIMITS.photo.widths;
const srcSetOf = (p: PhotoDto) => `${p.small} ${small}w, ${p.medium} ${medium}w, ${p.large} ${large}w`;

/**
 * The venue's colour on a phone page's root (issue 35): `--brand` and the `branded` class,
 * which brand.css turns into the primary buttons' fill and the selected tab. White text on it
 * passes WCAG AA (the API refuses any other colour: contract brand-color.ts).
 */
export function brandProps(className: string, brandColor: string | null): { className: string; style?: CSSProperties } {
  if (!brandColor) return { className };
  return { className: `${className} branded`, style: { "--brand": brandColor } as CSSProperties };
}

/**
 * The venue's logo beside its name in the top bar, in a fixed box (no shift when it loads);
 * decorative, as the name is written next to it. A logo that fails to load leaves no gap.
 */
export function VenueLogo({ location }: { location: Pick<LocationDto, "logo"> }) {
  const [failed, setFailed] = useState(false);
  if (!location.logo || failed) return null;
  return (
    <img
      className="venue-logo"
      src={location.logo.small}
      srcSet={srcSetOf(location.logo)}
      sizes="5rem"
      alt=""
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}

/**
 * The venue's cover photo: a low banner above the menu, lazy and sized before it loads, kept
 * short (brand.css) so the first screen still shows dishes. Decorative.
 */
export function VenueCover({ location }: { location: Pick<LocationDto, "cover"> }) {
  const [failed, setFailed] = useState(false);
  if (!location.cover || failed) return null;
  return (
    <img
      className="venue-cover"
      src={location.cover.medium}
      srcSet={srcSetOf(location.cover)}
      sizes="(min-width: 40rem) 38rem, 100vw"
      width={large}
      height={Math.round(large / 4)}
      alt=""
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}
