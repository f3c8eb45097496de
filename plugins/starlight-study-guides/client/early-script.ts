import { SELF_TEST_KEY } from './study-storage.ts';

/**
 * Inlined in every page's head (tiny, so no render-blocking request), before
 * first paint: `data-js` keeps the place of the controls that scripts show,
 * and self-test mode hides answers. Where storage is blocked, self-test stays
 * off and everything is visible.
 */
export const EARLY_SCRIPT = `document.documentElement.setAttribute('data-js', '');
try {
  if (localStorage.getItem(${JSON.stringify(SELF_TEST_KEY)}) === 'on') document.documentElement.setAttribute('data-self-test', '');
} catch {}`;
