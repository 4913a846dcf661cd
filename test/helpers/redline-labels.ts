/** The redline's Russian labels, for redline unit tests. */
import type { RedlineLabels } from '#lib/redline/render-redline.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';

export const LABELS: RedlineLabels = getUiStrings('ru').diff.labels;
