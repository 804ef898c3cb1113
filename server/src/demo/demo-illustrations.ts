/**
 * Illustrations of the demo's dishes, drawn as SVG here (nothing downloaded, nothing to
 * license): a dish on a plate, or a drink on the table, over a backdrop coloured by its
 * category. Dishes the demo menu names get their own drawing; any other product gets its
 * category's. No text: fonts differ by machine (the slim Docker image has none), and the
 * menu prints the name beside the photo anyway.
 */

/** Size of the drawing (4:3), larger than the largest photo variant. */
export const ILLUSTRATION_WIDTH = 960;
export const ILLUSTRATION_HEIGHT = 720;
const CX = 480;
const CY = 360;

type Kind = "starters" | "pizza" | "desserts" | "drinks" | "other";

const BACKDROPS: Record<Kind, [string, string]> = {
  starters: ["#f1f5e6", "#c9d9b0"],
  pizza: ["#fdeedd", "#ebbd98"],
  desserts: ["#fcecf0", "#e9bccb"],
  drinks: ["#e9f2f9", "#b4cde3"],
  other: ["#f6f1e7", "#dccdb2"],
};

/** The SVG of one product's illustration. */
export function illustrate(name: string, category: string): string {
  const kind = kindOf(category);
  const random = seeded(name);
  const art = DISHES[name.toLowerCase()]?.(random) ?? GENERIC[kind](random);
  const [light, dark] = BACKDROPS[kind];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${ILLUSTRATION_WIDTH}" height="${ILLUSTRATION_HEIGHT}" viewBox="0 0 ${ILLUSTRATION_WIDTH} ${ILLUSTRATION_HEIGHT}">
  <defs>
    <radialGradient id="bg" cx="50%" cy="42%" r="75%"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></radialGradient>
    <pattern id="linen" width="28" height="28" patternUnits="userSpaceOnUse" patternTransform="rotate(35)">
      <rect width="14" height="28" fill="#ffffff" opacity="0.10"/>
    </pattern>
    <filter id="shadow" x="-30%" y="-30%" width="160%" height="160%"><feGaussianBlur stdDeviation="14"/></filter>
  </defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <rect width="100%" height="100%" fill="url(#linen)"/>
  ${art}
</svg>`;
}

function kindOf(category: string): Kind {
  const c = category.toLowerCase();
  if (/pizz/.test(c)) return "pizza";
  if (/start|antipast|appet|snack|small/.test(c)) return "starters";
  if (/dessert|dolc|sweet|cake/.test(c)) return "desserts";
  if (/drink|bever|wine|bar|coffee|cocktail|beer/.test(c)) return "drinks";
  return "other";
}

type Random = () => number;

/** A small deterministic generator (mulberry32) seeded by the name: a dish looks the same on every seed. */
function seeded(text: string): Random {
  let h = 1779033703;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` points in a disc of radius `r` around the centre, kept `gap` apart where possible. */
function scatter(random: Random, n: number, r: number, gap: number): [number, number][] {
  const points: [number, number][] = [];
  for (let tries = 0; points.length < n && tries < n * 60; tries++) {
    const angle = random() * Math.PI * 2;
    const d = Math.sqrt(random()) * r;
    const p: [number, number] = [CX + Math.cos(angle) * d, CY + Math.sin(angle) * d];
    if (points.every(([x, y]) => Math.hypot(x - p[0], y - p[1]) >= gap)) points.push(p);
  }
  return points;
}

const deg = (random: Random) => Math.round(random() * 360);
const f = (n: number) => n.toFixed(1);

/** A white plate seen from above, with its shadow. */
function plate(r = 280): string {
  return `<ellipse cx="${CX + 10}" cy="${CY + 22}" rx="${r}" ry="${r * 0.96}" fill="#4a3a2a" opacity="0.28" filter="url(#shadow)"/>
  <circle cx="${CX}" cy="${CY}" r="${r}" fill="#fbfaf7"/>
  <circle cx="${CX}" cy="${CY}" r="${r * 0.78}" fill="#f3f1ec" stroke="#e6e2da" stroke-width="3"/>`;
}

/** A soft shadow under something standing on the table. */
const tableShadow = (x: number, y: number, rx: number) =>
  `<ellipse cx="${x}" cy="${y}" rx="${rx}" ry="${rx * 0.18}" fill="#34404a" opacity="0.3" filter="url(#shadow)"/>`;

function pizza(random: Random, sauce: string, cheese: string[], toppings: string): string {
  const blobs = scatter(random, 16, 150, 46)
    .map(
      ([x, y], i) =>
        `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${26 + random() * 14}" ry="${20 + random() * 10}" fill="${cheese[i % cheese.length]}" transform="rotate(${deg(random)} ${f(x)} ${f(y)})"/>`,
    )
    .join("");
  const cuts = [0, 45, 90, 135]
    .map(
      (a) =>
        `<line x1="${CX - 212}" y1="${CY}" x2="${CX + 212}" y2="${CY}" stroke="#7a4a1e" stroke-opacity="0.18" stroke-width="3" transform="rotate(${a} ${CX} ${CY})"/>`,
    )
    .join("");
  return `${plate()}
  <defs><radialGradient id="crust"><stop offset="0.82" stop-color="#e9b872"/><stop offset="1" stop-color="#b8752f"/></radialGradient></defs>
  <circle cx="${CX}" cy="${CY}" r="218" fill="url(#crust)"/>
  <circle cx="${CX}" cy="${CY}" r="188" fill="${sauce}"/>
  ${blobs}${toppings}${cuts}`;
}

const basil = (random: Random, n: number, r: number) =>
  scatter(random, n, r, 70)
    .map(([x, y]) => {
      const a = deg(random);
      return `<g transform="rotate(${a} ${f(x)} ${f(y)})"><ellipse cx="${f(x)}" cy="${f(y)}" rx="30" ry="14" fill="#3f8f3a"/><line x1="${f(x - 26)}" y1="${f(y)}" x2="${f(x + 26)}" y2="${f(y)}" stroke="#2c6a29" stroke-width="2.5"/></g>`;
    })
    .join("");

const salami = (random: Random) =>
  scatter(random, 9, 150, 68)
    .map(([x, y]) => {
      const dots = [0, 1, 2, 3]
        .map(() => `<circle cx="${f(x + (random() - 0.5) * 30)}" cy="${f(y + (random() - 0.5) * 30)}" r="3.5" fill="#eab0a4"/>`)
        .join("");
      return `<circle cx="${f(x)}" cy="${f(y)}" r="27" fill="#b3342c" stroke="#8b211b" stroke-width="3"/>${dots}`;
    })
    .join("");

const mushrooms = (random: Random) =>
  scatter(random, 10, 155, 62)
    .map(
      ([x, y]) =>
        `<path d="M -24 2 A 24 19 0 0 1 24 2 L 8 2 L 8 22 Q 0 26 -8 22 L -8 2 Z" fill="#dcc4a2" stroke="#9c7650" stroke-width="3" transform="translate(${f(x)} ${f(y)}) rotate(${deg(random)})"/>`,
    )
    .join("");

const gorgonzolaVeins = (random: Random) =>
  scatter(random, 14, 160, 40)
    .map(([x, y]) => `<circle cx="${f(x)}" cy="${f(y)}" r="${3 + random() * 3}" fill="#6f84a0" opacity="0.8"/>`)
    .join("");

function bruschetta(random: Random): string {
  const slice = (dx: number, dy: number, a: number) => {
    const bits = [0, 1, 2, 3, 4, 5, 6, 7, 8]
      .map(() => {
        const x = (random() - 0.5) * 170;
        const y = (random() - 0.5) * 56;
        return random() < 0.75
          ? `<rect x="${f(x - 9)}" y="${f(y - 9)}" width="18" height="18" rx="4" fill="#d9402f" transform="rotate(${deg(random)} ${f(x)} ${f(y)})"/>`
          : `<ellipse cx="${f(x)}" cy="${f(y)}" rx="13" ry="6" fill="#3f8f3a" transform="rotate(${deg(random)} ${f(x)} ${f(y)})"/>`;
      })
      .join("");
    return `<g transform="translate(${CX + dx} ${CY + dy}) rotate(${a})">
      <rect x="-120" y="-52" width="240" height="104" rx="44" fill="#b9782f"/>
      <rect x="-108" y="-42" width="216" height="84" rx="36" fill="#e9c17f"/>${bits}</g>`;
  };
  return `${plate()}${slice(-10, -118, -7)}${slice(12, 0, 5)}${slice(-4, 118, -3)}`;
}

function burrata(random: Random): string {
  const tomatoes = Array.from({ length: 7 }, (_, i) => {
    const a = (i / 7) * Math.PI * 2 + random() * 0.3;
    const x = CX + Math.cos(a) * 165;
    const y = CY + Math.sin(a) * 165;
    return `<circle cx="${f(x)}" cy="${f(y)}" r="30" fill="#d8352a"/><circle cx="${f(x - 9)}" cy="${f(y - 10)}" r="8" fill="#ffffff" opacity="0.45"/>`;
  }).join("");
  return `${plate()}
  <defs><radialGradient id="cream" cx="40%" cy="35%"><stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#e9e0c9"/></radialGradient></defs>
  ${tomatoes}
  <circle cx="${CX}" cy="${CY}" r="105" fill="url(#cream)"/>
  <ellipse cx="${CX + 6}" cy="${CY - 88}" rx="26" ry="16" fill="#f4eedd"/>
  <path d="M ${CX - 150} ${CY + 40} C ${CX - 90} ${CY + 120}, ${CX + 60} ${CY + 150}, ${CX + 150} ${CY + 60}" fill="none" stroke="#4f8a2c" stroke-width="10" stroke-linecap="round" opacity="0.85"/>
  ${basil(random, 3, 60)}`;
}

function arancini(random: Random): string {
  const ball = (x: number, y: number) => {
    const crumbs = Array.from({ length: 22 }, () => {
      const a = random() * Math.PI * 2;
      const d = Math.sqrt(random()) * 70;
      return `<circle cx="${f(x + Math.cos(a) * d)}" cy="${f(y + Math.sin(a) * d)}" r="3" fill="#9a5a17" opacity="0.5"/>`;
    }).join("");
    return `<circle cx="${x}" cy="${y}" r="82" fill="url(#fried)"/>${crumbs}`;
  };
  return `${plate()}
  <defs><radialGradient id="fried" cx="38%" cy="35%"><stop offset="0" stop-color="#f6c461"/><stop offset="1" stop-color="#c47420"/></radialGradient></defs>
  ${ball(CX - 92, CY - 55)}${ball(CX + 92, CY - 55)}${ball(CX, CY + 95)}
  <circle cx="${CX + 150}" cy="${CY + 130}" r="42" fill="#c8372b" opacity="0.9"/>`;
}

function olives(random: Random): string {
  const colours = ["#7a8f3a", "#5f7431", "#8a9b45", "#3e2f3c"];
  const items = scatter(random, 26, 150, 38)
    .map(([x, y], i) => {
      const a = deg(random);
      return `<g transform="rotate(${a} ${f(x)} ${f(y)})"><ellipse cx="${f(x)}" cy="${f(y)}" rx="30" ry="22" fill="${colours[i % colours.length]}"/><ellipse cx="${f(x - 9)}" cy="${f(y - 8)}" rx="8" ry="4" fill="#ffffff" opacity="0.4"/></g>`;
    })
    .join("");
  return `<ellipse cx="${CX + 10}" cy="${CY + 22}" rx="240" ry="232" fill="#4a3a2a" opacity="0.28" filter="url(#shadow)"/>
  <circle cx="${CX}" cy="${CY}" r="235" fill="#c9643b"/>
  <circle cx="${CX}" cy="${CY}" r="200" fill="#a84e2c"/>${items}`;
}

function tiramisu(random: Random): string {
  const x0 = CX - 150;
  const x1 = CX + 100;
  const top = CY - 30;
  const layers = ["#f6ead0", "#9b6536", "#f6ead0", "#9b6536", "#f6ead0"]
    .map((c, i) => `<rect x="${x0}" y="${top + i * 28}" width="${x1 - x0}" height="28" fill="${c}"/>`)
    .join("");
  const side = ["#e8d9b8", "#83522a", "#e8d9b8", "#83522a", "#e8d9b8"]
    .map(
      (c, i) =>
        `<polygon points="${x1},${top + i * 28} ${x1 + 60},${top - 60 + i * 28} ${x1 + 60},${top - 32 + i * 28} ${x1},${top + 28 + i * 28}" fill="${c}"/>`,
    )
    .join("");
  const cocoa = Array.from({ length: 40 }, () => {
    const u = random();
    const v = random();
    return `<circle cx="${f(x0 + u * (x1 - x0) + v * 60)}" cy="${f(top - v * 60)}" r="2.5" fill="#3d2414" opacity="0.6"/>`;
  }).join("");
  return `${plate()}${layers}${side}
  <polygon points="${x0},${top} ${x1},${top} ${x1 + 60},${top - 60} ${x0 + 60},${top - 60}" fill="#6b4226"/>${cocoa}
  ${basil(random, 1, 10).replace(/#3f8f3a/g, "#5aa85a")}`;
}

function pannaCotta(random: Random): string {
  const berries = Array.from({ length: 5 }, (_, i) => {
    const x = CX - 60 + i * 30 + (random() - 0.5) * 10;
    const y = CY - 74 + (random() - 0.5) * 8;
    return `<circle cx="${f(x)}" cy="${f(y)}" r="16" fill="${i % 2 ? "#3b3f7a" : "#c2263f"}"/>`;
  }).join("");
  return `${plate()}
  <defs><linearGradient id="custard" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fffaf0"/><stop offset="1" stop-color="#efdfbd"/></linearGradient></defs>
  <ellipse cx="${CX + 8}" cy="${CY + 100}" rx="160" ry="30" fill="#d9cdb8" opacity="0.7"/>
  <path d="M ${CX - 150} ${CY + 90} C ${CX - 150} ${CY - 120}, ${CX + 150} ${CY - 120}, ${CX + 150} ${CY + 90} A 150 26 0 0 1 ${CX - 150} ${CY + 90} Z" fill="url(#custard)"/>
  <path d="M ${CX - 100} ${CY - 20} C ${CX - 70} ${CY - 85}, ${CX + 70} ${CY - 85}, ${CX + 100} ${CY - 20} L ${CX + 78} ${CY - 12} L ${CX + 78} ${CY + 18} A 10 10 0 0 1 ${CX + 58} ${CY + 18} L ${CX + 58} ${CY - 8} Q ${CX + 20} ${CY - 2} ${CX - 20} ${CY - 4} L ${CX - 20} ${CY + 34} A 10 10 0 0 1 ${CX - 40} ${CY + 34} L ${CX - 40} ${CY - 6} Q ${CX - 75} ${CY - 8} ${CX - 100} ${CY - 20} Z" fill="#b3182f" opacity="0.92"/>
  ${berries}`;
}

function affogato(random: Random): string {
  return `${plate(250)}
  <defs><radialGradient id="crema"><stop offset="0.55" stop-color="#5a3117"/><stop offset="1" stop-color="#b27841"/></radialGradient>
  <radialGradient id="gelato" cx="40%" cy="38%"><stop offset="0" stop-color="#fffdf6"/><stop offset="1" stop-color="#eadcb8"/></radialGradient></defs>
  <circle cx="${CX}" cy="${CY}" r="165" fill="#dfe7ea" opacity="0.9"/>
  <circle cx="${CX}" cy="${CY}" r="148" fill="url(#crema)"/>
  <path d="M ${CX - 80} ${CY - 10} C ${CX - 90} ${CY - 90}, ${CX + 20} ${CY - 110}, ${CX + 70} ${CY - 60} C ${CX + 110} ${CY - 20}, ${CX + 90} ${CY + 60}, ${CX + 20} ${CY + 75} C ${CX - 50} ${CY + 85}, ${CX - 75} ${CY + 40}, ${CX - 80} ${CY - 10} Z" fill="url(#gelato)"/>
  <path d="M ${CX + 40} ${CY - 70} C ${CX + 20} ${CY - 20}, ${CX + 50} ${CY + 10}, ${CX + 30} ${CY + 60}" stroke="#6b3b1a" stroke-width="${8 + random() * 4}" fill="none" stroke-linecap="round" opacity="0.8"/>`;
}

function espresso(): string {
  return `${plate(230)}
  <defs><radialGradient id="shot"><stop offset="0" stop-color="#3a1d0c"/><stop offset="0.75" stop-color="#6b3b1a"/><stop offset="1" stop-color="#c58d50"/></radialGradient></defs>
  <rect x="${CX + 100}" y="${CY - 22}" width="90" height="44" rx="22" fill="#ffffff" stroke="#e2ddd3" stroke-width="4"/>
  <circle cx="${CX}" cy="${CY}" r="128" fill="#ffffff" stroke="#e2ddd3" stroke-width="4"/>
  <circle cx="${CX}" cy="${CY}" r="100" fill="url(#shot)"/>
  <rect x="${CX - 215}" y="${CY + 120}" width="46" height="46" rx="6" fill="#ffffff" stroke="#e8e4dc" stroke-width="3" transform="rotate(-12 ${CX - 192} ${CY + 143})"/>`;
}

function sparklingWater(random: Random): string {
  const bubbles = Array.from({ length: 18 }, () => {
    const x = CX - 60 + random() * 120;
    const y = CY - 40 + random() * 280;
    return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(3 + random() * 5)}" fill="none" stroke="#ffffff" stroke-width="2" opacity="0.8"/>`;
  }).join("");
  return `${tableShadow(CX, CY + 300, 150)}
  <defs><linearGradient id="bottle" x1="0" x2="1"><stop offset="0" stop-color="#5e9fbf"/><stop offset="0.35" stop-color="#a9d4e8"/><stop offset="1" stop-color="#4a89a8"/></linearGradient></defs>
  <path d="M ${CX - 26} ${CY - 300} L ${CX + 26} ${CY - 300} L ${CX + 26} ${CY - 190} C ${CX + 30} ${CY - 130}, ${CX + 95} ${CY - 120}, ${CX + 95} ${CY - 40} L ${CX + 95} ${CY + 280} Q ${CX + 95} ${CY + 300} ${CX + 75} ${CY + 300} L ${CX - 75} ${CY + 300} Q ${CX - 95} ${CY + 300} ${CX - 95} ${CY + 280} L ${CX - 95} ${CY - 40} C ${CX - 95} ${CY - 120}, ${CX - 30} ${CY - 130}, ${CX - 26} ${CY - 190} Z" fill="url(#bottle)" opacity="0.92"/>
  <rect x="${CX - 30}" y="${CY - 322}" width="60" height="34" rx="6" fill="#2f6f8f"/>
  <rect x="${CX - 95}" y="${CY + 20}" width="190" height="110" fill="#f7fbfd"/>
  <rect x="${CX - 95}" y="${CY + 58}" width="190" height="22" fill="#2f6f8f"/>
  ${bubbles}
  <rect x="${CX - 70}" y="${CY - 60}" width="14" height="300" rx="7" fill="#ffffff" opacity="0.35"/>`;
}

