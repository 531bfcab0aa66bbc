/**
 * The demo directory's content. Institutions are real; EVERY contact detail is fictitious: addresses on
 * example.org / .invalid, telephone numbers beginning +00, people called "Demo Officer", and the marker
 * [FICTITIOUS] wherever a person or an address appears. Notification texts are demo summaries, not the
 * depositary's text. Dates are relative to the day the demo is loaded, so some entries are always stale.
 */

const F = '[FICTITIOUS]';
const DEMO = { type: 'demo' as const, reference: 'Palermo demo dataset — fictitious contact details', date: null };

function monthsAgo(n: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
}
const RECENT = () => monthsAgo(2);
const STALE = () => monthsAgo(20);

function contacts(slug: string, n: number, langs: string[]) {
  return {
    postalAddress: `${F} ${n} Demo Street, Demo City (not a real address)`,
    phone: `+00 ${String(n).padStart(3, '0')} 000 0001`,
    fax: `+00 ${String(n).padStart(3, '0')} 000 0002`,
    email: `${slug}@demo-directory.example.org`,
    website: `https://${slug}.example.org/`,
    officeHours: 'Mon–Fri 09:00–17:00',
    contactPersons: [
      { name: `Demo Officer ${n} ${F}`, title: 'Head of unit (demo)', email: `demo.officer.${slug}@example.org`, phone: `+00 ${String(n).padStart(3, '0')} 000 0010`, languages: langs },
      { name: `Demo Deputy ${n} ${F}`, title: 'Duty officer (demo)', email: `duty.${slug}@demo.invalid`, phone: `+00 ${String(n).padStart(3, '0')} 000 0011`, languages: ['en'] },
    ],
  };
}

