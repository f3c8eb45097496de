import { describe, expect, it } from 'vitest';
import { entropy, softmaxWithTemperature } from '../../src/math/softmax-with-temperature.ts';
import { kdLoss, klDivergence } from '../../src/math/kd-loss.ts';
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
});