function houseRed(random: Random): string {
  const grapes = Array.from({ length: 9 }, (_, i) => {
    const x = CX + 200 + (i % 3) * 34 + (Math.floor(i / 3) % 2) * 17;
    const y = CY + 170 + Math.floor(i / 3) * 30 + random() * 6;
    return `<circle cx="${f(x)}" cy="${f(y)}" r="20" fill="#5b2346"/><circle cx="${f(x - 6)}" cy="${f(y - 7)}" r="5" fill="#ffffff" opacity="0.3"/>`;
  }).join("");
  return `${tableShadow(CX, CY + 300, 130)}
  <defs><linearGradient id="wine" x1="0" x2="1"><stop offset="0" stop-color="#5c0d24"/><stop offset="0.4" stop-color="#9b1c3f"/><stop offset="1" stop-color="#4a0a1c"/></linearGradient></defs>
  <path d="M ${CX - 130} ${CY - 270} L ${CX + 130} ${CY - 270} C ${CX + 150} ${CY - 120}, ${CX + 120} ${CY - 10}, ${CX} ${CY + 10} C ${CX - 120} ${CY - 10}, ${CX - 150} ${CY - 120}, ${CX - 130} ${CY - 270} Z" fill="#ffffff" opacity="0.35" stroke="#ffffff" stroke-width="4"/>
  <path d="M ${CX - 141} ${CY - 150} L ${CX + 141} ${CY - 150} C ${CX + 138} ${CY - 60}, ${CX + 100} ${CY - 5}, ${CX} ${CY + 6} C ${CX - 100} ${CY - 5}, ${CX - 138} ${CY - 60}, ${CX - 141} ${CY - 150} Z" fill="url(#wine)"/>
  <rect x="${CX - 9}" y="${CY + 8}" width="18" height="270" fill="#ffffff" opacity="0.6"/>
  <ellipse cx="${CX}" cy="${CY + 285}" rx="110" ry="18" fill="#ffffff" opacity="0.6"/>
  <path d="M ${CX - 100} ${CY - 250} C ${CX - 112} ${CY - 170}, ${CX - 100} ${CY - 100}, ${CX - 70} ${CY - 60}" stroke="#ffffff" stroke-width="10" fill="none" opacity="0.5" stroke-linecap="round"/>
  ${grapes}`;
}

