import { softmaxWithTemperature } from './softmax-with-temperature.ts';

/** KL(p ‖ q) = Σ p_i ln(p_i / q_i), in nats; terms with p_i = 0 contribute nothing. */
export function klDivergence(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw new RangeError('distributions must have the same length');
  return p.reduce((sum, pi, i) => (pi > 0 ? sum + pi * Math.log(pi / q[i]!) : sum), 0);
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
 */
export function kdLoss({ studentLogits, teacherLogits, label, temperature, alpha }: KdLossInput): number {
  const hard = -Math.log(softmaxWithTemperature(studentLogits, 1)[label]!);
  const soft = klDivergence(
    softmaxWithTemperature(teacherLogits, temperature),
    softmaxWithTemperature(studentLogits, temperature),
  );
  return (1 - alpha) * hard + alpha * temperature ** 2 * soft;
}
