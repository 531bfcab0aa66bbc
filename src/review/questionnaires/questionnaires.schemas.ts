import { z } from 'zod';
import { LANGUAGES } from '../../platform/i18n/languages.ts';
import { int4, isoDate, text } from '../../platform/platform.schemas.ts';
import { ANSWER_TYPES, CONSULTATION_SECTORS, TA_CATEGORIES } from '../review.vocabulary.ts';

/**
 * The questionnaires' API shapes: question sets (the same document shape is the CLI's import/export format and the
 * standard questionnaires' data files), the answer value of each answer type, the review's questionnaire with its
 * answers, and the national consultation. Every text is bounded and NUL-free, so bad input is a 400, never a 500.
 */

const INSTRUMENTS = ['UNTOC', 'TIP', 'SOM', 'FIR'] as const;
export const instrumentCode = z.enum(INSTRUMENTS);
export const clusterCode = z.string().regex(/^[a-z][a-z-]{2,60}$/, 'must be a cluster code such as criminalization-jurisdiction');
export const languageParam = z.enum(LANGUAGES);

/** Texts by language: at least one, each bounded. */
const byLanguage = (max: number) => z.partialRecord(z.enum(LANGUAGES), text(max).pipe(z.string().trim().min(1, 'must not be empty')));
const someLanguage = (max: number) => byLanguage(max).refine((t) => Object.keys(t).length > 0, 'give the text in at least one language');

export const questionInput = z.object({
  key: z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'must be a stable key such as UNTOC-5-1 (letters, digits . _ -)'),
  article: int4(1, 1000),
  paragraph: text(40).nullable().optional(),
  answerType: z.enum(ANSWER_TYPES),
  texts: someLanguage(4000),
  guidance: byLanguage(4000).optional(),
});
export type QuestionInput = z.infer<typeof questionInput>;

export const questionSetDocument = z.object({
  instrument: instrumentCode,
  cluster: clusterCode,
  title: someLanguage(300),
  questions: z.array(questionInput).min(1, 'a question set has at least one question').max(200)
    .refine((qs) => new Set(qs.map((q) => q.key)).size === qs.length, 'each question key appears once in a set'),
});
export type QuestionSetDocument = z.infer<typeof questionSetDocument>;
/** The file format (CLI import/export, data/*.json). */
export const questionSetFile = z.object({ sets: z.array(questionSetDocument).min(1).max(50) });
export type QuestionSetFile = z.infer<typeof questionSetFile>;

export const setIdParam = z.object({ id: z.uuid('must be a question set id (UUID)') });
export const SET_STATUSES = ['draft', 'published', 'superseded'] as const;
export const setListQuery = z.object({
  instrument: instrumentCode.optional(),
  cluster: clusterCode.optional(),
  status: z.enum([...SET_STATUSES, 'all']).default('published').describe('default published; drafts only for the secretariat'),
  lang: languageParam.optional(),
});
export const langQuery = z.object({ lang: languageParam.optional().describe('the viewer’s language first; other languages as a fallback, named') });

export const newSetBody = z.object({
  instrument: instrumentCode,
  cluster: clusterCode,
  /** Copy the questions of this version (default: the latest version of the instrument and cluster), or give them. */
  fromSetId: z.uuid().optional(),
  document: questionSetDocument.omit({ instrument: true, cluster: true }).optional(),
});
export const editSetBody = questionSetDocument.omit({ instrument: true, cluster: true });

const localized = z.object({ text: z.string(), lang: z.string(), fallback: z.boolean().describe('true when the text is not in the language asked for') });
export const questionDto = z.object({
  id: z.string(),
  key: z.string(),
  article: z.number(),
  paragraph: z.string().nullable(),
  ordinal: z.number(),
  answerType: z.enum(ANSWER_TYPES),
  text: localized,
  guidance: localized.nullable(),
  texts: z.record(z.string(), z.string()).describe('every language'),
  contentSha256: z.string(),
}).meta({ id: 'ReviewQuestion' });
export const questionSetDto = z.object({
  id: z.string(),
  instrument: z.string(),
  cluster: z.string(),
  version: z.number(),
  status: z.enum(SET_STATUSES),
  title: localized,
  titles: z.record(z.string(), z.string()),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  questionCount: z.number(),
}).meta({ id: 'ReviewQuestionSet' });
export const questionSetWithQuestionsDto = questionSetDto.extend({ questions: z.array(questionDto) }).meta({ id: 'ReviewQuestionSetWithQuestions' });

// ——— answers ———

