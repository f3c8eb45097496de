import { toString } from 'mdast-util-to-string';
import { type Guide, type Question, questionTitleText } from '../../model/guide.ts';

/** How many related questions a page lists. */
export const RELATED_COUNT = 3;

/** Added to the text similarity of two questions in the same topic. */
const SAME_TOPIC_BONUS = 0.1;

/**
 * For every question, up to three other questions about the same thing:
 * TF-IDF over Chinese character bigrams (and Latin words such as “BERT”),
 * compared by cosine similarity, plus a bonus for sharing a topic. Ties are
 * broken by question number, so the result depends on the text alone.
 */
export function relatedQuestions(guide: Guide, topicOf: ReadonlyMap<number, string>): Map<number, number[]> {
  const counts = guide.questions.map((q) => termCounts(questionText(q)));
  const documentFrequency = new Map<string, number>();
  for (const terms of counts) for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const total = guide.questions.length;
  const vectors = counts.map((terms) => {
    const vector = new Map<string, number>();
    for (const [term, count] of terms) {
      // A term in every question says nothing about which questions belong together.
      const idf = Math.log(total / documentFrequency.get(term)!);
      if (idf > 0) vector.set(term, (1 + Math.log(count)) * idf);
    }
    return normalise(vector);
  });

  const similarity = pairwiseDots(vectors, documentFrequency);

  const related = new Map<number, number[]>();
  guide.questions.forEach((question, i) => {
    const scored = guide.questions
      .map((other, j) => ({
        number: other.number,
        score: similarity[i]![j]! + (topicOf.get(question.number) === topicOf.get(other.number) ? SAME_TOPIC_BONUS : 0),
      }))
      .filter((candidate) => candidate.number !== question.number && candidate.score > 0)
      .sort((a, b) => b.score - a.score || a.number - b.number);
    related.set(question.number, scored.slice(0, RELATED_COUNT).map((c) => c.number));
  });
  return related;
}

function questionText(question: Question): string {
  const sections = Object.values(question.sections).flatMap((s) => s.blocks.map((b) => toString(b)));
  return [questionTitleText(question.title), ...sections].join('\n');
}

const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

/** Character bigrams inside runs of Chinese text; whole lower-cased words elsewhere. */
function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  for (const [token] of text.matchAll(TOKEN)) {
    if (!HAN.test(token)) {
      add(token.toLowerCase());
      continue;
    }
    const chars = [...token];
    if (chars.length === 1) add(token);
    for (let k = 0; k + 1 < chars.length; k++) add(chars[k]! + chars[k + 1]!);
  }
  return counts;
}

function normalise(vector: Map<string, number>): Map<string, number> {
  const length = Math.sqrt([...vector.values()].reduce((sum, v) => sum + v * v, 0));
  if (length === 0) return vector;
  return new Map([...vector].map(([term, v]) => [term, v / length]));
}

/**
 * The dot product of every pair of vectors, `[i][j]` summed in the order of
 * vector i's terms. Terms are numbered so that vector j can be looked up in
 * an array (one at a time, so memory stays linear in the vocabulary).
 */
function pairwiseDots(vectors: Map<string, number>[], vocabulary: Map<string, number>): Float64Array[] {
  const termIndex = new Map([...vocabulary.keys()].map((term, k) => [term, k]));
  const sparse = vectors.map((vector) => [...vector].map(([term, v]) => ({ index: termIndex.get(term)!, v })));
  const lookup = new Float64Array(termIndex.size);
  const dots = vectors.map(() => new Float64Array(vectors.length));
  sparse.forEach((b, j) => {
    for (const { index, v } of b) lookup[index] = v;
    sparse.forEach((a, i) => {
      let sum = 0;
      for (const { index, v } of a) sum += v * lookup[index]!;
      dots[i]![j] = sum;
    });
    for (const { index } of b) lookup[index] = 0;
  });
  return dots;
}
