import { describe, expect, it } from 'vitest';
import { parseProgress } from '../../plugins/starlight-study-guides/client/study-storage.ts';

describe('progress storage', () => {
  it('reads back what the site stores', () => {
    expect(parseProgress('{"6":"known","12":"review"}')).toEqual(new Map([[6, 'known'], [12, 'review']]));
  });

  it('treats garbage as no progress instead of failing', () => {
    for (const raw of [null, '', 'not json', '[1,2]', 'null', '42', '"known"', '{"6":"maybe","x":"known","-1":"known","2.5":"review"}']) {
      expect(parseProgress(raw), String(raw)).toEqual(new Map());
    }
  });

  it('keeps the valid entries of a partly damaged value', () => {
    expect(parseProgress('{"6":"known","7":{"a":1},"8":"review"}')).toEqual(new Map([[6, 'known'], [8, 'review']]));
  });
});
