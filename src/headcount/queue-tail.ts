import { KefuError } from '../core/errors.ts';

/**
 * The waiting part of a birth–death queue whose servers, once all busy, finish work at a total
 * rate M, and whose waiting customers each give up at rate θ (exponential patience).
 * Erlang A (M = Nμ) and the balanced chat model (M = N·k/aht_k) share it.
 *
 * Masses are relative: `lower` is the weight of the states where an arrival is served at once,
 * `first` the weight of the state where every server is busy and nobody waits yet. The queue
 * state with j waiting has weight `first · Π_{i=1..j} λ / (M + iθ)`.
 */
export interface QueueTailInput {
  readonly lower: number;
  readonly first: number;
  /** λ, arrivals per second. */
  readonly arrivalRate: number;
  /** M, completions per second when every server is busy. */
  readonly serviceRate: number;
  /** θ = 1 / mean patience, per second; 0 when nobody abandons. */
  readonly abandonRate: number;
  /** The service-level threshold T in seconds. */
  readonly answerSeconds: number;
}

/** Waiting-time measures of the whole queue (probabilities over all arrivals, by PASTA). */
export interface QueueTailResult {
  readonly stable: boolean;
  readonly probWait: number;
  readonly probAbandon: number;
  /** Answered within T ÷ all arrivals. */
  readonly slOffered: number;
  /** Answered within T ÷ answered arrivals. */
  readonly slAnswered: number;
  /** P(the wait a customer would have had without abandoning ≤ T). */
  readonly slVirtual: number;
  /** Mean number waiting. */
  readonly avgQueueLength: number;
  /** Mean wait over all arrivals, abandoners included (Lq / λ). */
  readonly meanWaitSeconds: number;
  /** Mean wait of answered arrivals. */
  readonly asaSeconds: number;
  /** Share of time with every server busy (the first waiting state and beyond). */
  readonly queueShare: number;
  /** Share of time with every server busy and nobody waiting. */
  readonly firstShare: number;
  /** Total relative weight, for callers that add their own per-state sums. */
  readonly normalizer: number;
}

const MAX_TERMS = 50_000_000;
const RESCALE_ABOVE = 1e250;

/** Evaluates the waiting part exactly: a closed form without abandonment, else the series. */
export function queueTail(input: QueueTailInput): QueueTailResult {
  return input.abandonRate === 0 ? geometricTail(input) : abandonmentTail(input);
}

function geometricTail({ lower, first, arrivalRate: lam, serviceRate: m, answerSeconds: t }: QueueTailInput): QueueTailResult {
  if (lam >= m) return unstable(lower + first);
  const rho = lam / m;
  const mass = first / (1 - rho);
  const z = lower + mass;
  const probWait = mass / z;
  const sl = 1 - probWait * Math.exp(-(m - lam) * t);
  const asa = probWait / (m - lam);
  const lq = (first * rho) / ((1 - rho) * (1 - rho)) / z;
  return {
    stable: true,
    probWait,
    probAbandon: 0,
    slOffered: sl,
    slAnswered: sl,
    slVirtual: sl,
    avgQueueLength: lq,
    meanWaitSeconds: asa,
    asaSeconds: asa,
    queueShare: probWait,
    firstShare: first / z,
    normalizer: z,
  };
}

function unstable(normalizer: number): QueueTailResult {
  return {
    stable: false,
    probWait: 1,
    probAbandon: 0,
    slOffered: 0,
    slAnswered: 0,
    slVirtual: 0,
    avgQueueLength: Number.POSITIVE_INFINITY,
    meanWaitSeconds: Number.POSITIVE_INFINITY,
    asaSeconds: Number.POSITIVE_INFINITY,
    queueShare: 1,
    firstShare: 0,
    normalizer,
  };
}

/**
 * Sums the queue states one by one. A customer who finds j waiting leaves position k at rate
 * M + (k+1)θ: served eventually with probability M / (M + (j+1)θ), served within T with that
 * times I_x(j+1, M/θ + 1), and would have waited at most T with I_x(j+1, M/θ), x = 1 − e^(−θT).
 */
