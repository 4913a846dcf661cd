/** The redline's Russian labels, for redline unit tests. */
import type { RedlineLabels } from '../../src/lib/redline/render-redline.ts';
import { getUiStrings } from '../../src/lib/ui-strings.ts';

export const LABELS: RedlineLabels = getUiStrings('ru').diff.labels;