function lemonade(random: Random): string {
  const ice = [0, 1, 2]
    .map((i) => {
      const x = CX - 60 + i * 50;
      const y = CY - 120 + random() * 60 + i * 20;
      return `<rect x="${f(x)}" y="${f(y)}" width="56" height="56" rx="10" fill="#ffffff" opacity="0.45" transform="rotate(${deg(random)} ${f(x + 28)} ${f(y + 28)})"/>`;
    })
    .join("");
  const segments = [0, 1, 2, 3, 4, 5, 6, 7]
    .map(
      (i) =>
        `<line x1="0" y1="0" x2="${f(Math.cos((i * Math.PI) / 4) * 56)}" y2="${f(Math.sin((i * Math.PI) / 4) * 56)}" stroke="#fff6c2" stroke-width="4"/>`,
    )
    .join("");
  return `${tableShadow(CX, CY + 300, 150)}
  <path d="M ${CX - 140} ${CY - 250} L ${CX + 140} ${CY - 250} L ${CX + 110} ${CY + 300} L ${CX - 110} ${CY + 300} Z" fill="#ffffff" opacity="0.35" stroke="#ffffff" stroke-width="5"/>
  <path d="M ${CX - 133} ${CY - 170} L ${CX + 133} ${CY - 170} L ${CX + 110} ${CY + 292} L ${CX - 110} ${CY + 292} Z" fill="#f6d54e" opacity="0.88"/>
  ${ice}
  <rect x="${CX + 30}" y="${CY - 360}" width="22" height="330" rx="11" fill="#e84d5b" transform="rotate(12 ${CX + 41} ${CY - 200})"/>
  <g transform="translate(${CX - 130} ${CY - 250})"><circle r="70" fill="#f2c40f"/><circle r="60" fill="#fbe77a"/>${segments}<circle r="10" fill="#fff6c2"/></g>
  ${basil(random, 2, 40).replace(/#3f8f3a/g, "#4fae5a")}`;
}

