import { LIMITS, type ProductDto } from "@ordered/contract/client";
import { type CSSProperties, useState } from "react";

interface Props {
  product: Pick<ProductDto, "name" | "photo">;
  /** "tile": the menu's square thumbnail; "banner": the top of the options sheet. */
  variant: "tile" | "banner";
}

const { small, medium } = LIMITS.photo.widths;

/**
 * A product's photo, lazily loaded, with its box sized before it loads (no layout shift); a
 * product without one (or whose photo does not load) gets its initial on a tile tinted by
 * its name (in the menu's list; the options sheet then shows none). Decorative: the product's name is written next to it.
 */
export function ProductPhoto({ product, variant }: Props) {
  const [failed, setFailed] = useState(false);
  const photo = failed ? null : product.photo;
  if (!photo) {
    // The sheet has the name as its title: a big initial there would only push the choices down.
    if (variant === "banner") return null;
    return (
      <div
        className={`photo photo-${variant} photo-fallback`}
        style={{ "--tint": hueOf(product.name) } as CSSProperties}
        aria-hidden="true"
      >
        {initialOf(product.name)}
      </div>
    );
  }
  const tile = variant === "tile";
  return (
    <img
      className={`photo photo-${variant}`}
      src={tile ? photo.small : photo.medium}
      srcSet={`${photo.small} ${small}w, ${photo.medium} ${medium}w, ${photo.large} ${LIMITS.photo.widths.large}w`}
      sizes={tile ? "5rem" : "(min-width: 40rem) 36rem, 100vw"}
      width={tile ? small : medium}
      height={tile ? small : Math.round((medium * 9) / 16)}
      alt=""
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}

/** The first letter (not a stray quote or digit); "?" when the name has none. */
const initialOf = (name: string) => (name.match(/\p{L}/u)?.[0] ?? "?").toLocaleUpperCase();

/** A hue from the name, so a product keeps its colour across renders and phones. */
function hueOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return h;
}