export function demoAuthorities(): Array<Record<string, unknown>> {
  const ca = (iso3: string, n: number, name: string, extra: Record<string, unknown>) => ({
    iso3,
    category: 'central-authority',
    subtype: 'ministry-of-justice',
    name,
    instruments: ['UNTOC:18:13', 'DRUG1988:7:8'],
    provenance: DEMO,
    lastVerified: RECENT(),
    ...contacts(`ca-${iso3.toLowerCase()}`, n, (extra.languages as string[] | null) ?? ['en']),
    ...extra,
  });
  const part2 = (iso3: string, n: number, subtype: string, name: string, extra: Record<string, unknown>) => ({
    iso3,
    category: 'competent-authority',
    subtype,
    name,
    provenance: DEMO,
    lastVerified: RECENT(),
    ...contacts(`${subtype}-${iso3.toLowerCase()}-${n}`, n, ['en']),
    ...extra,
  });
  const network = (n: number, name: string, members: string[], extra: Record<string, unknown>) => ({
    iso3: null,
    category: 'informal-channel',
    subtype: 'regional-network',
    name,
    memberStates: members,
    provenance: DEMO,
    lastVerified: RECENT(),
    ...contacts(`network-${n}`, n, ['en']),
    ...extra,
  });
  const focal = (iso3: string, n: number, name: string, langs: string[], verified: string | null) => ({
    iso3,
    category: 'focal-point',
    subtype: 'ministry-of-foreign-affairs',
    name,
    functions: ['review-focal-point'],
    instruments: ['UNTOC:32'],
    provenance: DEMO,
    lastVerified: verified,
    ...contacts(`focal-${iso3.toLowerCase()}`, n, langs),
  });
  const firearms = (iso3: string, n: number, name: string) => ({
    iso3,
    category: 'firearms-poc',
    subtype: 'national-body',
    name,
    functions: ['firearms'],
    instruments: ['FIR:13:2'],
    provenance: DEMO,
    lastVerified: RECENT(),
    ...contacts(`firearms-${iso3.toLowerCase()}`, n, ['en']),
  });

  return [
    ca('FRA', 1, 'Ministère de la Justice — Bureau de l’entraide pénale internationale', {
      nameLang: 'fr',
      names: { en: 'Ministry of Justice — Office for International Mutual Legal Assistance in Criminal Matters', fr: 'Ministère de la Justice — Bureau de l’entraide pénale internationale' },
      functions: ['mla', 'extradition', 'confiscation', 'transfer-of-sentenced-persons', 'transfer-of-proceedings'],
      languages: ['fr'],
      channels: ['diplomatic', 'post', 'email'],
      encryptionRequired: false,
      eSignatureRequired: false,
      directTransmission: true,
      interpolForUrgent: true,
      interpolScope: 'Urgent requests for provisional arrest may be sent through INTERPOL, followed by the formal request.',
      available24x7: false,
      timeZone: 'Europe/Paris',
      requirements: [
        'Requests and all annexes must be in French or accompanied by a French translation.',
        'No apostille or legalisation is needed for requests under the Convention.',
        'Coercive measures require that the facts are punishable under French law (dual criminality).',
      ],
      guideLinks: [{ title: 'UNODC Mutual Legal Assistance Request Writer Tool', url: 'https://www.unodc.org/mla/' }],
    }),
    ca('CHN', 2, '中华人民共和国司法部（国际合作局）', {
      nameLang: 'zh',
      names: { zh: '中华人民共和国司法部（国际合作局）', en: 'Ministry of Justice of the People’s Republic of China (Department of International Cooperation)' },
      functions: ['mla', 'extradition', 'confiscation', 'transfer-of-sentenced-persons'],
      languages: ['zh', 'en'],
      channels: ['diplomatic', 'post', 'secure-electronic'],
      encryptionRequired: true,
      eSignatureRequired: true,
      directTransmission: true,
      interpolForUrgent: true,
      available24x7: false,
      timeZone: 'Asia/Shanghai',
      requirements: [
        'Requests in a language other than Chinese must be accompanied by a Chinese translation.',
        'Electronic transmission only through the agreed secure channel, with an electronic signature.',
        'The requesting State undertakes reciprocity and respects limits on the use of evidence.',
      ],
      guideLinks: [{ title: 'UNODC Mutual Legal Assistance Request Writer Tool', url: 'https://www.unodc.org/mla/' }],
    }),
    ca('NGA', 3, 'Federal Ministry of Justice — Central Authority Unit', {
      functions: ['mla', 'extradition', 'confiscation'],
      languages: ['en'],
      channels: ['diplomatic', 'post', 'email', 'interpol'],
      directTransmission: true,
      interpolForUrgent: true,
      available24x7: true,
      timeZone: 'Africa/Lagos',
      requirements: ['Requests must be sworn or certified by the issuing judicial authority.'],
    }),
    ca('MEX', 4, 'Fiscalía General de la República — Dirección General de Procedimientos Internacionales', {
      nameLang: 'es',
      names: { es: 'Fiscalía General de la República — Dirección General de Procedimientos Internacionales', en: 'Office of the Attorney General — Directorate-General for International Procedures' },
      functions: ['mla', 'extradition', 'confiscation'],
      languages: ['es'],
      channels: ['diplomatic', 'post', 'email'],
      directTransmission: true,
      interpolForUrgent: true,
      available24x7: false,
      timeZone: 'America/Mexico_City',
      requirements: ['Requests and annexes in Spanish or with a Spanish translation.'],
    }),
    ca('EGY', 5, 'وزارة العدل — قطاع التعاون الدولي', {
      nameLang: 'ar',
      names: { ar: 'وزارة العدل — قطاع التعاون الدولي', en: 'Ministry of Justice — International Cooperation Sector' },
      functions: ['mla', 'extradition', 'confiscation'],
      languages: ['ar', 'en'],
      channels: ['diplomatic', 'post'],
      directTransmission: false,
      available24x7: false,
      timeZone: 'Africa/Cairo',
      requirements: ['Requests go through the diplomatic channel unless a treaty provides otherwise.'],
      lastVerified: STALE(),
    }),
    ca('DEU', 6, 'Bundesamt für Justiz', {
      nameLang: 'de',
      names: { en: 'Federal Office of Justice', fr: 'Office fédéral de la justice' },
      functions: ['mla', 'extradition', 'confiscation', 'transfer-of-sentenced-persons'],
      languages: ['de'],
      channels: ['diplomatic', 'post', 'email', 'secure-electronic'],
      directTransmission: true,
      interpolForUrgent: true,
      available24x7: false,
      timeZone: 'Europe/Berlin',
      requirements: ['Requests with a German translation.'],
    }),
    ca('ITA', 7, 'Ministero della Giustizia — Ufficio II, Cooperazione internazionale', {
      nameLang: 'it',
      names: { en: 'Ministry of Justice — Office II, International Cooperation' },
      functions: ['mla', 'extradition', 'confiscation'],
      // Languages and channels deliberately not recorded: the demo's "unknown" case.
      languages: null,
      channels: null,
      lastVerified: null,
    }),
    ca('BRA', 8, 'Ministério da Justiça e Segurança Pública — Departamento de Recuperação de Ativos e Cooperação Jurídica Internacional', {
      nameLang: 'pt',
      names: { en: 'Ministry of Justice and Public Security — Department of Asset Recovery and International Legal Cooperation', es: 'Ministerio de Justicia y Seguridad Pública — Departamento de Recuperación de Activos y Cooperación Jurídica Internacional' },
      functions: ['mla', 'confiscation', 'extradition'],
      languages: ['pt', 'es', 'en'],
      channels: ['post', 'email', 'secure-electronic'],
      directTransmission: true,
      available24x7: false,
      timeZone: 'America/Sao_Paulo',
      requirements: ['Requests in Portuguese or with a Portuguese translation; English and Spanish accepted under some treaties.'],
    }),
    ca('ZAF', 9, 'Department of Justice and Constitutional Development — International Legal Relations', {
      functions: ['mla', 'extradition', 'confiscation'],
      languages: ['en'],
      channels: ['diplomatic', 'post', 'email'],
      directTransmission: true,
      available24x7: false,
      timeZone: 'Africa/Johannesburg',
    }),
    ca('USA', 10, 'U.S. Department of Justice — Criminal Division, Office of International Affairs', {
      functions: ['mla', 'extradition', 'confiscation'],
      languages: ['en'],
      channels: ['post', 'email', 'diplomatic'],
      directTransmission: true,
      interpolForUrgent: true,
      available24x7: true,
      timeZone: 'America/New_York',
      requirements: ['Requests for content of communications must establish probable cause.'],
    }),

    part2('FRA', 11, 'fiu', 'TRACFIN (Traitement du renseignement et action contre les circuits financiers clandestins)', {
      functions: ['financial-intelligence'],
      canDo: 'Exchanges financial intelligence with foreign financial intelligence units (Egmont Group channel).',
      cannotDo: 'Intelligence only: no evidence for court, no freezing on a foreign request.',
      languages: ['fr', 'en'],
      channels: ['secure-electronic'],
    }),
    part2('FRA', 12, 'police', 'Direction centrale de la police judiciaire — Section centrale de coopération opérationnelle de police (INTERPOL NCB Paris)', {
      functions: ['police-information'],
      canDo: 'Police-to-police information only; urgent tracing and provisional-arrest notices through INTERPOL.',
      cannotDo: 'Cannot obtain evidence for use in court: that needs a mutual legal assistance request.',
      available24x7: true,
      channels: ['interpol', 'secure-electronic'],
    }),
    part2('FRA', 13, 'asset-recovery-office', 'Agence de gestion et de recouvrement des avoirs saisis et confisqués (AGRASC)', {
      functions: ['asset-recovery'],
      canDo: 'Manages seized assets and executes confiscation; CARIN contact point.',
      cannotDo: 'Does not receive mutual legal assistance requests.',
    }),
    part2('CHN', 14, 'police', '公安部国际合作局（国际刑警组织中国国家中心局）', {
      nameLang: 'zh',
      names: { en: 'Ministry of Public Security — International Cooperation Department (INTERPOL NCB Beijing)' },
      functions: ['police-information'],
      canDo: 'Police-to-police information only.',
      cannotDo: 'No evidence for court; formal requests go to the central authority.',
      available24x7: true,
      channels: ['interpol'],
    }),
    part2('NGA', 15, 'fiu', 'Nigerian Financial Intelligence Unit', {
      functions: ['financial-intelligence'],
      canDo: 'FIU-to-FIU exchange of financial intelligence.',
      cannotDo: 'Intelligence only, not admissible as evidence.',
    }),
    part2('NGA', 16, 'police', 'Economic and Financial Crimes Commission — International Cooperation', {
      functions: ['police-information', 'asset-recovery'],
      canDo: 'Law-enforcement information exchange; asset tracing support.',
      cannotDo: 'Formal evidence and confiscation need the central authority.',
    }),
    part2('MEX', 17, 'fiu', 'Unidad de Inteligencia Financiera', { nameLang: 'es', functions: ['financial-intelligence'], canDo: 'Financial intelligence exchange.', cannotDo: 'Intelligence only.' }),
    part2('DEU', 18, 'police', 'Bundeskriminalamt (INTERPOL NCB Wiesbaden)', { nameLang: 'de', functions: ['police-information'], canDo: 'Police-to-police information only.', cannotDo: 'No evidence for court.', available24x7: true }),
    part2('ITA', 19, 'prosecution-service', 'Direzione Nazionale Antimafia e Antiterrorismo', { nameLang: 'it', functions: ['mla'], canDo: 'Coordinates investigations into organized crime; direct contact between prosecutors.', cannotDo: 'Does not replace the central authority for formal requests.' }),
    part2('USA', 20, 'fiu', 'Financial Crimes Enforcement Network (FinCEN)', { functions: ['financial-intelligence'], canDo: 'FIU-to-FIU exchange.', cannotDo: 'Intelligence only.' }),

    network(21, 'West African Network of Central Authorities and Prosecutors (WACAP)', ['NGA', 'BEN', 'BFA', 'CIV', 'GHA', 'GIN', 'MLI', 'NER', 'SEN', 'TGO', 'GMB', 'LBR', 'SLE', 'CPV', 'GNB', 'MRT', 'TCD'], {
      functions: ['mla', 'extradition'],
      canDo: 'Contact points help prepare and follow up requests between member States.',
      cannotDo: 'Not a channel of transmission: formal requests still go to central authorities.',
    }),
    network(22, 'Red Iberoamericana de Cooperación Jurídica Internacional (IberRed)', ['MEX', 'BRA', 'ESP', 'PRT', 'ARG', 'CHL', 'COL', 'PER'], {
      nameLang: 'es',
      functions: ['mla', 'extradition'],
      canDo: 'Secure communication platform (Iber@) between contact points; helps with drafting and follow-up.',
      cannotDo: 'Does not execute requests.',
      channels: ['secure-electronic'],
    }),
    network(23, 'Camden Asset Recovery Inter-Agency Network (CARIN)', ['FRA', 'DEU', 'ITA', 'USA', 'ZAF', 'BEL', 'NLD', 'GBR'], {
      functions: ['asset-recovery'],
      canDo: 'Informal exchange on tracing, freezing and confiscation of assets between practitioner contact points.',
      cannotDo: 'Information only: freezing and confiscation need a formal request.',
    }),
    network(24, 'Asset Recovery Inter-Agency Network of Southern Africa (ARINSA)', ['ZAF', 'BWA', 'NAM', 'ZMB', 'ZWE', 'MOZ'], {
      functions: ['asset-recovery'],
      canDo: 'Informal asset-tracing cooperation (CARIN-style sister network).',
      cannotDo: 'No formal requests.',
    }),
    network(25, 'الشبكة العربية للتعاون القضائي في المسائل الجنائية (جامعة الدول العربية)', ['EGY', 'JOR', 'MAR', 'TUN', 'SAU', 'ARE', 'QAT', 'LBN'], {
      nameLang: 'ar',
      names: { en: 'Arab Judicial Cooperation Network on Criminal Matters (League of Arab States)', fr: 'Réseau arabe de coopération judiciaire en matière pénale (Ligue des États arabes)' },
      functions: ['mla', 'extradition'],
      canDo: 'Contact points facilitate requests among member States of the League of Arab States.',
      cannotDo: 'Not a channel of transmission.',
    }),

    focal('FRA', 31, 'Ministère de l’Europe et des Affaires étrangères — Direction des affaires juridiques', ['fr', 'en'], RECENT()),
    focal('CHN', 32, '外交部条约法律司', ['zh', 'en'], RECENT()),
    focal('NGA', 33, 'Federal Ministry of Foreign Affairs — Legal Department', ['en'], RECENT()),
    focal('MEX', 34, 'Secretaría de Relaciones Exteriores — Consultoría Jurídica', ['es'], STALE()),
    focal('EGY', 35, 'وزارة الخارجية — إدارة الشؤون القانونية الدولية', ['ar', 'en'], RECENT()),
    focal('DEU', 36, 'Bundesministerium der Justiz', ['de', 'en'], RECENT()),
    focal('ITA', 37, 'Ministero degli Affari Esteri e della Cooperazione Internazionale', ['it'], null),
    focal('BRA', 38, 'Ministério das Relações Exteriores', ['pt'], RECENT()),
    focal('ZAF', 39, 'Department of International Relations and Cooperation', ['en'], RECENT()),
    focal('USA', 40, 'Department of State — Bureau of International Narcotics and Law Enforcement Affairs', ['en'], RECENT()),

    firearms('MEX', 41, 'Secretaría de la Defensa Nacional — Registro Federal de Armas de Fuego'),
    firearms('NGA', 42, 'Presidential Committee on Small Arms and Light Weapons'),
    firearms('ITA', 43, 'Ministero dell’Interno — Servizio per la cooperazione internazionale di polizia'),
    firearms('BRA', 44, 'Polícia Federal — Sistema Nacional de Armas'),
    firearms('ZAF', 45, 'South African Police Service — Central Firearms Register'),
  ];
}

