import { describe, expect, it } from 'vitest';
import { softmaxWithTemperature } from '../../src/math/softmax-with-temperature.ts';
import { kdLoss } from '../../src/math/kd-loss.ts';
import { dkdLoss } from '../../src/math/dkd-loss.ts';
import { attentionMap, attentionTransferLoss, normalizedAttentionMap } from '../../src/math/attention-transfer.ts';

const close = (actual: number[], expected: number[], digits = 12) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a, `index ${i}`).toBeCloseTo(expected[i]!, digits));
};

describe('math › DKD', () => {
  it('decomposes KD: T² · KL(p^T ‖ p^S) = tckd + (1 − p_t^T) · nckd (Zhao et al., 2022)', () => {
    const cases = [
      { studentLogits: [2, 1, 0.5, -1], teacherLogits: [4, 1, 2, -2], label: 0 },
      { studentLogits: [0.3, -2, 1.7, 0, 0.9], teacherLogits: [-1, 0.5, 3, 2.5, 0], label: 3 },
      { studentLogits: [5, -5, 0], teacherLogits: [-3, 6, 1], label: 2 },
    ];
    for (const input of cases) {
      for (const temperature of [1, 2, 4, 10]) {
        const { tckd, nckd } = dkdLoss({ ...input, temperature });
        const pt = softmaxWithTemperature(input.teacherLogits, temperature)[input.label]!;
        const kd = kdLoss({ ...input, temperature, alpha: 1 });
        expect(tckd + (1 - pt) * nckd, `label ${input.label}, T = ${temperature}`).toBeCloseTo(kd, 10);
      }
    }
  });

  it('weighs the two parts: loss = α · tckd + β · nckd, with the reference defaults T = 4, α = 1, β = 8', () => {
    const input = { studentLogits: [2, 1, 0.5, -1], teacherLogits: [4, 1, 2, -2], label: 0 };
    const { tckd, nckd, loss } = dkdLoss({ ...input, temperature: 2, alpha: 0.5, beta: 3 });
    expect(loss).toBeCloseTo(0.5 * tckd + 3 * nckd, 12);
    expect(dkdLoss(input)).toEqual(dkdLoss({ ...input, temperature: 4, alpha: 1, beta: 8 }));
  });

  it('with two classes is all TCKD: the binary split is the whole distribution', () => {
    const input = { studentLogits: [1, -0.5], teacherLogits: [-2, 3], label: 1, temperature: 3 };
    const { tckd, nckd } = dkdLoss(input);
    expect(nckd).toBe(0);
    expect(tckd).toBeCloseTo(kdLoss({ ...input, alpha: 1 }), 12);
  });

  it('matches the closed form when the student puts 800 on the target', () => {
    // T = 1, teacher uniform over 3 classes: b^T = (⅓, ⅔), p̂^T = (½, ½).
    // Student [800, 0, 0]: ln b^S = (0, ln 2 − 800), p̂^S = (½, ½).
    // TCKD = ⅓ ln ⅓ + ⅔ (ln ⅔ − ln 2 + 800) = ln ⅓ + 1600/3; NCKD = 0.
    const { tckd, nckd, loss } = dkdLoss({ studentLogits: [800, 0, 0], teacherLogits: [0, 0, 0], label: 0, temperature: 1, alpha: 1, beta: 8 });
    expect(tckd).toBeCloseTo(Math.log(1 / 3) + 1600 / 3, 9);
    expect(nckd).toBe(0);
    expect(loss).toBeCloseTo(tckd, 12);
  });

  it('matches the closed form at logits of ±1e4', () => {
    // T = 4. Student [0, 1e4, −1e4] and teacher [0, −1e4, 1e4] both give ln b = (−2500, 0): TCKD = 0.
    // Non-target logits / 4: student [2500, −2500] → ln p̂^S = (0, −5000); teacher → ln p̂^T = (−5000, 0).
    // NCKD = 1 · (0 − (−5000)) = 5000, times T² = 80000; loss = 8 · 80000.
    const { tckd, nckd, loss } = dkdLoss({ studentLogits: [0, 1e4, -1e4], teacherLogits: [0, -1e4, 1e4], label: 0, temperature: 4, alpha: 1, beta: 8 });
    expect(tckd).toBe(0);
    expect(nckd).toBeCloseTo(80000, 6);
    expect(loss).toBeCloseTo(640000, 5);
  });

  it('keeps NCKD when the teacher’s wrong-class probabilities underflow to 0', () => {
    // Teacher [800, 0, 1] at T = 1: p_j ≈ e^−800 for the wrong classes, 0 in doubles, so p_j / (1 − p_t) would be 0/0.
    // Renormalised they are still σ([0, 1]) = (1, e)/(1 + e); the student's [1, 0] give (e, 1)/(1 + e).
    // NCKD = (e − 1)/(e + 1) = tanh ½. TCKD: b^T = (1, ~0), p_t^S = 1/(2 + e), so TCKD = ln(2 + e).
    const { tckd, nckd } = dkdLoss({ studentLogits: [0, 1, 0], teacherLogits: [800, 0, 1], label: 0, temperature: 1 });
    expect(softmaxWithTemperature([800, 0, 1])).toEqual([1, 0, 0]);
    expect(nckd).toBeCloseTo(Math.tanh(0.5), 12);
    expect(tckd).toBeCloseTo(Math.log(2 + Math.E), 12);
  });

  it('rejects unequal lengths, a single class, a bad label, negative or non-finite weights and a bad T', () => {
    const base = { studentLogits: [1, 2, 3], teacherLogits: [3, 2, 1], label: 0 };
    expect(() => dkdLoss({ ...base, teacherLogits: [1, 2] })).toThrow(RangeError);
    expect(() => dkdLoss({ studentLogits: [1], teacherLogits: [1], label: 0 })).toThrow(RangeError);
    for (const label of [-1, 3, 1.5, Number.NaN]) expect(() => dkdLoss({ ...base, label }), `label ${label}`).toThrow(RangeError);
    for (const w of [-1, Infinity, Number.NaN]) {
      expect(() => dkdLoss({ ...base, alpha: w }), `alpha ${w}`).toThrow(RangeError);
      expect(() => dkdLoss({ ...base, beta: w }), `beta ${w}`).toThrow(RangeError);
    }
    for (const temperature of [0, -4, Infinity, Number.NaN]) expect(() => dkdLoss({ ...base, temperature }), `T ${temperature}`).toThrow(RangeError);
  });
});

