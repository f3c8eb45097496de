import { describe, expect, it } from 'vitest';
import { entropy, logSoftmax, softmaxWithTemperature } from '../../src/math/softmax-with-temperature.ts';
import { kdLoss, klDivergence, klDivergenceFromLogs } from '../../src/math/kd-loss.ts';
import { lwfOldTaskLoss } from '../../src/math/lwf-old-task-loss.ts';

const close = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a, `index ${i}`).toBeCloseTo(expected[i]!, 12));
};

describe('math › softmax with temperature', () => {
  it('gives 1/4 and 3/4 for logits 0 and ln 3 at T = 1', () => {
    close(softmaxWithTemperature([0, Math.log(3)]), [0.25, 0.75]);
  });

  it('gives 1/(1+√3) and √3/(1+√3) for the same logits at T = 2', () => {
    const r3 = Math.sqrt(3);
    close(softmaxWithTemperature([0, Math.log(3)], 2), [1 / (1 + r3), r3 / (1 + r3)]);
  });

  it('is uniform for equal logits, whatever T', () => {
    for (const t of [0.5, 1, 4]) close(softmaxWithTemperature([7, 7, 7, 7], t), [0.25, 0.25, 0.25, 0.25]);
  });

  it('does not overflow on large logits', () => {
    close(softmaxWithTemperature([1000, 1000]), [0.5, 0.5]);
    const p = softmaxWithTemperature([1000, 0, -1000]);
    expect(p.every(Number.isFinite)).toBe(true);
    close(p, [1, 0, 0]);
  });

  it('approaches the uniform distribution as T grows large', () => {
    close(softmaxWithTemperature([10, 0, -10], 1e9).map((p) => Math.round(p * 1e6) / 1e6), [0.333333, 0.333333, 0.333333]);
  });

  it('rejects a temperature that is not positive', () => {
    expect(() => softmaxWithTemperature([1, 2], 0)).toThrow(RangeError);
    expect(() => softmaxWithTemperature([], 1)).toThrow(RangeError);
  });
});

describe('math › log-softmax', () => {
  it('equals ln of the softmax on moderate logits', () => {
    close(logSoftmax([2, 1, 0.1], 2), softmaxWithTemperature([2, 1, 0.1], 2).map(Math.log));
    close(logSoftmax([0, Math.log(3)]), [Math.log(0.25), Math.log(0.75)]);
  });

  it('gives [−800, 0] for logits [0, 800], where ln of the softmax gives −∞', () => {
    // ln q_0 = −800 − ln(1 + e^−800) and ln q_1 = −ln(1 + e^−800); e^−800 is far below double precision.
    expect(Math.log(softmaxWithTemperature([0, 800])[0]!)).toBe(-Infinity);
    close(logSoftmax([0, 800]), [-800, 0]);
  });

  it('stays exact at ±1e4 and with ties at the top', () => {
    // [1e4, −1e4] / 4 = [2500, −2500]: ln q = [−ln(1 + e^−5000), −5000 − ln(1 + e^−5000)] = [0, −5000].
    close(logSoftmax([1e4, -1e4], 4), [0, -5000]);
    // Two tied leaders share the mass: ln q = [−ln 2, −ln 2, −800 − ln 2].
    close(logSoftmax([800, 800, 0]), [-Math.LN2, -Math.LN2, -800 - Math.LN2]);
    close(logSoftmax([-1e4, -1e4]), [-Math.LN2, -Math.LN2]);
  });

  it('rejects empty logits, non-finite logits and a temperature that is not positive and finite', () => {
    expect(() => logSoftmax([])).toThrow(RangeError);
    expect(() => logSoftmax([1, Infinity])).toThrow(RangeError);
    expect(() => logSoftmax([1, Number.NaN])).toThrow(RangeError);
    for (const t of [0, -1, Infinity, Number.NaN]) expect(() => logSoftmax([1, 2], t), `T = ${t}`).toThrow(RangeError);
  });
});

describe('math › entropy', () => {
  it('is ln n for n equal classes and 0 for a certain one', () => {
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 12);
    expect(entropy([1, 0, 0])).toBe(0);
  });
});