export function demoMeasures(): Array<Record<string, unknown>> {
  const m = (iso3: string, measure: string, extra: Record<string, unknown>) => ({ iso3, measure, provenance: DEMO, lastVerified: RECENT(), ...extra });
  return [
    m('FRA', 'bank-records', { available: 'yes', legalFramework: 'Code de procédure pénale, art. 694 et suivants (demo summary)', receivingAuthority: 'Bureau de l’entraide pénale internationale', languages: ['fr'], usualExecutionDays: 90, specialRequirements: 'Name the account holder, the bank and the period; dual criminality is required.', alternatives: 'FIU-to-FIU request through TRACFIN for intelligence only.', dualCriminality: 'required' }),
    m('FRA', 'e-evidence-subscriber', { available: 'yes', legalFramework: 'Code de procédure pénale (demo summary)', receivingAuthority: 'Bureau de l’entraide pénale internationale', languages: ['fr'], usualExecutionDays: 60, specialRequirements: 'Give the identifier (IP address with time and time zone, e-mail address).', alternatives: 'Direct request to a provider established abroad, where its law allows.', dualCriminality: 'not-required' }),
    m('FRA', 'e-evidence-preservation', { available: 'yes', legalFramework: 'Code de procédure pénale (demo summary)', receivingAuthority: 'Office central de lutte contre la criminalité liée aux technologies de l’information et de la communication', receivingAuthorityEntry: null, languages: ['fr', 'en'], usualExecutionDays: 2, specialRequirements: 'Preservation for 90 days; the MLA request must follow.', alternatives: '24/7 network contact point.', dualCriminality: 'not-required' }),
    m('FRA', 'video-link-hearing', { available: 'yes', legalFramework: 'Code de procédure pénale, art. 706-71 (demo summary)', receivingAuthority: 'Bureau de l’entraide pénale internationale', languages: ['fr'], usualExecutionDays: 45, specialRequirements: 'An interpreter is provided by the requesting State unless agreed otherwise.', alternatives: 'Hearing by the French authorities on written questions.', dualCriminality: 'not-required' }),
    m('CHN', 'bank-records', { available: 'yes', legalFramework: '《国际刑事司法协助法》 (demo summary)', receivingAuthority: '司法部国际合作局', languages: ['zh', 'en'], usualExecutionDays: 120, specialRequirements: 'State the link between the account and the offence; dual criminality for coercive measures.', alternatives: 'FIU-to-FIU exchange for intelligence.', dualCriminality: 'coercive-only' }),
    m('CHN', 'e-evidence-subscriber', { available: 'partly', legalFramework: '《国际刑事司法协助法》 (demo summary)', receivingAuthority: '司法部国际合作局', languages: ['zh'], usualExecutionDays: 120, specialRequirements: 'Only through the central authority; providers may not answer foreign requests directly.', alternatives: null, dualCriminality: 'required' }),
    m('CHN', 'e-evidence-preservation', { available: 'partly', legalFramework: '《国际刑事司法协助法》 (demo summary)', receivingAuthority: '公安部', receivingAuthorityEntry: '公安部国际合作局（国际刑警组织中国国家中心局）', languages: ['zh'], usualExecutionDays: 15, specialRequirements: 'Urgent preservation through police channels, then a formal request within the time given.', alternatives: 'INTERPOL channel for urgency.', dualCriminality: 'not-required' }),
    m('CHN', 'video-link-hearing', { available: 'partly', legalFramework: '《国际刑事司法协助法》 (demo summary)', receivingAuthority: '司法部国际合作局', languages: ['zh'], usualExecutionDays: 90, specialRequirements: 'Witness must consent; a Chinese official attends.', alternatives: 'Written testimony.', dualCriminality: 'not-required' }),
    m('NGA', 'bank-records', { available: 'yes', legalFramework: 'Mutual Assistance in Criminal Matters Act 2019 (demo summary)', receivingAuthority: 'Central Authority Unit', languages: ['en'], usualExecutionDays: 60, specialRequirements: null, alternatives: 'NFIU exchange.', dualCriminality: 'not-required' }),
    m('NGA', 'freezing', { available: 'yes', legalFramework: 'Proceeds of Crime (Recovery and Management) Act 2022 (demo summary)', receivingAuthority: 'Central Authority Unit', languages: ['en'], usualExecutionDays: 30, dualCriminality: 'required' }),
    m('MEX', 'bank-records', { available: 'yes', legalFramework: 'Código Nacional de Procedimientos Penales (demo summary)', receivingAuthority: 'Dirección General de Procedimientos Internacionales', languages: ['es'], usualExecutionDays: 90, dualCriminality: 'coercive-only' }),
    m('MEX', 'video-link-hearing', { available: 'yes', legalFramework: 'Código Nacional de Procedimientos Penales (demo summary)', receivingAuthority: 'Dirección General de Procedimientos Internacionales', languages: ['es'], usualExecutionDays: 60, dualCriminality: 'not-required' }),
    m('DEU', 'bank-records', { available: 'yes', legalFramework: 'Gesetz über die internationale Rechtshilfe in Strafsachen (demo summary)', receivingAuthority: 'Bundesamt für Justiz / competent Land authority', languages: ['de'], usualExecutionDays: 90, dualCriminality: 'coercive-only' }),
    m('DEU', 'e-evidence-content', { available: 'partly', legalFramework: 'IRG, StPO (demo summary)', receivingAuthority: 'Competent public prosecutor', languages: ['de'], usualExecutionDays: 120, specialRequirements: 'Judicial order needed; dual criminality.', dualCriminality: 'required' }),
    m('ITA', 'video-link-hearing', { available: 'yes', legalFramework: 'Codice di procedura penale (demo summary)', receivingAuthority: 'Ministero della Giustizia', languages: null, usualExecutionDays: null }),
    m('BRA', 'bank-records', { available: 'yes', legalFramework: 'Lei Complementar 105/2001 (demo summary)', receivingAuthority: 'DRCI', languages: ['pt', 'es', 'en'], usualExecutionDays: 90, dualCriminality: 'coercive-only' }),
    m('USA', 'e-evidence-content', { available: 'yes', legalFramework: '18 U.S.C. § 2703 (demo summary)', receivingAuthority: 'Office of International Affairs', languages: ['en'], usualExecutionDays: 180, specialRequirements: 'Probable cause must be shown.', alternatives: 'Voluntary disclosure by the provider for subscriber data; CLOUD Act agreements.', dualCriminality: 'not-required' }),
    m('ZAF', 'confiscation', { available: 'yes', legalFramework: 'International Co-operation in Criminal Matters Act 75 of 1996 (demo summary)', receivingAuthority: 'Department of Justice and Constitutional Development', languages: ['en'], usualExecutionDays: 365, dualCriminality: 'required' }),
  ];
}

