import type { Instrument, Language } from './vocab.ts';

/** English, French and Spanish legal vocabulary (UNODC terminology), for the synthetic corpus. */

const names = (m: Record<Instrument, string>) => m;

const EN_INSTR = names({ UNTOC: 'the Convention', TIP: 'the Trafficking in Persons Protocol', SOM: 'the Smuggling of Migrants Protocol', FIR: 'the Firearms Protocol', UNCAC: 'the Convention against Corruption' });
export const en: Language = {
  code: 'en',
  sep: ' ',
  general: ['State party', 'Convention', 'measures', 'article', 'States parties', 'criminal', 'offences', 'competent authorities', 'cooperation',
    'domestic law', 'information', 'legislation', 'investigation', 'court', 'prosecution', 'provisions', 'request', 'judicial', 'procedure',
    'implementation', 'national', 'international', 'legal', 'adopt', 'ensure', 'in accordance with', 'necessary', 'penalties', 'crime',
    'law enforcement', 'training', 'technical assistance', 'report', 'review', 'protocol', 'jurisdiction', 'evidence', 'proceedings',
    'sentence', 'conviction', 'public prosecutor', 'government', 'capacity-building', 'good practices', 'challenges'],
  topics: {
    mla: ['mutual legal assistance', 'central authority', 'letter of request', 'service of judicial documents', 'video conference', 'dual criminality'],
    extradition: ['extradition', 'extraditable offence', 'surrender', 'provisional arrest', 'aut dedere aut judicare', 'political offence exception'],
    ml: ['money-laundering', 'proceeds of crime', 'financial intelligence unit', 'suspicious transaction report', 'beneficial ownership', 'predicate offence'],
    confiscation: ['confiscation', 'seizure', 'freezing', 'asset recovery', 'disposal of confiscated proceeds', 'non-conviction based forfeiture'],
    tip: ['trafficking in persons', 'victims of trafficking', 'sexual exploitation', 'forced labour', 'recruitment', 'non-punishment principle'],
    som: ['smuggling of migrants', 'smuggled migrants', 'fraudulent travel documents', 'border control', 'illegal entry', 'at sea'],
    firearms: ['firearms', 'ammunition', 'illicit manufacturing', 'marking', 'deactivation', 'record-keeping'],
    corruption: ['corruption', 'bribery', 'public official', 'abuse of functions', 'embezzlement', 'integrity'],
    drugs: ['drug trafficking', 'narcotic drugs', 'psychotropic substances', 'precursors', 'cocaine', 'controlled delivery'],
    cyber: ['cybercrime', 'electronic evidence', 'computer system', 'data preservation', 'service provider', 'online child sexual abuse'],
    witness: ['witness protection', 'relocation', 'testimony', 'cooperating offenders', 'protection of victims', 'anonymity'],
    jit: ['joint investigation team', 'special investigative techniques', 'electronic surveillance', 'undercover operations', 'liaison officers', 'law enforcement cooperation'],
    ocg: ['organized criminal group', 'participation in an organized criminal group', 'transnational organized crime', 'serious crime', 'structured group', 'financial or other material benefit'],
    env: ['environmental crime', 'wildlife trafficking', 'illegal logging', 'illegal fishing', 'hazardous waste', 'protected species'],
  },
  rare: ['hawala', 'ransomware', 'cryptocurrency mixer', 'ghost guns', 'phishing kits'],
  glue: ['the', 'of', 'and', 'to', 'in', 'for', 'with', 'on', 'by', 'under', 'that', 'its', 'shall', 'may'],
  articleRef: (i, a, p) => (p ? `article ${a}, paragraph ${p}, of ${EN_INSTR[i]}` : `article ${a} of ${EN_INSTR[i]}`),
  title: (type, t, n, y) =>
    type === 'legislation' ? `Law No. ${n}/${y} on ${t}` : type === 'case' ? `Judgment in case ${n}/${y} (${t})`
      : `${{ 'cooperation-case': 'Request concerning', 'cop-document': 'Report of the Working Group on', recommendation: 'Recommendation on', guide: 'Guide on',
        bibliography: 'Study of', 'database-link': 'Database on' }[type]} ${t}`,
  courts: ['Court of Appeal', 'Supreme Court', 'High Court', 'District Court', 'Crown Court'],
};

