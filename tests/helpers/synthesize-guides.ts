/**
 * A synthetic corpus for the benchmark and the scale tests: guides of 30
 * questions each in the real source format, cut from the real guide's text, so
 * they go through the real parser and emitter. Each guide varies the numbers in
 * the prose and adds formulas to some questions, so pages differ the way real
 * guides would and math pages get exercised.
 */

/** Questions per synthetic guide, like the real one. */
export const QUESTIONS_PER_GUIDE = 30;

const QUESTION_HEADING = /^#{4} \d+\. /m;
const TITLE_HEADING = /^### (.+)$/m;
const EXPLANATION = '**解析：**';

/** Guide slug → source text for `guideCount` synthetic guides made from `realSource`. */
export function synthesizeGuides(realSource: string, guideCount: number): Record<string, string> {
  const title = TITLE_HEADING.exec(realSource)?.[1];
  const questions = splitQuestions(realSource);
  if (!title || questions.length === 0) throw new Error('the real source has no title or questions to copy');
  const guides: Record<string, string> = {};
  for (let g = 1; g <= guideCount; g++) {
    const slug = `synthetic-${String(g).padStart(4, '0')}`;
    const body = Array.from({ length: QUESTIONS_PER_GUIDE }, (_, i) => {
      const n = i + 1;
      // Rotate through the real questions so neighbouring guides differ.
      const { heading, text } = questions[(i + g - 1) % questions.length]!;
      return `#### ${n}. ${heading}（第 ${g} 组）\n\n${withFormula(varyNumbers(text, g), g, n)}`;
    });
    guides[slug] = `### 合成指南 ${g}：${title}\n\n${body.join('\n\n')}\n`;
  }
  return guides;
}

interface SourceQuestion {
  heading: string;
  text: string;
}

function splitQuestions(source: string): SourceQuestion[] {
  const parts = source.split(QUESTION_HEADING).slice(1);
  return parts.map((part) => {
    const newline = part.indexOf('\n');
    return { heading: part.slice(0, newline).trim(), text: part.slice(newline + 1).trim() };
  });
}

/** Numbers inside prose change with the guide; list markers at a line's start stay. */
function varyNumbers(text: string, guide: number): string {
  return text.replace(/(?<!^|\n)(?<![\d.])(\d+)(?![\d.])/g, (digits) => String(Number(digits) + guide));
}

/**
 * Every third question gets an inline formula in its explanation, every sixth
 * a display formula too — about a third of the pages carry math.
 */
function withFormula(text: string, guide: number, n: number): string {
  if (n % 3 !== 0) return text;
  const temperature = (guide % 9) + 2;
  const inline = ` 软标签取温度 $T = ${temperature}$ 时，损失写作 $L = \\alpha L_{\\text{soft}} + (1 - \\alpha) L_{\\text{hard}}$。`;
  const display = n % 6 === 0 ? `\n\n$$\nq_i = \\frac{\\exp(z_i / ${temperature})}{\\sum_{j} \\exp(z_j / ${temperature})}\n$$` : '';
  const at = text.indexOf(EXPLANATION);
  if (at === -1) return text;
  const paragraphEnd = text.indexOf('\n\n', at);
  const end = paragraphEnd === -1 ? text.length : paragraphEnd;
  return `${text.slice(0, end)}${inline}${display}${text.slice(end)}`;
}
