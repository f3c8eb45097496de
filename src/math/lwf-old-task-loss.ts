/**
 * The old-task term of Learning without Forgetting (Li & Hoiem, 2016):
 * L_old = −Σ_i y'_i ln ŷ'_i, where y' and ŷ' are the recorded outputs of the
 * old network and the current outputs on the old task, each softened as
 * y'_i = y_i^{1/T} / Σ_j y_j^{1/T}. No old training data is needed: y was
 * recorded on the new task's images before training started.
 * The full LwF objective is λ_o · L_old + L_new + R (R: weight decay); this is L_old only.
 */
export function lwfOldTaskLoss(recorded: readonly number[], current: readonly number[], temperature = 2): number {
  if (recorded.length !== current.length) throw new RangeError('outputs must have the same length');
  if (!(temperature > 0) || !Number.isFinite(temperature)) throw new RangeError('temperature must be a positive number');
  for (const outputs of [recorded, current]) {
    if (!outputs.every((p) => p >= 0 && Number.isFinite(p))) throw new RangeError('probabilities must be non-negative finite numbers');
    if (!outputs.some((p) => p > 0)) throw new RangeError('probabilities must not all be zero');
  }
  const target = logSoften(recorded, temperature).map(Math.exp);
  const logPrediction = logSoften(current, temperature);
  // A class the old network gave probability 0 contributes nothing (0 · ln ŷ' = 0).
  return -target.reduce((sum, t, i) => (t > 0 ? sum + t * logPrediction[i]! : sum), 0);
}

/**
 * ln y'_i, where y'_i = y_i^{1/T} / Σ_j y_j^{1/T}: this equals a softmax of the logits
 * divided by T. Dividing every y_i by the largest first (the counterpart of subtracting the
 * largest logit) changes nothing but keeps y^{1/T} from underflowing to 0 when T is small;
 * taking ln of each ratio directly keeps a tiny ŷ'_i from becoming ln 0.
 */
function logSoften(probabilities: readonly number[], temperature: number): number[] {
  const max = Math.max(...probabilities);
  const logs = probabilities.map((p) => Math.log(p / max) / temperature);
  const logSum = Math.log(logs.reduce((sum, l) => sum + Math.exp(l), 0));
  return logs.map((l) => l - logSum);
}
