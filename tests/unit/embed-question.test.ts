import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { renderFormula } from '../../plugins/starlight-study-guides/rehype/render-formula.ts';
import { embedQuestionHtml } from '../../plugins/starlight-study-guides/utils/embed-question.ts';

const question = [
  '<section class="study-section" data-section="answer">',
  '<div class="sl-heading-wrapper level-h2"><h2 id="answer">答案</h2><a class="sl-anchor-link" href="#answer">链接</a></div>',
  '<div class="study-section-body"><h3 id="detail">细节</h3><p>见<a href="#references">参考文献</a>和<a href="../7/#answer">第 7 题</a>。</p></div>',
  '</section>',
  '<section class="study-section" data-section="formulas"><h2 id="formulas" class="added-section">公式</h2>',
  '<label for="t">温度</label><input id="t" aria-describedby="t-help hint"><output for="t"></output>',
  '<script type="module">run()</script></section>',
].join('');

describe('embedQuestionHtml', () => {
  const embedded = embedQuestionHtml(question, { prefix: 'q6-' });

  it('prefixes every id and every same-page link and reference to one, so thirty questions share a page', () => {
    expect(embedded).toContain('<h3 id="q6-answer">');
    expect(embedded).toContain('<a href="#q6-references">');
    expect(embedded).toContain('<label for="q6-t">');
    expect(embedded).toContain('<input id="q6-t" aria-describedby="q6-t-help q6-hint">');
    expect(embedded).toContain('<output for="q6-t">');
  });

  it('leaves links to other pages alone', () => {
    expect(embedded).toContain('<a href="../7/#answer">');
  });

  it('moves every heading one level down, with Starlight’s level class', () => {
    expect(embedded).toContain('<div class="sl-heading-wrapper level-h3"><h3 id="q6-answer">');
    expect(embedded).toContain('<h4 id="q6-detail">');
    expect(embedded).not.toMatch(/<h2[ >]/);
  });

  it('drops scripts, so widgets keep their static form', () => {
    expect(embedded).not.toContain('<script');
    expect(embedded).not.toContain('run()');
  });

  it('drops the headings’ anchor links: sections are linked to on the question pages', () => {
    expect(embedded).not.toContain('sl-anchor-link');
    expect(embedded).not.toContain('链接');
  });

  it('leaves out the top-level sections it is told to', () => {
    const reviewed = embedQuestionHtml(question, { prefix: 'q6-', omitSections: new Set(['formulas']) });
    expect(reviewed).toContain('data-section="answer"');
    expect(reviewed).not.toContain('data-section="formulas"');
    expect(reviewed).not.toContain('公式');
  });

  it('embeds a question once more with another prefix or other sections left out, as the print and review pages do', () => {
    expect(embedQuestionHtml(question, { prefix: 'q7-' })).toBe(embedded.replaceAll('q6-', 'q7-'));
    const reviewed = embedQuestionHtml(question, { prefix: 'q6-', omitSections: new Set(['formulas']) });
    expect(embedQuestionHtml(question, { prefix: 'q6-' })).toBe(embedded);
    expect(embedded.startsWith(reviewed)).toBe(true);
    expect(reviewed.length).toBeLessThan(embedded.length);
  });

  it('keeps every formula byte for byte, the text around it, and rewrites what comes after it', () => {
    const inline = renderFormula('p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}', false);
    const display = renderFormula('\\sqrt{\\left(\\frac{a}{b}\\right)}', true);
    expect(inline.startsWith('<span class="katex">')).toBe(true);
    const withFormulas = `<section data-section="answer"><p>设 ${inline}，则</p>${display}<h3 id="after">其后</h3><p>再见 ${katex.renderToString('x')} 与<a href="#after">其后</a>。</p></section>`;
    const embeddedFormulas = embedQuestionHtml(withFormulas, { prefix: 'q8-' });
    expect(embeddedFormulas).toContain(`<p>设 ${inline}，则</p>${display}<h4 id="q8-after">其后</h4>`);
    expect(embeddedFormulas).toContain(`<p>再见 ${katex.renderToString('x')} 与<a href="#q8-after">其后</a>。</p>`);
  });
});
