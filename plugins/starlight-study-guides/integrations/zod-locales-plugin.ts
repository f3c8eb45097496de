import type { Plugin } from 'vite';

/** zod's index of its 60-odd locales, which `zod` and `zod/mini` re-export as `z.locales`. */
const ZOD_LOCALES = /\/node_modules\/zod\/v4\/locales\/index\.js$/;

/**
 * The browser's zod (client/progress-file.ts, loaded when a reader imports a
 * progress file) without `z.locales`: nothing in client code reads it (the
 * Chinese messages come from `zod/v4/locales/zh-CN.js`, imported directly), so
 * the bundle leaves it out anyway, but Rolldown would still load and parse its
 * 62 locale modules, two thirds of the client build's modules, on every build.
 * Code for the browser that wants a locale imports that locale's file.
 */
export function zodLocalesPlugin(): Plugin {
  return {
    name: 'study-guides-zod-locales',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    load: { filter: { id: ZOD_LOCALES }, handler: () => 'export {};' },
  };
}
