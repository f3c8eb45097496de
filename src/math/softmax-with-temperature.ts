/**
 * Softmax with temperature: q_i = exp(z_i / T) / Σ_j exp(z_j / T).
 * Subtracting the largest logit first changes nothing mathematically but keeps
 * exp() from overflowing on large logits.
 */
export function softmaxWithTemperature(logits: readonly number[], temperature = 1): number[] {
  if (logits.length === 0) throw new RangeError('logits must not be empty');
  if (!(temperature > 0) || !Number.isFinite(temperature)) throw new RangeError('temperature must be a positive number');
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp((z - max) / temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * ln q_i for the same q, by log-sum-exp: ln q_i = (z_i − m)/T − ln Σ_j exp((z_j − m)/T),
 * m = max_j z_j. Taking ln of softmaxWithTemperature's output instead breaks on large gaps:
 * for logits [0, 800], q_0 = e^−800 underflows to 0 and ln 0 = −∞, although ln q_0 = −800.
 * Here the sum contains exp(0) = 1, so it is at least 1 and its log is always finite.
 */
export function logSoftmax(logits: readonly number[], temperature = 1): number[] {
  if (logits.length === 0) throw new RangeError('logits must not be empty');
  if (!(temperature > 0) || !Number.isFinite(temperature)) throw new RangeError('temperature must be a positive number');
  if (!logits.every(Number.isFinite)) throw new RangeError('logits must be finite numbers');
  const max = Math.max(...logits);
  const shifted = logits.map((z) => (z - max) / temperature);
  const logSum = Math.log(shifted.reduce((sum, s) => sum + Math.exp(s), 0));
  return shifted.map((s) => s - logSum);
}

/** Entropy in nats, H(p) = -Σ p_i ln p_i, with 0 · ln 0 = 0. */
export function entropy(p: readonly number[]): number {
  return p.reduce((sum, pi) => (pi > 0 ? sum - pi * Math.log(pi) : sum), 0);
}
