/**
 * Erlang B, the blocking probability of `servers` servers offered `traffic` Erlangs, computed
 * with the stable recursion `B(k) = A·B(k−1) / (k + A·B(k−1))`. No factorials and no powers, so it
 * neither overflows nor loses precision, from A = 0.5 to A = 5,900 and N = 6,000 and beyond.
 * For real (fractional) server counts it uses Jagerman's continuous extension through the upper
 * incomplete gamma function.
 */

/**
 * Erlang B for a whole number of servers.
 *
 * @example
 * ```ts
 * erlangB(1, 0.5); // 1/3
 * ```
 */
export function erlangB(servers: number, traffic: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (traffic * b) / (k + traffic * b);
  return b;
}

/**
 * Erlang B values for one traffic level at every server count, grown on demand, so a search
 * over N costs one recursion step per new N.
 */
export class ErlangBTable {
  private values: Float64Array;
  private filled = 0;

  constructor(readonly traffic: number) {
    // Searches end a little above the traffic: room for that avoids regrowing the table.
    this.values = new Float64Array(Math.min(Math.ceil(traffic * 1.1) + 64, 1 << 20));
    this.values[0] = 1;
  }

  /** B(n) for a whole n ≥ 0. */
  at(n: number): number {
    if (n > this.filled) this.extend(n);
    return this.values[n] as number;
  }

  private extend(n: number): void {
    if (n >= this.values.length) {
      const grown = new Float64Array(Math.max(n + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    const a = this.traffic;
    let b = this.values[this.filled] as number;
    for (let k = this.filled + 1; k <= n; k++) {
      b = (a * b) / (k + a * b);
      this.values[k] = b;
    }
    this.filled = n;
  }
}

/**
 * Erlang B for a real number of servers x ≥ 0: `1/B(x, A) = e^A · A^(−x) · Γ(x+1, A)`.
 * The fractional part is handled by the incomplete gamma function and the whole part by the
 * ordinary recursion, which holds for real x as well.
 *
 * @example
 * ```ts
 * erlangBFractional(13.09, 10); // 0.0815462857359...
 * erlangBFractional(14, 10) === erlangB(14, 10); // true up to rounding
 * ```
 */
export function erlangBFractional(servers: number, traffic: number): number {
  if (traffic === 0) return servers === 0 ? 1 : 0;
  const whole = Math.floor(servers);
  const fraction = servers - whole;
  let b = fraction === 0 ? 1 : 1 / inverseErlangBBelowOne(fraction, traffic);
  for (let k = 1; k <= whole; k++) {
    b = (traffic * b) / (fraction + k + traffic * b);
    // Far past the traffic B underflows to 0 and stays there: a billion agents cost no more.
    if (b === 0) break;
  }
  return b;
}

/** `1/B(f, A) = e^A · A^(−f) · Γ(f+1, A)` for 0 < f < 1 and A > 0, without overflow. */
function inverseErlangBBelowOne(f: number, x: number): number {
  const a = f + 1;
  // Γ(a, x) = e^(−x) x^a · CF(a, x), so e^x x^(−f) Γ(a, x) = x · CF(a, x): nothing to overflow.
  if (x > a + 1) return x * gammaContinuedFraction(a, x);
  // Small x: Γ(a, x) = Γ(a) − γ(a, x), with γ(a, x) = e^(−x) x^a Σ xⁿ / (a(a+1)…(a+n)).
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 500 && Math.abs(term) > Math.abs(sum) * 1e-17; n++) {
    term *= x / (a + n);
    sum += term;
  }
  return Math.exp(x) * Math.pow(x, -f) * gamma(a) - x * sum;
}

/** Modified Lentz evaluation of the continued fraction of Γ(a, x) e^x x^(−a). */
function gammaContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Γ(z) for 1 ≤ z ≤ 2 by the Lanczos approximation (g = 7), about 1e-15 relative. */
function gamma(z: number): number {
  const zm = z - 1;
  let x = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) x += (LANCZOS[i] as number) / (zm + i);
  const t = zm + 7.5;
  return Math.sqrt(2 * Math.PI) * Math.pow(t, zm + 0.5) * Math.exp(-t) * x;
}