const FR_INSTR = names({ UNTOC: 'la Convention', TIP: 'du Protocole relatif à la traite des personnes', SOM: 'du Protocole contre le trafic illicite de migrants', FIR: 'du Protocole relatif aux armes à feu', UNCAC: 'la Convention contre la corruption' });
export const fr: Language = {
  code: 'fr',
  sep: ' ',
  general: ['État partie', 'Convention', 'mesures', 'article', 'États parties', 'pénal', 'infractions', 'autorités compétentes', 'coopération',
    'droit interne', 'informations', 'législation', 'enquête', 'tribunal', 'poursuites', 'dispositions', 'demande', 'judiciaire', 'procédure',
    'application', 'national', 'international', 'juridique', 'adopte', 'veille', 'conformément', 'nécessaires', 'sanctions', 'criminalité',
    'services de détection et de répression', 'formation', 'assistance technique', 'rapport', 'examen', 'protocole', 'compétence', 'preuves',
    'procédure pénale', 'peine', 'condamnation', 'ministère public', 'gouvernement', 'renforcement des capacités', 'bonnes pratiques', 'difficultés'],
  topics: {
    mla: ['entraide judiciaire', 'autorité centrale', 'commission rogatoire', 'signification des actes judiciaires', 'vidéoconférence', 'double incrimination'],
    extradition: ['extradition', 'infraction donnant lieu à extradition', 'remise', 'arrestation provisoire', 'extrader ou poursuivre', 'infraction politique'],
    ml: ['blanchiment d’argent', 'produit du crime', 'cellule de renseignement financier', 'déclaration de soupçon', 'bénéficiaire effectif', 'infraction principale'],
    confiscation: ['confiscation', 'saisie', 'gel des avoirs', 'recouvrement d’avoirs', 'disposition du produit confisqué', 'confiscation sans condamnation'],
    tip: ['traite des personnes', 'victimes de la traite', 'exploitation sexuelle', 'travail forcé', 'recrutement', 'principe de non-sanction'],
    som: ['trafic illicite de migrants', 'migrants objet d’un trafic', 'documents de voyage frauduleux', 'contrôle aux frontières', 'entrée illégale', 'en mer'],
    firearms: ['armes à feu', 'munitions', 'fabrication illicite', 'marquage', 'neutralisation', 'conservation des informations'],
    corruption: ['corruption', 'pots-de-vin', 'agent public', 'abus de fonctions', 'soustraction de biens', 'intégrité'],
    drugs: ['trafic de drogues', 'stupéfiants', 'substances psychotropes', 'précurseurs', 'cocaïne', 'livraison surveillée'],
    cyber: ['cybercriminalité', 'preuves électroniques', 'système informatique', 'conservation des données', 'fournisseur de services', 'abus sexuels en ligne'],
    witness: ['protection des témoins', 'réinstallation', 'témoignage', 'délinquants coopérants', 'protection des victimes', 'anonymat'],
    jit: ['équipe commune d’enquête', 'techniques d’enquête spéciales', 'surveillance électronique', 'opérations d’infiltration', 'officiers de liaison', 'coopération entre services de détection'],
    ocg: ['groupe criminel organisé', 'participation à un groupe criminel organisé', 'criminalité transnationale organisée', 'infraction grave', 'groupe structuré', 'avantage financier ou autre avantage matériel'],
    env: ['criminalité environnementale', 'trafic d’espèces sauvages', 'exploitation forestière illégale', 'pêche illicite', 'déchets dangereux', 'espèces protégées'],
  },
  rare: ['hawala', 'rançongiciel', 'mélangeur de cryptomonnaies', 'armes fantômes', 'hameçonnage'],
  glue: ['le', 'la', 'les', 'de', 'des', 'et', 'à', 'en', 'pour', 'avec', 'sur', 'par', 'dans', 'doit'],
  articleRef: (i, a, p) => (p ? `article ${a}, paragraphe ${p}, de ${FR_INSTR[i]}` : `article ${a} de ${FR_INSTR[i]}`),
  title: (type, t, n, y) =>
    type === 'legislation' ? `Loi n° ${y}-${n} relative à ${t}` : type === 'case' ? `Arrêt n° ${n}/${y} (${t})`
      : `${{ 'cooperation-case': 'Demande concernant', 'cop-document': 'Rapport du Groupe de travail sur', recommendation: 'Recommandation sur', guide: 'Guide sur',
        bibliography: 'Étude sur', 'database-link': 'Base de données sur' }[type]} ${t}`,
  courts: ['Cour d’appel de Paris', 'Cour de cassation', 'Tribunal correctionnel', 'Cour d’assises', 'Tribunal de première instance'],
};

