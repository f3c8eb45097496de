import { join } from 'node:path';
import { EXPORTS_DIR } from '../model/pages.ts';

/** Where a site's guides are read from and its generated pages go. */
export interface ContentPaths {
  /** Folder with one sub-folder per guide, each holding `source.md`. */
  guidesDir: string;
  /** Starlight's docs folder; owned entirely by this script. */
  contentDir: string;
  /** Folder for the downloadable exports, copied into the site as `/exports/`; owned by this script. */
  exportsDir?: string;
  /** Folder of the modules coding problems name as their solution (src/math); it need not exist when no guide has coding problems. */
  solutionsDir: string;
}

export const defaultPaths = (root: string): ContentPaths => ({
  guidesDir: join(root, 'src/guides'),
  contentDir: join(root, 'src/content/docs'),
  exportsDir: join(root, 'public', EXPORTS_DIR),
  solutionsDir: join(root, 'src/math'),
});
