import { logSoftmax } from './softmax-with-temperature.ts';
import { klDivergenceFromLogs } from './kd-loss.ts';

export interface DkdLossInput {
  studentLogits: readonly number[];
  teacherLogits: readonly number[];
  /** Index of the ground-truth (target) class t. */
  label: number;
  /** Defaults are the reference code's (mdistiller): T = 4, α = 1, β = 8. */
  temperature?: number;
  /** Weight of TCKD. */
  alpha?: number;
  /** Weight of NCKD. */
  beta?: number;
}

export interface DkdLoss {
  /** T² · KL(b^T ‖ b^S), with b = (p_t, 1 − p_t): target class against all the others. */
  tckd: number;
  /** T² · KL(p̂^T ‖ p̂^S), with p̂ the distribution over the non-target classes, renormalised. */
  nckd: number;
  /** α · tckd + β · nckd. */
  loss: number;
}

/**
 * Decoupled knowledge distillation (Zhao et al., 2022). Classical KD splits exactly as
 * KL(p^T ‖ p^S) = TCKD + (1 − p_t^T) · NCKD, so the more confident the teacher
 * (p_t^T → 1), the less its knowledge about the wrong classes counts. DKD gives the two
 * parts their own weights instead. As in the reference code, each part is multiplied by T².
 */
export function dkdLoss({ studentLogits, teacherLogits, label, temperature = 4, alpha = 1, beta = 8 }: DkdLossInput): DkdLoss {
  if (studentLogits.length !== teacherLogits.length) throw new RangeError('logits must have the same length');
  // NCKD needs at least one non-target class.
  if (studentLogits.length < 2) throw new RangeError('logits must have at least two classes');
  if (!Number.isInteger(label) || label < 0 || label >= studentLogits.length) throw new RangeError('label must be a class index');
  if (!(alpha >= 0 && beta >= 0) || !Number.isFinite(alpha) || !Number.isFinite(beta)) throw new RangeError('alpha and beta must be non-negative numbers');
  // logSoftmax rejects a temperature that is not a positive finite number.
  const tckd = klDivergenceFromLogs(binaryLogs(teacherLogits, label, temperature), binaryLogs(studentLogits, label, temperature));
  const nckd = klDivergenceFromLogs(nonTargetLogs(teacherLogits, label, temperature), nonTargetLogs(studentLogits, label, temperature));
  const scale = temperature ** 2;
  return { tckd: scale * tckd, nckd: scale * nckd, loss: alpha * scale * tckd + beta * scale * nckd };
}

/** [ln p_t, ln(1 − p_t)] at temperature T. */
function binaryLogs(logits: readonly number[], label: number, temperature: number): number[] {
  const logP = logSoftmax(logits, temperature);
  // 1 − p_t is summed in log space as Σ_{j≠t} p_j: computing 1 − p_t directly rounds it
  // to 0 when p_t ≈ 1, and ln 0 = −∞ (the reference code takes the log of that sum).
  return [logP[label]!, logSumExp(logP.filter((_, j) => j !== label))];
}

/**
 * ln p̂_j over the non-target classes: a log-softmax of the logits with the target removed,
 * exactly the renormalised p_j / (1 − p_t) but without dividing two numbers that may both
 * have underflowed to 0. (The reference code masks the target by subtracting 1000 from z_t / T.)
 */
function nonTargetLogs(logits: readonly number[], label: number, temperature: number): number[] {
  return logSoftmax(logits.filter((_, j) => j !== label), temperature);
}

/** ln Σ_i exp(x_i), with the largest x_i factored out so that exp() cannot overflow. */
function logSumExp(values: readonly number[]): number {
  const max = Math.max(...values);
  return max + Math.log(values.reduce((sum, x) => sum + Math.exp(x - max), 0));
}