const ES_INSTR = names({ UNTOC: 'la Convención', TIP: 'del Protocolo contra la trata de personas', SOM: 'del Protocolo contra el tráfico ilícito de migrantes', FIR: 'del Protocolo sobre armas de fuego', UNCAC: 'la Convención contra la Corrupción' });
export const es: Language = {
  code: 'es',
  sep: ' ',
  general: ['Estado parte', 'Convención', 'medidas', 'artículo', 'Estados partes', 'penal', 'delitos', 'autoridades competentes', 'cooperación',
    'derecho interno', 'información', 'legislación', 'investigación', 'tribunal', 'enjuiciamiento', 'disposiciones', 'solicitud', 'judicial',
    'procedimiento', 'aplicación', 'nacional', 'internacional', 'jurídico', 'adoptará', 'velará', 'de conformidad con', 'necesarias', 'sanciones',
    'delincuencia', 'fuerzas del orden', 'capacitación', 'asistencia técnica', 'informe', 'examen', 'protocolo', 'jurisdicción', 'pruebas',
    'actuaciones', 'pena', 'condena', 'fiscalía', 'gobierno', 'creación de capacidad', 'buenas prácticas', 'dificultades'],
  topics: {
    mla: ['asistencia judicial recíproca', 'autoridad central', 'comisión rogatoria', 'notificación de documentos judiciales', 'videoconferencia', 'doble incriminación'],
    extradition: ['extradición', 'delito extraditable', 'entrega', 'detención preventiva', 'extraditar o juzgar', 'delito político'],
    ml: ['blanqueo de dinero', 'producto del delito', 'unidad de inteligencia financiera', 'reporte de operación sospechosa', 'beneficiario final', 'delito determinante'],
    confiscation: ['decomiso', 'incautación', 'embargo preventivo', 'recuperación de activos', 'disposición del producto decomisado', 'decomiso sin condena'],
    tip: ['trata de personas', 'víctimas de la trata', 'explotación sexual', 'trabajo forzoso', 'captación', 'principio de no punición'],
    som: ['tráfico ilícito de migrantes', 'migrantes objeto de tráfico', 'documentos de viaje falsos', 'control fronterizo', 'entrada ilegal', 'por mar'],
    firearms: ['armas de fuego', 'municiones', 'fabricación ilícita', 'marcación', 'desactivación', 'registro de armas'],
    corruption: ['corrupción', 'soborno', 'funcionario público', 'abuso de funciones', 'malversación', 'integridad'],
    drugs: ['tráfico de drogas', 'estupefacientes', 'sustancias sicotrópicas', 'precursores', 'cocaína', 'entrega vigilada'],
    cyber: ['ciberdelincuencia', 'pruebas electrónicas', 'sistema informático', 'conservación de datos', 'proveedor de servicios', 'abuso sexual infantil en línea'],
    witness: ['protección de testigos', 'reubicación', 'testimonio', 'colaboradores con la justicia', 'protección de las víctimas', 'anonimato'],
    jit: ['equipo conjunto de investigación', 'técnicas especiales de investigación', 'vigilancia electrónica', 'operaciones encubiertas', 'oficiales de enlace', 'cooperación policial'],
    ocg: ['grupo delictivo organizado', 'participación en un grupo delictivo organizado', 'delincuencia organizada transnacional', 'delito grave', 'grupo estructurado', 'beneficio económico u otro beneficio de orden material'],
    env: ['delitos ambientales', 'tráfico de vida silvestre', 'tala ilegal', 'pesca ilegal', 'desechos peligrosos', 'especies protegidas'],
  },
  rare: ['hawala', 'programas de secuestro de datos', 'mezclador de criptomonedas', 'armas fantasma', 'suplantación de identidad'],
  glue: ['el', 'la', 'los', 'las', 'de', 'del', 'y', 'en', 'para', 'con', 'por', 'sobre', 'deberá'],
  articleRef: (i, a, p) => (p ? `artículo ${a}, párrafo ${p}, de ${ES_INSTR[i]}` : `artículo ${a} de ${ES_INSTR[i]}`),
  title: (type, t, n, y) =>
    type === 'legislation' ? `Ley ${n}/${y} sobre ${t}` : type === 'case' ? `Sentencia ${n}/${y} (${t})`
      : `${{ 'cooperation-case': 'Solicitud relativa a', 'cop-document': 'Informe del Grupo de Trabajo sobre', recommendation: 'Recomendación sobre', guide: 'Guía sobre',
        bibliography: 'Estudio sobre', 'database-link': 'Base de datos sobre' }[type]} ${t}`,
  courts: ['Audiencia Nacional', 'Tribunal Supremo', 'Corte Suprema de Justicia', 'Juzgado de lo Penal', 'Tribunal Superior'],
};
