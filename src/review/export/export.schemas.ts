import { z } from 'zod';
import { iso3Schema, languageSchema, queryBoolean } from '../../platform/platform.schemas.ts';

/** GET /api/v1/reviews/{id}/export.docx's query. */
export const exportQuery = z.object({
  lang: languageSchema.default('en').describe('the document’s language (labels, direction, fonts)'),
  reviewer: iso3Schema.optional().describe('one reviewing State’s outputs only; every reviewing State’s when absent'),
  answers: queryBoolean.optional().describe('add the answers to the questionnaire as an annex'),
});
