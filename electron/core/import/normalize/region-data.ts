/**
 * ISO 3166-2 subdivisions for the countries customer exports most often carry as free text:
 * code suffix → English name (plus local spellings where they differ). Other countries' regions are kept as written.
 */
export const REGIONS: Record<string, Record<string, string[]>> = {
  US: {
    AL: ['Alabama'], AK: ['Alaska'], AZ: ['Arizona'], AR: ['Arkansas'], CA: ['California'], CO: ['Colorado'],
    CT: ['Connecticut'], DE: ['Delaware'], FL: ['Florida'], GA: ['Georgia'], HI: ['Hawaii'], ID: ['Idaho'],
    IL: ['Illinois'], IN: ['Indiana'], IA: ['Iowa'], KS: ['Kansas'], KY: ['Kentucky'], LA: ['Louisiana'], ME: ['Maine'],
    MD: ['Maryland'], MA: ['Massachusetts'], MI: ['Michigan'], MN: ['Minnesota'], MS: ['Mississippi'], MO: ['Missouri'],
    MT: ['Montana'], NE: ['Nebraska'], NV: ['Nevada'], NH: ['New Hampshire'], NJ: ['New Jersey'], NM: ['New Mexico'],
    NY: ['New York'], NC: ['North Carolina'], ND: ['North Dakota'], OH: ['Ohio'], OK: ['Oklahoma'], OR: ['Oregon'],
    PA: ['Pennsylvania'], RI: ['Rhode Island'], SC: ['South Carolina'], SD: ['South Dakota'], TN: ['Tennessee'],
    TX: ['Texas'], UT: ['Utah'], VT: ['Vermont'], VA: ['Virginia'], WA: ['Washington'], WV: ['West Virginia'],
    WI: ['Wisconsin'], WY: ['Wyoming'], DC: ['District of Columbia', 'Washington DC', 'Washington D.C.'],
    AS: ['American Samoa'], GU: ['Guam'], MP: ['Northern Mariana Islands'], PR: ['Puerto Rico'],
    UM: ['United States Minor Outlying Islands'], VI: ['Virgin Islands', 'U.S. Virgin Islands', 'US Virgin Islands'],
  },
  CA: {
    AB: ['Alberta'], BC: ['British Columbia', 'Colombie-Britannique'], MB: ['Manitoba'], NB: ['New Brunswick', 'Nouveau-Brunswick'],
    NL: ['Newfoundland and Labrador', 'Newfoundland', 'Terre-Neuve-et-Labrador'], NS: ['Nova Scotia', 'Nouvelle-Écosse'],
    NT: ['Northwest Territories', 'Territoires du Nord-Ouest'], NU: ['Nunavut'], ON: ['Ontario'],
    PE: ['Prince Edward Island', 'Île-du-Prince-Édouard'], QC: ['Quebec', 'Québec'], SK: ['Saskatchewan'], YT: ['Yukon'],
  },
  AU: {
    ACT: ['Australian Capital Territory'], NSW: ['New South Wales'], NT: ['Northern Territory'], QLD: ['Queensland'],
    SA: ['South Australia'], TAS: ['Tasmania'], VIC: ['Victoria'], WA: ['Western Australia'],
  },
  GB: {
    ENG: ['England'], SCT: ['Scotland'], WLS: ['Wales', 'Cymru'], NIR: ['Northern Ireland'],
  },
  DE: {
    BW: ['Baden-Württemberg'], BY: ['Bavaria', 'Bayern'], BE: ['Berlin'], BB: ['Brandenburg'], HB: ['Bremen'],
    HH: ['Hamburg'], HE: ['Hesse', 'Hessen'], MV: ['Mecklenburg-Vorpommern', 'Mecklenburg-Western Pomerania'],
    NI: ['Lower Saxony', 'Niedersachsen'], NW: ['North Rhine-Westphalia', 'Nordrhein-Westfalen'],
    RP: ['Rhineland-Palatinate', 'Rheinland-Pfalz'], SL: ['Saarland'], SN: ['Saxony', 'Sachsen'],
    ST: ['Saxony-Anhalt', 'Sachsen-Anhalt'], SH: ['Schleswig-Holstein'], TH: ['Thuringia', 'Thüringen'],
  },
}

/** Countries tried, in order, when a bare region code comes without a country ('WA' is Washington before Western Australia). */
export const REGION_COUNTRY_ORDER = ['US', 'CA', 'AU', 'GB', 'DE'] as const
