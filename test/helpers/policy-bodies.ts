/** The bodies of the policy files under a folder, for tests that run real texts through the pipeline. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCanonicalText } from '#lib/corpus/canonical-text.ts';
import { splitFrontMatter } from '#lib/corpus/front-matter-yaml.ts';
import { ROOT } from './build-site.ts';

/** `[path relative to the root, body]` of every `.md` file under a folder of the project, sorted by path. */
export function bodiesUnder(folder: string): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) walk(path);
      else if (entry.name.endsWith('.md') && entry.name !== 'README.md') {
        const split = splitFrontMatter(toCanonicalText(readFileSync(path, 'utf8')));
        if (split.ok) found.push([path.slice(ROOT.length + 1), split.file.body]);
      }
    }
  };
  walk(join(ROOT, folder));
  return found;
}
