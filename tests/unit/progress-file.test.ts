import { describe, expect, it } from 'vitest';
import { mergeStudy, parseProgressFile, progressFile } from '../../plugins/starlight-study-guides/client/progress-file.ts';
import { rateQuestion } from '../../plugins/starlight-study-guides/client/srs.ts';
import { cleanStudy } from '../../plugins/starlight-study-guides/client/clean-study.ts';
import { emptyStudy, parseStudy } from '../../plugins/starlight-study-guides/client/study-storage.ts';
import type { GuideStudy } from '../../plugins/starlight-study-guides/model/study-progress-schema.ts';

const at = (day: number, hour = 9) => new Date(2026, 0, day, hour);

function studied(...ratings: [question: number, rating: 1 | 2 | 3 | 4, when: Date][]): GuideStudy {
  const study = emptyStudy();
  for (const [question, rating, when] of ratings) rateQuestion(study, question, rating, when);
  return study;
}

describe('progress file › merge on import', () => {
  it('takes a card the browser does not have, and one the file reviewed later', () => {
    const local = studied([1, 3, at(1)]);
    const incoming = studied([1, 3, at(1)], [1, 3, at(3)], [2, 4, at(2)]);
    const { study, report } = mergeStudy(local, incoming);
    expect(study.cards[1]).toEqual(incoming.cards[1]);
    expect(study.cards[2]).toEqual(incoming.cards[2]);
    expect(report).toEqual({ fromFile: 2, keptLocal: 0, reviewsAdded: 2 });
    expect(study.reviews.map((r) => r.at)).toEqual([at(1), at(2), at(3)].map((d) => d.toISOString()));
  });

  it('never replaces a card the browser reviewed later than the file, and says so', () => {
    const local = studied([1, 4, at(1)], [1, 3, at(9)]);
    const incoming = studied([1, 1, at(2)]);
    const { study, report } = mergeStudy(local, incoming);
    expect(study.cards[1]).toEqual(local.cards[1]);
    expect(report).toEqual({ fromFile: 0, keptLocal: 1, reviewsAdded: 1 });
  });

  it('keeps the browser’s own card on a tie, and adds no review twice', () => {
    const local = studied([1, 3, at(1)]);
    const { study, report } = mergeStudy(local, structuredClone(local));
    expect(study).toEqual(local);
    expect(report).toEqual({ fromFile: 0, keptLocal: 0, reviewsAdded: 0 });
  });

  it('merges marks by when they were set, a cleared mark included', () => {
    const local: GuideStudy = { ...emptyStudy(), marks: { 1: { state: 'known', at: at(1).toISOString() }, 2: { state: null, at: at(5).toISOString() } } };
    const incoming: GuideStudy = { ...emptyStudy(), marks: { 1: { state: null, at: at(2).toISOString() }, 2: { state: 'review', at: at(3).toISOString() } } };
    const { study, report } = mergeStudy(local, incoming);
    expect(study.marks).toEqual({ 1: incoming.marks[1], 2: local.marks[2] });
    expect(report).toEqual({ fromFile: 1, keptLocal: 1, reviewsAdded: 0 });
  });
});

describe('progress file › reading a file', () => {
  it('reads back what it writes', () => {
    const file = progressFile({ 'kd-lifelong-learning': studied([1, 3, at(1)]) }, at(2));
    expect(parseProgressFile(JSON.stringify(file))).toEqual({ ok: true, file });
  });

  it('says in Chinese what is wrong with a bad file', () => {
    const ok = progressFile({ kd: studied([1, 3, at(1)]) }, at(2));
    const cases: [unknown, RegExp][] = [
      ['not json', /^无法导入：这不是 JSON 文件。/],
      [[1, 2], /^无法导入：这不是本站的学习进度文件/],
      [{ ...ok, version: 3 }, /^无法导入：不支持的进度文件版本 3，本站读取第 2 版。$/],
      [{ ...ok, guides: { kd: { ...ok.guides.kd, cards: { 1: { ...ok.guides.kd!.cards[1], reps: -1 } } } } }, /^无法导入：进度文件有误，本机进度未改动。guides\.kd\.cards\.1\.reps：.*0/],
      [{ ...ok, guides: { 'Not A Slug': ok.guides.kd } }, /guides\.Not A Slug：指南名只能含小写字母、数字和连字符/],
      [{ ...ok, guides: { kd: { ...ok.guides.kd, cards: { x: ok.guides.kd!.cards[1] } } } }, /guides\.kd\.cards\.x：题号应为正整数/],
      [{ ...ok, guides: { kd: { ...ok.guides.kd, reviews: [{ ...ok.guides.kd!.reviews[0], rating: 5 }] } } }, /guides\.kd\.reviews\.0\.rating：无效选项：期望以下之一 1\|2\|3\|4/],
    ];
    for (const [data, message] of cases) {
      const parsed = parseProgressFile(typeof data === 'string' ? data : JSON.stringify(data));
      expect(parsed.ok, JSON.stringify(data)).toBe(false);
      expect(!parsed.ok && parsed.message).toMatch(message);
    }
  });
});

describe('progress storage › version 2', () => {
  it('keeps the well-formed entries of a damaged value, and ignores other versions', () => {
    const good = studied([1, 3, at(1)]);
    const raw = JSON.stringify({ version: 2, ...good, cards: { ...good.cards, 2: { due: 'never' }, x: good.cards[1] }, reviews: [...good.reviews, { question: 0 }] });
    expect(cleanStudy(parseStudy(raw)!)).toEqual(good);
    expect(parseStudy(JSON.stringify({ version: 1, ...good }))).toBeUndefined();
    expect(parseStudy('garbage')).toBeUndefined();
  });
});
