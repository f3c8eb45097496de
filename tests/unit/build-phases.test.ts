import { describe, expect, it } from 'vitest';
import { type BuildLines, buildPhases } from '../../scripts/bench/build-phases.ts';

/** Lines as `npm run build` prints them, each at the ms given; Astro's carry its time of day. */
const lines = (entries: [number, string][]): BuildLines => entries.map(([ms, text]) => ({ ms, text }));

const ASTRO: [number, string][] = [
  [3000, '05:45:00 [content] Syncing content'],
  [3200, '05:45:03 [content] Synced content'],
  [3300, '05:45:03 [build] Building static entrypoints...'],
  [5000, ' generating static routes '],
  [5100, '05:45:07   ├─ /index.html (+39ms) '],
  [6000, '05:45:07 ✓ Completed in 1.00s.'],
  [6050, '05:45:07 [build] Complete!'],
];

describe('build phases (the benchmark’s table)', () => {
  it('splits a build whose steps after Astro ran page by page, the last of three side by side ending their phase', () => {
    const phases = buildPhases(
      lines([
        ...ASTRO,
        [6150, '沿用上次的结果：Astro 的输出（135 个文件）与上次不同，逐页处理（0.1 s）'],
        [6700, '读取页面：37 个页面（Astro 渲染时已读取 30 个）（0.6 s）'],
        [6800, 'KaTeX 样式与字体：……（0.1 s）'],
        [6900, '页面脚本：……（0.2 s）'],
        [6950, 'Pagefind 读取页面：34 个页面（0.3 s）'],
        [7400, '链接检查与 CSP：……（0.5 s）'],
        [7450, '搜索索引：34 个页面（0.0 s）'],
      ]),
      7600,
    );
    expect(phases).toEqual({
      startAndGeneration: 3000,
      contentSync: 200,
      bundle: 1800,
      render: 1000,
      postProcessing: 50,
      afterBuildReplay: 100,
      afterBuildRead: 550,
      afterBuildPrepare: 250,
      afterBuildRewrite: 450,
      searchIndex: 200,
    });
  });

  it('puts all of a replayed run after Astro in its first phase, and none in the page-by-page ones', () => {
    const phases = buildPhases(lines([...ASTRO, [6200, '沿用上次的结果：Astro 的输出与上次相同：写回上次处理后的 106 个文件（0.0 s）']]), 6200);
    expect(phases.afterBuildReplay).toBe(150);
    expect([phases.afterBuildRead, phases.afterBuildPrepare, phases.afterBuildRewrite, phases.searchIndex]).toEqual([0, 0, 0, 0]);
  });

  it('gives plain Starlight, which prints none of our lines, only its exit after Astro’s last line, in the last phase', () => {
    const phases = buildPhases(lines(ASTRO), 6400);
    expect([phases.afterBuildReplay, phases.afterBuildRead, phases.afterBuildPrepare, phases.afterBuildRewrite]).toEqual([0, 0, 0, 0]);
    expect(phases.searchIndex).toBe(350);
  });
});
