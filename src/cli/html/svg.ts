// Small pure functions that build SVG and HTML as strings. Every piece of text goes through
// `escapeXml`, attribute values included, so data (agent names, refund texts) cannot break out of
// the markup.

/** Escapes text for XML/HTML content and attribute values: & < > " '. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** Attribute values; `undefined` leaves the attribute out. */
export type Attrs = Readonly<Record<string, string | number | undefined>>;

/** A number for SVG geometry: at most 2 decimals, no trailing zeros, no `-0`. */
export function num(value: number): string {
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** An element with escaped attributes; `children` is markup already built (or escaped text via {@link text}). */
export function el(tag: string, attrs: Attrs = {}, children: string | readonly string[] = ''): string {
  const a = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? num(v) : v)}"`)
    .join('');
  const body = typeof children === 'string' ? children : children.join('');
  return `<${tag}${a}>${body}</${tag}>`;
}

/** A `<text>` element holding escaped text. */
export function text(x: number, y: number, content: string, attrs: Attrs = {}): string {
  return el('text', { x, y, ...attrs }, escapeXml(content));
}

/** A linear map from a domain to a range. */
export function scale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** About `count` round tick values from 0 (or `min`) to at least `max`: steps of 1, 2 or 5 × 10^k. */
export function niceTicks(max: number, count = 5, min = 0): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const ticks: number[] = [];
  // Whole multiples of the step, written without float noise (0.30000000000000004 → 0.3).
  const tick = (k: number) => Number((k * step).toPrecision(12));
  let k = Math.floor(min / step);
  for (; tick(k) < max; k++) ticks.push(tick(k));
  ticks.push(tick(k));
  return ticks;
}

/** An `<svg>` chart with an accessible title and description. */
export function svgChart(id: string, width: number, height: number, title: string, description: string, body: readonly string[]): string {
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', class: 'chart', id, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc` },
    [el('title', { id: `${id}-title` }, escapeXml(title)), el('desc', { id: `${id}-desc` }, escapeXml(description)), ...body],
  );
}

/** A path through points: `M x y L x y …`. */
export function linePath(points: ReadonlyArray<readonly [number, number]>): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`).join(' ');
}
