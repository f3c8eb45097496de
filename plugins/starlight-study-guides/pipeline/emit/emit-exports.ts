import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { z } from 'zod';
import { type GuideExport, guideExportSchema } from '../../model/export-schema.ts';
import { questionTitleText } from '../../model/guide.ts';
import type { GuideModel } from '../../model/guide-model.ts';
import { sitePath } from '../../model/pages.ts';
import { serializeMarkdown } from '../markdown-syntax.ts';

/** The guide as data: what `/exports/<guide>.json` holds (see export-schema.ts). */
export function guideExport(guide: GuideModel, siteUrl: URL): GuideExport {
  // Site paths start with `/`; below the base path they are relative.
  const url = (path: string) => new URL(path.slice(1), siteUrl).href;
  const section = (blocks: RootContent[]) => ({
    markdown: serializeMarkdown({ type: 'root', children: blocks }),
    text: blocks.map((b) => toString(b)).join('\n\n').trim(),
  });
  return {
    guide: guide.slug,
    title: guide.title,
    url: url(sitePath.guide(guide.slug)),
    questions: guide.questions.map((q) => ({
      number: q.number,
      title: questionTitleText(q.title),
      prompt: section(q.sections.prompt.blocks),
      answer: section(q.sections.answer.blocks),
      ...(q.sections.explanation ? { explanation: section(q.sections.explanation.blocks) } : {}),
      topic: guide.topicOf.get(q.number)!,
      url: url(sitePath.question(guide.slug, q.number)),
    })),
  };
}

export function emitExportJson(data: GuideExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The schema of the JSON export, as JSON Schema, for tools that validate it. */
export function emitExportJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(guideExportSchema), null, 2)}\n`;
}

/**
 * An Anki “Import File” text file: one note per line, fields separated by tabs
 * (front = question, back = answer + explanation, tags = topic). The header
 * lines tell Anki the separator, that fields are HTML and which column holds tags.
 */
export function emitAnkiTsv(data: GuideExport): string {
  const header = ['#separator:tab', '#html:true', '#tags column:3', '#columns:正面\t背面\t标签'];
  const rows = data.questions.map((q) => {
    const front = `${html(q.title)}<br><br>${html(q.prompt.text)}`;
    const explanation = q.explanation ? `<br><br><b>解析：</b>${html(q.explanation.text)}` : '';
    const back = `<b>答案：</b>${html(q.answer.text)}${explanation}<br><br><a href="${html(q.url)}">${html(q.url)}</a>`;
    const tags = [data.guide, q.topic].map((tag) => tag.replace(/\s+/g, '_')).join(' ');
    return [front, back, tags].join('\t');
  });
  return `${[...header, ...rows].join('\n')}\n`;
}

/** HTML-escaped, with line breaks as <br>, so a field never contains a tab or a newline. */
function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, ' ')
    .replace(/\r?\n/g, '<br>');
}