function salad(random: Random): string {
  const greens = ["#6aa84f", "#4e8f3a", "#8cc269", "#a7d37f"];
  const leaves = scatter(random, 24, 160, 36)
    .map(
      ([x, y], i) =>
        `<ellipse cx="${f(x)}" cy="${f(y)}" rx="42" ry="24" fill="${greens[i % greens.length]}" transform="rotate(${deg(random)} ${f(x)} ${f(y)})"/>`,
    )
    .join("");
  const tomatoes = scatter(random, 5, 120, 60)
    .map(([x, y]) => `<circle cx="${f(x)}" cy="${f(y)}" r="20" fill="#d8352a"/>`)
    .join("");
  return `${plate()}${leaves}${tomatoes}`;
}

function cake(random: Random): string {
  return `${plate()}
  <polygon points="${CX - 170},${CY + 60} ${CX + 150},${CY + 60} ${CX + 150},${CY - 40} ${CX - 170},${CY - 40}" fill="#f5e3c0"/>
  <rect x="${CX - 170}" y="${CY - 5}" width="320" height="20" fill="#c2263f" opacity="0.8"/>
  <polygon points="${CX - 170},${CY - 40} ${CX + 150},${CY - 40} ${CX + 200},${CY - 110} ${CX - 120},${CY - 110}" fill="#fffaf0"/>
  <circle cx="${f(CX + 20 + random() * 30)}" cy="${CY - 78}" r="18" fill="#c2263f"/>`;
}

