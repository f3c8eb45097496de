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

/** Entropy in nats, H(p) = -Σ p_i ln p_i, with 0 · ln 0 = 0. */
export function entropy(p: readonly number[]): number {
  return p.reduce((sum, pi) => (pi > 0 ? sum - pi * Math.log(pi) : sum), 0);
}