/** Notifications in the order made; `then` is a later change to the same notification (its history). */
export function demoNotifications(): Array<{ entry: Record<string, unknown>; then?: Record<string, unknown> }> {
  const n = (iso3: string, type: string, madeOn: string, text: string, extra: Record<string, unknown> = {}) => ({
    iso3, type, madeOn, text: `${text} [Demo summary — not the depositary’s text]`, provenance: { type: 'demo', reference: 'Palermo demo dataset', date: madeOn }, lastVerified: RECENT(), ...extra,
  });
  return [
    { entry: n('CHN', 'art16-5-a', '2003-09-23', 'China does not take the Convention as the legal basis for cooperation on extradition with other States Parties.', { extraditionBasis: 'no' }) },
    { entry: n('CHN', 'art18-13', '2003-09-23', 'The Ministry of Justice is designated as the central authority for mutual legal assistance.') },
    { entry: n('CHN', 'art18-14', '2003-09-23', 'Requests are accepted in Chinese.', { languages: ['zh'] }), then: { languages: ['zh', 'en'], text: 'Requests are accepted in Chinese and in English. [Demo summary — not the depositary’s text]', provenance: { type: 'note-verbale', reference: 'Demo note verbale No. 0000/DEMO', date: '2015-06-01' } } },
    { entry: n('CHN', 'reservation', '2003-09-23', 'China does not consider itself bound by article 35, paragraph 2.', { provision: 'UNTOC:35:2' }) },
    { entry: n('FRA', 'art16-5-a', '2002-10-29', 'France takes the Convention as the legal basis for extradition with other States Parties.', { extraditionBasis: 'yes' }) },
    { entry: n('FRA', 'art18-14', '2002-10-29', 'Requests are accepted in French.', { languages: ['fr'] }) },
    { entry: n('MEX', 'art16-5-a', '2003-03-04', 'Mexico takes the Convention as the legal basis for extradition.', { extraditionBasis: 'yes' }) },
    { entry: n('MEX', 'art18-14', '2003-03-04', 'Requests are accepted in Spanish.', { languages: ['es'] }) },
    { entry: n('NGA', 'art18-14', '2001-06-28', 'Requests are accepted in English.', { languages: ['en'] }) },
    { entry: n('EGY', 'art16-5-a', '2004-03-05', 'Egypt takes the Convention as the legal basis for extradition.', { extraditionBasis: 'yes' }) },
    { entry: n('EGY', 'art18-14', '2004-03-05', 'Requests are accepted in Arabic and in English.', { languages: ['ar', 'en'] }) },
    { entry: n('USA', 'art16-5-a', '2005-11-03', 'The United States does not take the Convention as the legal basis for extradition; it extradites under bilateral treaties.', { extraditionBasis: 'no' }) },
    { entry: n('USA', 'reservation', '2005-11-03', 'The United States does not consider itself bound by article 35, paragraph 2.', { provision: 'UNTOC:35:2' }) },
    { entry: n('BRA', 'art18-14', '2004-01-29', 'Requests are accepted in Portuguese, Spanish and English.', { languages: ['pt', 'es', 'en'] }) },
    { entry: n('DEU', 'art18-14', '2005-06-14', 'Requests are accepted in German.', { languages: ['de'] }) },
    { entry: n('ZAF', 'art16-5-a', '2004-02-20', 'South Africa takes the Convention as the legal basis for extradition.', { extraditionBasis: 'yes' }) },
  ];
}

export function demoExperts(): Array<Record<string, unknown>> {
  const e = (iso3: string, n: number, expertise: string[], langs: string[]) => ({
    iso3,
    name: `Demo Expert ${n} ${F}`,
    title: 'Prosecutor (demo)',
    organisation: `Demo prosecution service of ${iso3} ${F}`,
    expertise,
    languages: langs,
    email: `demo.expert.${n}@experts.example.org`,
    phone: `+00 900 000 ${String(n).padStart(4, '0')}`,
    provenance: DEMO,
    lastVerified: n % 3 === 0 ? STALE() : RECENT(),
  });
  return [
    e('EGY', 1, ['mutual legal assistance', 'trafficking in persons'], ['ar', 'en']),
    e('FRA', 2, ['extradition', 'electronic evidence'], ['fr', 'en']),
    e('NGA', 3, ['asset recovery', 'confiscation'], ['en']),
    e('MEX', 4, ['firearms trafficking', 'smuggling of migrants'], ['es', 'en']),
    e('CHN', 5, ['mutual legal assistance', 'electronic evidence'], ['zh', 'en']),
    e('BRA', 6, ['asset recovery', 'money laundering'], ['pt', 'es', 'en']),
  ];
}