function glass(random: Random, colour: string): string {
  return `${tableShadow(CX, CY + 300, 140)}
  <path d="M ${CX - 130} ${CY - 220} L ${CX + 130} ${CY - 220} L ${CX + 105} ${CY + 300} L ${CX - 105} ${CY + 300} Z" fill="#ffffff" opacity="0.35" stroke="#ffffff" stroke-width="5"/>
  <path d="M ${CX - 124} ${CY - 130 - random() * 30} L ${CX + 124} ${CY - 130} L ${CX + 105} ${CY + 292} L ${CX - 105} ${CY + 292} Z" fill="${colour}" opacity="0.85"/>`;
}

const DISHES: Record<string, (random: Random) => string> = {
  margherita: (r) => pizza(r, "#d2452b", ["#fbf3dc"], basil(r, 6, 140)),
  diavola: (r) => pizza(r, "#cc3b24", ["#fbf3dc"], salami(r)),
  funghi: (r) => pizza(r, "#d2452b", ["#fbf3dc"], mushrooms(r)),
  "quattro formaggi": (r) => pizza(r, "#f1dfae", ["#fff7dc", "#f3d27a", "#ece6cf", "#f0c14b"], gorgonzolaVeins(r)),
  bruschetta,
  burrata,
  arancini,
  olives,
  tiramisù: tiramisu,
  tiramisu,
  "panna cotta": pannaCotta,
  affogato,
  espresso,
  "sparkling water": sparklingWater,
  "house red": houseRed,
  lemonade,
};

const GENERIC: Record<Kind, (random: Random) => string> = {
  pizza: (r) => pizza(r, "#d2452b", ["#fbf3dc"], basil(r, 5, 140)),
  starters: salad,
  desserts: cake,
  drinks: (r) => glass(r, "#f0a04b"),
  other: salad,
};
