import { describe, expect, it } from 'vitest';
import { readableExcerpt, searchTerm } from '../../plugins/starlight-study-guides/overrides/search-query.ts';
import { chineseTermToken, guideQuestionToken, questionToken } from '../../plugins/starlight-study-guides/model/search.ts';
import { searchCases } from '../helpers/search-queries.ts';

describe('search query rewriting', () => {
  /** The query as Pagefind gets it, without the tokens added for its Chinese words. */
  const words = (typed: string) => searchTerm(typed).split(' ').filter((w) => !w.startsWith('ⓩ')).join(' ');

  it('searches traditional and mixed queries as their simplified form', () => {
    expect(words('溫度係數')).toBe('温度系数');
    expect(words('災難性遺忘')).toBe('灾难性遗忘');
    expect(words('醫疗图像分析')).toBe('医疗图像分析');
    // Character conversion only: Taiwan's 指標 stays 指标 (its phrase table would make it 指针, "pointer").
    expect(words('評價指標')).toBe('评价指标');
  });

  it('leaves the words of every simplified query of the benchmark as they are', () => {
    for (const { query } of searchCases().filter((c) => c.group === 'source')) expect(words(query)).toBe(query);
  });

  it('wants each group of Chinese words whole, as the glossary’s terms are indexed', () => {
    expect(searchTerm('遷移學習')).toBe(`迁移学习 ${chineseTermToken('迁移学习')}`);
    expect(searchTerm('知識蒸馏 基本概念')).toBe(`知识蒸馏 基本概念 ${chineseTermToken('知识蒸馏')} ${chineseTermToken('基本概念')}`);
    expect(searchTerm('pruning')).toBe('pruning');
    // One word to Pagefind (letters and digits), never the start of another term's token, never started by a word of the text.
    const token = chineseTermToken('迁移学习')!;
    expect(token).toMatch(/^[\p{Alphabetic}\p{N}]+$/u);
    expect(token.startsWith(chineseTermToken('迁移')!)).toBe(false);
    expect(token).toMatch(/^[^\p{L}\p{N}]/u);
  });

  it('turns a question number, however written, into that question’s token', () => {
    const twelve = questionToken(12);
    for (const query of ['第12题', '第 12 题', '12题', '第12題', 'Q12', 'q12', '#12', '＃１２', '题12']) expect(searchTerm(query), query).toBe(twelve);
    expect(searchTerm('第3题 温度')).toBe(`${questionToken(3)} 温度 ${chineseTermToken('温度')}`);
    // A token never starts another: searching question 1 does not match question 12.
    expect(twelve.startsWith(questionToken(1))).toBe(false);
  });

  it('means the reader’s guide’s question when searching from one of its pages', () => {
    for (const query of ['第12题', 'Q12', '#12']) expect(searchTerm(query, 'kd-lifelong-learning'), query).toBe(guideQuestionToken('kd-lifelong-learning', 12));
    // From the home page any guide's question 12: the guide's token starts with the site-wide one, which finds it too.
    expect(guideQuestionToken('kd-lifelong-learning', 12).startsWith(searchTerm('第12题'))).toBe(true);
    expect(guideQuestionToken('kd-lifelong-learning', 12).startsWith(questionToken(1))).toBe(false);
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

  it('leave out the tokens of Chinese terms and guide question numbers', () => {
    const excerpt = `${guideQuestionToken('kd', 8)}. ${chineseTermToken('迁移学习')}. <mark>${chineseTermToken('知识蒸馏')}</mark>. 知识<mark>迁移</mark>`;
    expect(readableExcerpt(excerpt)).toBe('知识<mark>迁移</mark>');
  });

  it('do not start with the full stop Pagefind puts after the title before the tokens', () => {
    expect(readableExcerpt(`. ${questionToken(12)}. ${guideQuestionToken('kd', 12)}. <mark>迁移</mark>学习的方法`)).toBe('<mark>迁移</mark>学习的方法');
  });

  it('are dropped when they matched only tokens', () => {
    expect(readableExcerpt('generalization. 泛化能力. <mark>transfer‿learning</mark>. data‿augmentation.')).toBe('');
  });
});
