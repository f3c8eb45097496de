/**
 * Writes the service worker of a built site; `npm run build` runs it after the search index:
 *
 *   node scripts/build-service-worker.ts [dist]
 *
 * The base path comes from BASE, as in astro.config.mjs.
 */
import { resolve } from 'node:path';
import { buildServiceWorker } from '../plugins/starlight-study-guides/integrations/service-worker.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const { files, bytes } = await buildServiceWorker(dist, process.env.BASE ?? '/');
console.log(`离线缓存：${files} 个文件（${(bytes / 1024 / 1024).toFixed(1)} MB）`);
