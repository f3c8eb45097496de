/** A layer's activations for one image: C channels of H rows of W numbers, featureMap[c][h][w]. */
export type FeatureMap = readonly (readonly (readonly number[])[])[];

/**
 * Activation-based attention map of Zagoruyko & Komodakis (2017): Q = vec(Σ_c |A_c|^p),
 * the channels pooled into one H×W map, flattened row by row. Only the spatial size
 * carries over, so a student and a teacher with different C can still be compared.
 */
export function attentionMap(featureMap: FeatureMap, p = 2): number[] {
  const [height, width] = spatialSize(featureMap);
  if (!(p > 0) || !Number.isFinite(p)) throw new RangeError('p must be a positive number');
  const q: number[] = [];
  for (let h = 0; h < height; h++) {
    for (let w = 0; w < width; w++) q.push(featureMap.reduce((sum, channel) => sum + Math.abs(channel[h]![w]!) ** p, 0));
  }
  return q;
}

/**
 * Q / ‖Q‖₂: only where the layer looks matters, not how strongly it fires.
 * An all-zero map gives Q = 0, which has no direction (0 / 0): we define its normalised map
 * as Q = 0 itself, as the authors' code does (F.normalize divides by max(‖Q‖₂, 1e−12)).
 */
export function normalizedAttentionMap(featureMap: FeatureMap, p = 2): number[] {
  spatialSize(featureMap); // check the shape before scanning the values
  const largest = featureMap.flat(2).reduce((max, a) => Math.max(max, Math.abs(a)), 0);
  if (largest === 0) return attentionMap(featureMap, p);
  // Scaling A scales Q by a constant that the normalisation cancels. Dividing by the largest
  // |activation| first keeps every |a|^p ≤ 1 (no overflow) and the largest entry of Q ≥ 1
  // (so ‖Q‖₂ cannot underflow to 0), the same idea as subtracting the largest logit.
  const q = attentionMap(featureMap.map((channel) => channel.map((row) => row.map((a) => a / largest))), p);
  const norm = Math.sqrt(q.reduce((sum, x) => sum + x * x, 0));
  return q.map((x) => x / norm);
}

/**
 * The attention-transfer term for one pair of layers, ‖Q_S/‖Q_S‖₂ − Q_T/‖Q_T‖₂‖₂, following
 * the paper's formula as written (outer norm with p = 2): the Euclidean norm itself, not its
 * square. The weight β/2 and the sum over layer pairs are left to the caller. The authors'
 * public code instead averages the squared differences over the H·W positions; it is zero for
 * the same maps, but its scale differs, so its β does not carry over to this form.
 */
export function attentionTransferLoss(student: FeatureMap, teacher: FeatureMap, p = 2): number {
  const [sh, sw] = spatialSize(student);
  const [th, tw] = spatialSize(teacher);
  if (sh !== th || sw !== tw) throw new RangeError('student and teacher maps must have the same height and width');
  const qs = normalizedAttentionMap(student, p);
  const qt = normalizedAttentionMap(teacher, p);
  return Math.sqrt(qs.reduce((sum, x, i) => sum + (x - qt[i]!) ** 2, 0));
}

/** [H, W] of a C×H×W map, after checking that it is non-empty, rectangular and finite. */
function spatialSize(featureMap: FeatureMap): [number, number] {
  const height = featureMap[0]?.length ?? 0;
  const width = featureMap[0]?.[0]?.length ?? 0;
  if (height === 0 || width === 0) throw new RangeError('feature map must have at least one channel, row and column');
  for (const channel of featureMap) {
    if (channel.length !== height || channel.some((row) => row.length !== width)) throw new RangeError('every channel must be H × W');
    if (!channel.every((row) => row.every(Number.isFinite))) throw new RangeError('activations must be finite numbers');
  }
  return [height, width];
}
