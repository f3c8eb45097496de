import { SERVICE_WORKER_FILE } from '../model/pages.ts';
import { joinBase } from '../model/site-url.ts';
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

/**
 * Inlined in the head of every page of a built site: registers the service
 * worker (integrations/service-worker.ts) once the page has loaded, so it
 * never competes with the page for the network.
 */
export function serviceWorkerScript(base: string): string {
  const url = JSON.stringify(joinBase(base, SERVICE_WORKER_FILE));
  const scope = JSON.stringify(joinBase(base, ''));
  return `if ('serviceWorker' in navigator) addEventListener('load', () => navigator.serviceWorker.register(${url}, { scope: ${scope} }).catch(() => {}));`;
}
