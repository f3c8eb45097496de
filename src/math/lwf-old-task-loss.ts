/**
 * The old-task term of Learning without Forgetting (Li & Hoiem, 2016):
 * L_old = −Σ_i y'_i ln ŷ'_i, where y' and ŷ' are the recorded outputs of the
 * old network and the current outputs on the old task, each softened as
 * y'_i = y_i^{1/T} / Σ_j y_j^{1/T}. No old training data is needed: y was
 * recorded on the new task's images before training started.
 */
export function lwfOldTaskLoss(recorded: readonly number[], current: readonly number[], temperature = 2): number {
  if (recorded.length !== current.length) throw new RangeError('outputs must have the same length');
  const target = soften(recorded, temperature);
  const prediction = soften(current, temperature);
  return -target.reduce((sum, t, i) => (t > 0 ? sum + t * Math.log(prediction[i]!) : sum), 0);
}

/** Raising probabilities to 1/T and renormalising equals a softmax of the logits divided by T. */
function soften(probabilities: readonly number[], temperature: number): number[] {
  const powered = probabilities.map((p) => p ** (1 / temperature));
  const sum = powered.reduce((a, b) => a + b, 0);
  return powered.map((p) => p / sum);
}
