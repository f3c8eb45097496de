import { describe, expect, it } from 'vitest';
import { readableExcerpt, searchTerm } from '../../plugins/starlight-study-guides/overrides/search-query.ts';
import { questionToken } from '../../plugins/starlight-study-guides/model/search.ts';
import { searchCases } from '../helpers/search-queries.ts';

describe('search query rewriting', () => {
  it('searches traditional and mixed queries as their simplified form', () => {
    expect(searchTerm('溫度係數')).toBe('温度系数');
    expect(searchTerm('災難性遺忘')).toBe('灾难性遗忘');
    expect(searchTerm('醫疗图像分析')).toBe('医疗图像分析');
    // Character conversion only: Taiwan's 指標 stays 指标 (its phrase table would make it 指针, "pointer").
    expect(searchTerm('評價指標')).toBe('评价指标');
  });

  it('leaves every simplified query of the benchmark as it is', () => {
    for (const { query } of searchCases().filter((c) => c.group === 'source')) expect(searchTerm(query)).toBe(query);
  });

  it('turns a question number, however written, into that question’s token', () => {
    const twelve = questionToken(12);
    for (const query of ['第12题', '第 12 题', '12题', '第12題', 'Q12', 'q12', '#12', '＃１２', '题12']) expect(searchTerm(query), query).toBe(twelve);
    expect(searchTerm('第3题 温度')).toBe(`${questionToken(3)} 温度`);
    // A token never starts another: searching question 1 does not match question 12.
    expect(twelve.startsWith(questionToken(1))).toBe(false);
  });

  it('adds the joined form of an English phrase, as the glossary indexes it', () => {
    expect(searchTerm('transfer learning')).toBe('transfer learning transfer‿learning');
    expect(searchTerm('pruning')).toBe('pruning');
  });
});

describe('search result excerpts', () => {
  it('leave out the tokens indexed for search, keep the words', () => {
    expect(readableExcerpt(`？ ${questionToken(8)}. <mark>transfer</mark> <mark>learning</mark>. 迁移学习. <mark>transfer‿learning</mark>. data‿augmentation. 学习`)).toBe(
      '？ <mark>transfer</mark> <mark>learning</mark>. 迁移学习. 学习',
    );
    expect(readableExcerpt('Learning without Forgetting (LwF) 的总损失')).toBe('Learning without Forgetting (LwF) 的总损失');
  });

  it('are dropped when they matched only tokens', () => {
    expect(readableExcerpt('generalization. 泛化能力. <mark>transfer‿learning</mark>. data‿augmentation.')).toBe('');
  });
});