function abandonmentTail(input: QueueTailInput): QueueTailResult {
  const { arrivalRate: lam, serviceRate: m, abandonRate: theta, answerSeconds: t } = input;
  const x = -Math.expm1(-theta * t);
  const servedWithin = new IncompleteBetaSequence(x, m / theta + 1, theta * t);
  const virtualWithin = new IncompleteBetaSequence(x, m / theta, theta * t);
  let lower = input.lower;
  let first = input.first;
  let w = first;
  let mass = 0;
  let queued = 0;
  let abandoned = 0;
  let within = 0;
  let virtual = 0;
  let servedWait = 0;
  let exitTimeSum = 0; // Σ_{k≤j} 1 / (M + (k+1)θ): the mean time to reach the head, per position
  for (let j = 0; ; j++) {
    if (j > MAX_TERMS) {
      throw new KefuError('OUT_OF_RANGE', [
        { path: 'patienceSeconds', message: 'the queue is too long to sum exactly (over 50 million waiting states); check the units of patience and volume' },
      ]);
    }
    const exitRate = m + (j + 1) * theta;
    const served = m / exitRate;
    exitTimeSum += 1 / exitRate;
    mass += w;
    queued += j * w;
    abandoned += w * (1 - served);
    within += w * served * servedWithin.value;
    virtual += w * virtualWithin.value;
    servedWait += w * served * exitTimeSum;
    servedWithin.next();
    virtualWithin.next();
    const ratio = lam / exitRate;
    w *= ratio;
    // Past the mode the ratios fall, so the rest is at most w (j+2) / (1 − ratio)² of the Lq sum.
    if (ratio < 1 && (w * (j + 2)) / ((1 - ratio) * (1 - ratio)) <= 1e-17 * (lower + mass)) break;
    if (mass > RESCALE_ABOVE) {
      const s = 1 / RESCALE_ABOVE;
      lower *= s;
      first *= s;
      w *= s;
      mass *= s;
      queued *= s;
      abandoned *= s;
      within *= s;
      virtual *= s;
      servedWait *= s;
    }
  }
  const z = lower + mass;
  const probAbandon = abandoned / z;
  const answered = 1 - probAbandon;
  const slOffered = clamp01((lower + within) / z);
  const avgQueueLength = queued / z;
  return {
    stable: true,
    probWait: mass / z,
    probAbandon,
    slOffered,
    slAnswered: clamp01(slOffered / answered),
    slVirtual: clamp01((lower + virtual) / z),
    avgQueueLength,
    meanWaitSeconds: avgQueueLength / lam,
    asaSeconds: servedWait / z / answered,
    queueShare: mass / z,
    firstShare: first / z,
    normalizer: z,
  };
}

/** Probabilities summed from many terms can drift past 0 or 1 by rounding alone. */
function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/**
 * I_x(a, b) for a = 1, 2, 3, … with b fixed, by I_x(a+1, b) = I_x(a, b) − t_a and
 * t_(a+1) = t_a · x (a + b) / (a + 1), t_1 = x b (1 − x)^b. The t_a are kept as
 * mantissa × 2^exponent because (1 − x)^b = e^(−bθT) underflows for large teams.
 */
class IncompleteBetaSequence {
  value: number;
  private a = 1;
  private mantissa: number;
  private exponent: number;

  constructor(
    private readonly x: number,
    private readonly b: number,
    thetaT: number,
  ) {
    this.value = -Math.expm1(-b * thetaT);
    if (x === 0) {
      this.mantissa = 0;
      this.exponent = 0;
      return;
    }
    const logT = Math.log(x) + Math.log(b) - b * thetaT;
    this.exponent = Math.floor(logT / Math.LN2);
    this.mantissa = Math.exp(logT - this.exponent * Math.LN2);
  }

  next(): void {
    if (this.mantissa === 0) return;
    this.value -= this.exponent < -1100 ? 0 : this.mantissa * Math.pow(2, this.exponent);
    this.mantissa *= (this.x * (this.a + this.b)) / (this.a + 1);
    this.a += 1;
    if (this.mantissa > 2 ** 500) {
      this.mantissa *= 2 ** -500;
      this.exponent += 500;
    } else if (this.mantissa < 2 ** -500) {
      if (this.mantissa === 0) return;
      this.mantissa *= 2 ** 500;
      this.exponent -= 500;
    }
  }
}
