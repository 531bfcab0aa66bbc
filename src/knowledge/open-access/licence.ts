/** The licence under which the portal's data are published (SHERLOC has none; third parties scrape it). */
export const DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  statement:
    'Public records of the Palermo knowledge portal may be copied, redistributed and adapted for any purpose, provided ' +
    'Palermo and the original source named in each record are credited. Official texts of the United Nations remain ' +
    'subject to the United Nations’ own terms. Restricted records are never exported to anyone who may not see them.',
};

export const LICENCE_HEADERS = {
  link: `<${DATA_LICENCE.url}>; rel="license"`,
  'x-data-licence': DATA_LICENCE.id,
};
