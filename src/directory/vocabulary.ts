/** The directory's vocabularies (API values), shared by the server and the web UI: constants only. */

export const CATEGORIES = ['central-authority', 'competent-authority', 'informal-channel', 'focal-point', 'firearms-poc'] as const;
export type Category = (typeof CATEGORIES)[number];
/** Part 1 of the directory is the central authorities; part 2 everything else that acts on requests. */
export const PART_OF: Record<Category, 1 | 2 | null> = {
  'central-authority': 1,
  'competent-authority': 2,
  'informal-channel': 2,
  'focal-point': null,
  'firearms-poc': null,
};

export const SUBTYPES = [
  'ministry-of-justice', 'prosecution-service', 'court', 'ministry-of-foreign-affairs', 'ministry-of-interior', 'police',
  'fiu', 'asset-recovery-office', 'customs', 'liaison-officer', 'regional-network', 'national-body', 'other',
] as const;

export const FUNCTIONS = [
  'mla', 'extradition', 'confiscation', 'transfer-of-sentenced-persons', 'transfer-of-proceedings',
  'police-information', 'financial-intelligence', 'asset-recovery', 'review-focal-point', 'firearms',
] as const;

export const NOTIFICATION_TYPES = ['art16-5-a', 'art18-13', 'art18-14', 'reservation', 'declaration', 'other'] as const;
export const PROVENANCE_TYPES = ['depositary-notification', 'note-verbale', 'focal-point-update', 'secretariat', 'import', 'demo'] as const;

