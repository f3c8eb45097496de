import { logSoftmax } from './softmax-with-temperature.ts';

/** KL(p ‖ q) = Σ p_i ln(p_i / q_i), in nats; terms with p_i = 0 contribute nothing. */
export function klDivergence(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw new RangeError('distributions must have the same length');
  return p.reduce((sum, pi, i) => (pi > 0 ? sum + pi * Math.log(pi / q[i]!) : sum), 0);
}

/**
 * The same KL from log-probabilities: Σ p_i (ln p_i − ln q_i), p_i = exp(ln p_i).
 * Losses use this one: a q_i that underflowed to 0 makes ln(p_i / q_i) infinite,
 * while its log-probability (from logSoftmax) is still an ordinary finite number.
 */
export function klDivergenceFromLogs(logP: readonly number[], logQ: readonly number[]): number {
  if (logP.length !== logQ.length) throw new RangeError('distributions must have the same length');
  return logP.reduce((sum, lp, i) => {
    const p = Math.exp(lp);
    // A p_i too small to represent weighs its term by 0, as p_i = 0 does in klDivergence.
    return p > 0 ? sum + p * (lp - logQ[i]!) : sum;
  }, 0);
}

export interface KdLossInput {
  studentLogits: readonly number[];
  teacherLogits: readonly number[];
  /** Index of the ground-truth class. */
  label: number;
  temperature: number;
  /** Weight of the soft-target term; the hard-label term gets 1 − alpha. */
  alpha: number;
}

/**
 * Hinton et al. (2015):
 * L = (1 − α) · H(y, σ(z_s)) + α · T² · KL(σ(z_t / T) ‖ σ(z_s / T)).
 * T² keeps the soft term's gradients on the same scale when T changes.
 * Both terms are computed from log-softmax, never as ln of a probability:
 * a student logit of 800 would otherwise turn the loss into NaN or ∞.
 */
export function kdLoss({ studentLogits, teacherLogits, label, temperature, alpha }: KdLossInput): number {
  if (studentLogits.length !== teacherLogits.length) throw new RangeError('logits must have the same length');
  if (!Number.isInteger(label) || label < 0 || label >= studentLogits.length) throw new RangeError('label must be a class index');
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError('alpha must be between 0 and 1');
  // With a one-hot label the cross-entropy is just −ln σ(z_s)_y.
  const hard = -logSoftmax(studentLogits, 1)[label]!;
  // logSoftmax also rejects a temperature that is not a positive finite number.
  const soft = klDivergenceFromLogs(logSoftmax(teacherLogits, temperature), logSoftmax(studentLogits, temperature));
  return (1 - alpha) * hard + alpha * temperature ** 2 * soft;
}
