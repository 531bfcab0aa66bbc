/** The stages in their order (the progress bar and the counts). */
export const STAGES = ['nominating', 'answering', 'desk_review', 'observations', 'summary', 'completed'] as const;
/** The actions that move a review to its next stage (buttons on the review page; the others are taken on their own pages). */
export const STAGE_ACTIONS = ['open_questionnaire', 'submit_answers', 'begin_observations', 'begin_summary', 'complete'] as const;