describe('math › KL divergence', () => {
  it('is ½ ln(4/3) between (½, ½) and (¼, ¾)', () => {
    expect(klDivergence([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.5 * Math.log(4 / 3), 12);
  });

  it('is zero for identical distributions and ignores classes with p = 0', () => {
    expect(klDivergence([0.2, 0.8], [0.2, 0.8])).toBe(0);
    expect(klDivergence([0, 1], [0.5, 0.5])).toBeCloseTo(Math.log(2), 12);
  });

  it('gives the same value from log-probabilities', () => {
    expect(klDivergenceFromLogs([Math.log(0.5), Math.log(0.5)], [Math.log(0.25), Math.log(0.75)])).toBeCloseTo(0.5 * Math.log(4 / 3), 12);
    expect(klDivergenceFromLogs([-Infinity, 0], [Math.log(0.5), Math.log(0.5)])).toBeCloseTo(Math.log(2), 12);
    // q = (e^−800, 1) is (0, 1) in doubles: klDivergence sees ln(½ / 0) = ∞, the log form the true ½·800 − ln 2.
    expect(klDivergence([0.5, 0.5], softmaxWithTemperature([0, 800]))).toBe(Infinity);
    expect(klDivergenceFromLogs([-Math.LN2, -Math.LN2], logSoftmax([0, 800]))).toBeCloseTo(400 - Math.LN2, 9);
  });
});

describe('math › KD loss', () => {
  it('matches (1−α)·ln 2 + α·T²·KL for a hand-worked two-class case', () => {
    // Student logits (0, 0): σ = (½, ½) at any T. Teacher logits (0, ln 3) at T = 2: (1/(1+√3), √3/(1+√3)).
    const r3 = Math.sqrt(3);
    const p = [1 / (1 + r3), r3 / (1 + r3)];
    const kl = p[0]! * Math.log(2 * p[0]!) + p[1]! * Math.log(2 * p[1]!);
    const expected = 0.1 * Math.log(2) + 0.9 * 4 * kl;
    expect(kdLoss({ studentLogits: [0, 0], teacherLogits: [0, Math.log(3)], label: 1, temperature: 2, alpha: 0.9 })).toBeCloseTo(expected, 12);
  });

  it('is only the hard-label cross-entropy when α = 0, and zero soft loss when student equals teacher', () => {
    expect(kdLoss({ studentLogits: [0, Math.log(3)], teacherLogits: [5, -5], label: 1, temperature: 4, alpha: 0 })).toBeCloseTo(-Math.log(0.75), 12);
    expect(kdLoss({ studentLogits: [1, 2, 3], teacherLogits: [1, 2, 3], label: 0, temperature: 4, alpha: 1 })).toBeCloseTo(0, 12);
  });

  it('is 800 and 400 − ln 2 for a student logit of 800, not NaN or ∞', () => {
    // Hard term: −ln σ([0, 800])_0 = 800 + ln(1 + e^−800) = 800.
    expect(kdLoss({ studentLogits: [0, 800], teacherLogits: [0, 0], label: 0, temperature: 1, alpha: 0 })).toBeCloseTo(800, 9);
    // Soft term: KL((½, ½) ‖ (e^−800, 1)) = ½(ln ½ + 800) + ½ ln ½ = 400 − ln 2.
    expect(kdLoss({ studentLogits: [0, 800], teacherLogits: [0, 0], label: 1, temperature: 1, alpha: 1 })).toBeCloseTo(400 - Math.LN2, 9);
  });

  it('matches closed forms at logits of ±1e4', () => {
    // At T = 4 the student's log-probabilities are [0, −5000], the teacher's [−5000, 0]:
    // KL = 1 · (0 − (−5000)) = 5000, and T² · KL = 80000.
    expect(kdLoss({ studentLogits: [1e4, -1e4], teacherLogits: [-1e4, 1e4], label: 0, temperature: 4, alpha: 1 })).toBeCloseTo(80000, 6);
    // −ln σ([1e4, 0, −1e4])_2 = 2e4 + ln(1 + e^−1e4 + e^−2e4) = 2e4.
    expect(kdLoss({ studentLogits: [1e4, 0, -1e4], teacherLogits: [0, 0, 0], label: 2, temperature: 4, alpha: 0 })).toBeCloseTo(2e4, 6);
    // A student that agrees with an extreme teacher has no soft loss.
    expect(kdLoss({ studentLogits: [-1e4, 1e4, 0], teacherLogits: [-1e4, 1e4, 0], label: 1, temperature: 2, alpha: 1 })).toBe(0);
  });

  it('keeps the soft term’s gradient on one scale across T thanks to T² (Hinton et al., §2)', () => {
    // Zero-mean logits, so the high-temperature limit (z_i − v_i) / N applies too.
    const teacher = [-1, 1.5, -0.5];
    const student = [0.5, 0, -0.5];
    const soft = (z: number[], t: number) => kdLoss({ studentLogits: z, teacherLogits: teacher, label: 0, temperature: t, alpha: 1 });
    const gradient = (f: (z: number[]) => number, h = 1e-5) =>
      student.map((_, i) => (f(student.map((z, j) => (j === i ? z + h : z))) - f(student.map((z, j) => (j === i ? z - h : z)))) / (2 * h));
    const norm = (v: number[]) => Math.hypot(...v);
    const scaled: number[] = [];
    const unscaled: number[] = [];
    for (const t of [1, 4, 16]) {
      const g = gradient((z) => soft(z, t));
      // ∂KL/∂z_i = (q_i − p_i) / T, so ∂(T² · KL)/∂z_i = T · (q_i − p_i).
      const q = softmaxWithTemperature(student, t);
      const p = softmaxWithTemperature(teacher, t);
      g.forEach((gi, i) => expect(gi, `T = ${t}, i = ${i}`).toBeCloseTo(t * (q[i]! - p[i]!), 6));
      scaled.push(norm(g));
      unscaled.push(norm(g) / t ** 2);
    }
    // With T²: the same order at T = 1, 4 and 16 (here within 10 %).
    expect(Math.max(...scaled) / Math.min(...scaled)).toBeLessThan(1.1);
    // Without: shrinks roughly as 1/T², by a factor of about 16 and then 256.
    expect(unscaled[1]! / unscaled[0]!).toBeGreaterThan(1 / 16 / 1.2);
    expect(unscaled[1]! / unscaled[0]!).toBeLessThan(1 / 16 * 1.2);
    expect(unscaled[2]! / unscaled[0]!).toBeGreaterThan(1 / 256 / 1.2);
    expect(unscaled[2]! / unscaled[0]!).toBeLessThan(1 / 256 * 1.2);
    // And at high T, T · (q − p) approaches (z − v) / N.
    const t = 1000;
    const q = softmaxWithTemperature(student, t);
    const p = softmaxWithTemperature(teacher, t);
    student.forEach((z, i) => expect(t * (q[i]! - p[i]!)).toBeCloseTo((z - teacher[i]!) / 3, 3));
  });

  it('rejects a label that is not a class index, α outside [0, 1], unequal lengths and a bad T', () => {
    const base = { studentLogits: [1, 2], teacherLogits: [2, 1], label: 0, temperature: 2, alpha: 0.5 };
    for (const label of [-1, 2, 0.5, Number.NaN]) expect(() => kdLoss({ ...base, label }), `label ${label}`).toThrow(RangeError);
    for (const alpha of [-0.1, 1.1, Number.NaN]) expect(() => kdLoss({ ...base, alpha }), `alpha ${alpha}`).toThrow(RangeError);
    expect(() => kdLoss({ ...base, teacherLogits: [2, 1, 0] })).toThrow(RangeError);
    for (const temperature of [0, -1, Infinity, Number.NaN]) expect(() => kdLoss({ ...base, temperature }), `T ${temperature}`).toThrow(RangeError);
    expect(kdLoss({ ...base, alpha: 0 })).toBeCloseTo(-Math.log(1 / (1 + Math.E)), 12);
  });
});

describe('math › LwF old-task term', () => {
  it('is ln 2 when both outputs are uniform over two classes', () => {
    expect(lwfOldTaskLoss([0.5, 0.5], [0.5, 0.5], 2)).toBeCloseTo(Math.log(2), 12);
  });

  it('softens (¼, ¾) at T = 2 into (1/(1+√3), √3/(1+√3)) before the cross-entropy', () => {
    const r3 = Math.sqrt(3);
    const target = [1 / (1 + r3), r3 / (1 + r3)];
    const expected = -(target[0]! * Math.log(0.5) + target[1]! * Math.log(0.5));
    expect(lwfOldTaskLoss([0.25, 0.75], [0.5, 0.5], 2)).toBeCloseTo(expected, 12);
    // Against itself, the term is the softened target's entropy: its minimum.
    expect(lwfOldTaskLoss([0.25, 0.75], [0.25, 0.75], 2)).toBeCloseTo(-(target[0]! * Math.log(target[0]!) + target[1]! * Math.log(target[1]!)), 12);
  });

  it('stays finite for a small T, where the softened probabilities underflow', () => {
    // y = (½, ½) stays (½, ½); ŷ = (a, 1 − a) softens to ln ŷ'_0 = (ln a − ln(1 − a))/T − ln(1 + (a/(1 − a))^{1/T}),
    // ln ŷ'_1 = −ln(1 + (a/(1 − a))^{1/T}); with a = 1e−5 and T = 0.01 the last log is 0, so the loss is 50 · ln((1 − a)/a).
    const a = 1e-5;
    expect(lwfOldTaskLoss([0.5, 0.5], [a, 1 - a], 0.01)).toBeCloseTo(50 * Math.log((1 - a) / a), 9);
  });

  it('ignores classes the old network gave probability 0, and is ∞ when the current output misses one it did not', () => {
    expect(lwfOldTaskLoss([1, 0], [0.5, 0.5], 2)).toBeCloseTo(Math.log(2), 12);
    expect(lwfOldTaskLoss([0.5, 0.5], [1, 0], 2)).toBe(Infinity);
  });

  it('rejects a bad T, negative or non-finite probabilities, all-zero outputs and unequal lengths', () => {
    for (const t of [0, -1, Infinity, Number.NaN]) expect(() => lwfOldTaskLoss([0.5, 0.5], [0.5, 0.5], t), `T ${t}`).toThrow(RangeError);
    for (const bad of [[-0.1, 1.1], [Number.NaN, 1], [Infinity, 0], [0, 0]]) {
      expect(() => lwfOldTaskLoss(bad, [0.5, 0.5]), `recorded ${bad}`).toThrow(RangeError);
      expect(() => lwfOldTaskLoss([0.5, 0.5], bad), `current ${bad}`).toThrow(RangeError);
    }
    expect(() => lwfOldTaskLoss([0.5, 0.5], [0.2, 0.3, 0.5])).toThrow(RangeError);
  });
});
