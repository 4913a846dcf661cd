/**
 * The accessibility check every browser test runs (axe with the WCAG 2.2 AA
 * rules), in one place, at a third of the cost of AxeBuilder's default:
 * - axe runs in the page itself (`setLegacyMode`), not per frame with the
 *   results merged in a second, blank page that loads axe again; the pages
 *   tested have no frames, and a page with one is refused rather than half
 *   checked;
 * - only violations are described (`resultTypes`): the same rules run and
 *   the same violations come back, but the nodes of passed rules are not
 *   each given a selector.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rule tags of WCAG 2.2 level AA, as axe names them. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The WCAG 2.2 AA violations on a page as `rule: target, target`, empty when
 * it passes; `include` limits the check to the elements matching a selector.
 */
export async function findAxeViolations(page: Page, include?: string): Promise<string[]> {
  if (page.frames().length > 1) throw new Error(`${page.url()} has frames, which findAxeViolations does not check: use AxeBuilder without setLegacyMode.`);
  // options() replaces every option, withTags' too: it comes first.
  const builder = new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_22_AA)
    .setLegacyMode(true);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