const citation = text(1000).pipe(z.string().trim().min(1, 'must not be empty'));
/** The value of an answer, by the question's answer type (checked in the service, which knows the type). */
export const answerValueSchemas = {
  yes_no_partly: z.object({ choice: z.enum(['yes', 'no', 'partly']), explanation: text(10000).default('') }).strict()
    .refine((v) => v.choice === 'yes' || v.explanation.trim().length > 0, { message: 'explain a “no” or “partly” answer', path: ['explanation'] }),
  legislation: z.object({
    records: z.array(z.uuid('must be a knowledge record id')).max(50).default([]),
    citations: z.array(citation).max(50).default([]),
  }).strict().refine((v) => v.records.length + v.citations.length > 0, { message: 'attach at least one law or cite one', path: ['records'] }),
  cases: z.object({
    items: z.array(z.object({
      title: text(300).pipe(z.string().trim().min(1, 'must not be empty')),
      summary: text(5000).pipe(z.string().trim().min(1, 'must not be empty')),
      year: int4(1900, 2200).optional(),
    }).strict()).min(1, 'give at least one case').max(30),
  }).strict(),
  statistics: z.object({
    rows: z.array(z.object({
      label: text(300).pipe(z.string().trim().min(1, 'must not be empty')),
      value: z.number().finite(),
      period: text(100).pipe(z.string().trim().min(1, 'must not be empty')),
      source: text(300).pipe(z.string().trim().min(1, 'must not be empty')),
    }).strict()).min(1, 'give at least one figure').max(100),
  }).strict(),
  ta_needs: z.object({
    items: z.array(z.object({ category: z.enum(TA_CATEGORIES), description: text(3000).pipe(z.string().trim().min(1, 'must not be empty')) }).strict()).max(30),
  }).strict(),
  text: z.object({ text: text(20000).pipe(z.string().trim().min(1, 'must not be empty')) }).strict(),
} as const;

export const answerParams = z.object({ id: z.uuid('must be a review id (UUID)'), questionId: z.uuid('must be a question id (UUID)') });
export const answerBody = z.object({
  value: z.record(z.string(), z.unknown()).describe('by answer type: yes_no_partly {choice, explanation}; legislation {records, citations}; cases {items}; statistics {rows}; ta_needs {items}; text {text}'),
  version: int4(1).optional().describe('the version you read (required to change an existing answer)'),
  prefilledFrom: z.uuid().optional().describe('the previous cycle’s answer this one was taken from'),
});

const person = z.object({ id: z.string().nullable(), name: z.string() });
export const answerDto = z.object({
  id: z.string(),
  questionId: z.string(),
  value: z.unknown(),
  version: z.number(),
  prefilledFrom: z.string().nullable(),
  updatedBy: person,
  updatedAt: z.string(),
}).meta({ id: 'ReviewAnswer' });

const legislationRef = z.object({ id: z.string(), title: z.string(), date: z.string().nullable() });
export const questionnaireDto = z.object({
  reviewId: z.string(),
  reviewed: z.string(),
  stage: z.string(),
  opened: z.boolean().describe('false until the questionnaire opens (question sets fixed)'),
  canAnswer: z.boolean().describe('the viewer may save answers now'),
  progress: z.object({ answered: z.number(), total: z.number() }),
  instruments: z.array(z.object({
    instrument: z.string(),
    set: z.object({ id: z.string(), version: z.number(), title: localized }),
    articles: z.array(z.object({
      article: z.number(),
      legislation: z.array(legislationRef).describe('the knowledge portal’s legislation of the reviewed State linked to this article (offered)'),
      questions: z.array(questionDto.extend({
        answer: answerDto.nullable(),
        previous: z.object({ answerId: z.string(), cycle: z.string(), value: z.unknown(), updatedAt: z.string() }).nullable()
          .describe('the same question (key and content) answered in a previous cycle: offered as a pre-fill'),
      })),
    })),
  })),
  excluded: z.array(z.object({ instrument: z.string(), article: z.number(), reason: z.string() })).describe('articles not reviewed for this State (e.g. UNTOC 8–9 for UNCAC parties)'),
}).meta({ id: 'ReviewQuestionnaire' });

// ——— national consultation ———

export const consultationBody = z.object({
  bodyName: text(300).pipe(z.string().trim().min(1, 'must name the body consulted')),
  sector: z.enum(CONSULTATION_SECTORS),
  consultedOn: isoDate.optional(),
  note: text(5000).default(''),
});
export const consultationDto = z.object({
  id: z.string(),
  bodyName: z.string(),
  sector: z.enum(CONSULTATION_SECTORS),
  consultedOn: z.string().nullable(),
  note: z.string(),
  addedBy: z.string().nullable(),
  addedAt: z.string(),
}).meta({ id: 'ReviewConsultation' });
