// Zod compiles object parsers with `new Function` unless told not to, and decides so when each schema
// is built; the site's CSP forbids eval, and even the probe it catches is reported as a violation.
// Imported before any module that builds a schema (ES modules run in import order).
import * as z from 'zod/mini';

z.config({ jitless: true });
