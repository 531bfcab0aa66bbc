import { platformUi } from '../platform/ui/platform.ui-manifest.ts';
import { casesUi } from '../cases/ui/cases.ui-manifest.ts';
import { caseStatsUi } from '../cases/ui/stats/case-stats.ui-manifest.ts';
import { directoryUi } from '../directory/ui/directory.ui-manifest.ts';
import { draftingUi } from '../drafting/ui/drafting.ui-manifest.ts';
import { knowledgeUi } from '../knowledge/ui/knowledge.ui-manifest.ts';
import { referenceUi } from '../reference/ui/reference.ui-manifest.ts';
import { reviewAdminUi } from '../review/ui/admin/reviewAdmin.ui-manifest.ts';
import { reviewAnalysisUi } from '../review/ui/analysis/reviewAnalysis.ui-manifest.ts';
import { reviewUi } from '../review/ui/core/review.ui-manifest.ts';
import { reviewDeskUi } from '../review/ui/desk/reviewDesk.ui-manifest.ts';
import { reviewQuestionnaireUi } from '../review/ui/questionnaire/reviewQuestionnaire.ui-manifest.ts';
import type { UiManifest } from '../web/manifest.ts';
import { mountUi } from '../web/main.tsx';

/**
 * The composition root of the web UI, and the page's entry point (src/web/index.html): the modules whose pages,
 * navigation, home cards, slots and texts the shell shows. A new module adds one line here.
 */
export const UI_MODULES: readonly UiManifest[] = [platformUi, referenceUi, knowledgeUi, directoryUi, draftingUi, casesUi, caseStatsUi,
  reviewUi, reviewAdminUi, reviewQuestionnaireUi, reviewDeskUi, reviewAnalysisUi,
];

void mountUi(UI_MODULES);