describe('math › attention transfer', () => {
  it('pools |A_c|^p over channels and flattens row by row', () => {
    // Channels [1, 2] and [2, 0]: p = 2 gives [1 + 4, 4 + 0], p = 1 gives [1 + 2, 2 + 0]; signs do not matter.
    expect(attentionMap([[[1, 2]], [[2, 0]]])).toEqual([5, 4]);
    expect(attentionMap([[[-1, 2]], [[2, -0]]], 1)).toEqual([3, 2]);
    expect(attentionMap([[[1, 2], [3, 4]]], 1)).toEqual([1, 2, 3, 4]);
  });

  it('normalises to unit length, unchanged by the scale of the activations', () => {
    close(normalizedAttentionMap([[[1, 2]], [[2, 0]]]), [5 / Math.sqrt(41), 4 / Math.sqrt(41)]);
    // |a|² would overflow to ∞ at 1e200 and underflow to 0 at 1e−200; the direction is (1, 1)/√2 either way.
    const half = [Math.SQRT1_2, Math.SQRT1_2];
    close(normalizedAttentionMap([[[1e200, 1e200]]]), half);
    close(normalizedAttentionMap([[[1e-200, -1e-200]]]), half);
    close(normalizedAttentionMap([[[1e100, 0]], [[0, 1e100]]], 4), half);
  });

  it('is ‖a − b‖₂ = √(2 − 2 a·b) for unit maps a, b, with any channel counts', () => {
    // Student Q = [5, 4], teacher Q = [9, 0]: a·b = 5/√41.
    expect(attentionTransferLoss([[[1, 2]], [[2, 0]]], [[[3, 0]]])).toBeCloseTo(Math.sqrt(2 - 10 / Math.sqrt(41)), 12);
    // The sample: Q_S = [2, 4, 4, 2], Q_T = [4, 1, 0, 4], a·b = 20/(√40 · √33).
    const student = [[[1, 2], [0, 1]], [[1, 0], [2, 1]]];
    const teacher = [[[2, 1], [0, 2]]];
    expect(attentionTransferLoss(student, teacher)).toBeCloseTo(Math.sqrt(2 - 40 / Math.sqrt(1320)), 12);
    // Same map up to scale: 0. Non-overlapping maps: √2, the largest value for non-negative maps.
    expect(attentionTransferLoss([[[1, 2]], [[2, 0]]], [[[10, 20]], [[20, 0]], [[0, 0]]])).toBeCloseTo(0, 12);
    expect(attentionTransferLoss([[[1, 0]]], [[[0, 3]]])).toBeCloseTo(Math.SQRT2, 12);
    expect(attentionTransferLoss([[[1e200, 1e200]]], [[[1e-200, 1e-200]]])).toBe(0);
  });

  it('treats an all-zero map as the zero map instead of 0/0', () => {
    expect(normalizedAttentionMap([[[0, 0], [0, 0]], [[0, 0], [0, 0]]])).toEqual([0, 0, 0, 0]);
    // ‖0 − b‖₂ = ‖b‖₂ = 1 against any non-zero map; 0 between two zero maps.
    expect(attentionTransferLoss([[[0, 0]]], [[[3, 4]]])).toBeCloseTo(1, 12);
    expect(attentionTransferLoss([[[0, 0]]], [[[0, 0]], [[0, 0]]])).toBe(0);
  });

  it('rejects empty, ragged or non-finite maps, a bad p and different spatial sizes', () => {
    for (const bad of [[], [[]], [[[]]], [[[1, 2]], [[1]]], [[[1, 2]], [[1, 2], [3, 4]]], [[[1, Number.NaN]]], [[[Infinity, 1]]]]) {
      expect(() => attentionMap(bad), JSON.stringify(bad)).toThrow(RangeError);
      expect(() => normalizedAttentionMap(bad), JSON.stringify(bad)).toThrow(RangeError);
      expect(() => attentionTransferLoss(bad, [[[1, 2]]]), JSON.stringify(bad)).toThrow(RangeError);
    }
    for (const p of [0, -2, Infinity, Number.NaN]) {
      expect(() => attentionMap([[[1, 2]]], p), `p ${p}`).toThrow(RangeError);
      expect(() => normalizedAttentionMap([[[0, 0]]], p), `p ${p} on a zero map`).toThrow(RangeError);
    }
    // 2×1 against 1×2: the same number of positions, but not the same positions.
    expect(() => attentionTransferLoss([[[1], [2]]], [[[1, 2]]])).toThrow(RangeError);
  });
});
