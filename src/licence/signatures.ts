/**
 * What identifies each common licence, as data: phrases of its SPDX text (for a LICENSE file that
 * holds the text) and patterns of its name (for a README's "licensed under …" or a file's title).
 * Every phrase and pattern is written against normaliseLicenceText's output: lower case, words
 * separated by single spaces, "licence" spelt "license", dots kept only inside version numbers.
 *
 * The GPL family uses GitHub's ids (GPL-3.0, not GPL-3.0-only): the text alone does not say "only"
 * or "or later", and scrape's metadata, from GitHub, spells them this way.
 */

export interface TextSignature {
  spdx: string;
  /** Every phrase must occur. */
  all: string[];
  /** No phrase may occur (what tells a licence from its close relative). */
  none?: string[];
}

const BSD_OPENING = "redistribution and use in source and binary forms with or without modification are permitted";
const ISC_GRANT = "distribute this software for any purpose with or without fee is hereby granted";
const MIT_GRANT = "permission is hereby granted free of charge to any person obtaining a copy of this software";
const MIT_CONDITION = "the above copyright notice and this permission notice shall be included";

/** Checked in order, the more specific first: LGPL before GPL, BSD-4 before BSD-3 before BSD-2. */
export const TEXT_SIGNATURES: readonly TextSignature[] = [
  { spdx: "AGPL-3.0", all: ["gnu affero general public license version 3"] },
  { spdx: "LGPL-3.0", all: ["gnu lesser general public license version 3"] },
  { spdx: "LGPL-2.1", all: ["gnu lesser general public license version 2.1"] },
  { spdx: "GPL-3.0", all: ["gnu general public license version 3 29 june 2007"] },
  { spdx: "GPL-2.0", all: ["gnu general public license version 2 june 1991"] },
  { spdx: "Apache-2.0", all: ["apache license version 2.0"] },
  { spdx: "MPL-2.0", all: ["mozilla public license version 2.0"] },
  { spdx: "MPL-2.0", all: ["mozilla public license v 2.0"] },
  { spdx: "EPL-2.0", all: ["eclipse public license v 2.0"] },
  { spdx: "EPL-2.0", all: ["eclipse public license version 2.0"] },
  { spdx: "EPL-1.0", all: ["eclipse public license v 1.0"] },
  { spdx: "BSD-4-Clause", all: [BSD_OPENING, "all advertising materials mentioning features or use of this software"] },
  { spdx: "BSD-3-Clause", all: [BSD_OPENING, "endorse or promote products derived from this software"] },
  { spdx: "BSD-2-Clause", all: [BSD_OPENING, "redistributions in binary form must reproduce the above copyright notice"] },
  { spdx: "0BSD", all: [ISC_GRANT], none: ["provided that the above copyright notice"] },
  { spdx: "ISC", all: [ISC_GRANT, "provided that the above copyright notice and this permission notice appear in all copies"] },
  { spdx: "MIT", all: [MIT_GRANT, MIT_CONDITION] },
  { spdx: "MIT-0", all: [MIT_GRANT], none: [MIT_CONDITION] },
  { spdx: "Unlicense", all: ["this is free and unencumbered software released into the public domain"] },
  { spdx: "CC0-1.0", all: ["cc0 1.0 universal"] },
  { spdx: "Zlib", all: ["altered source versions must be plainly marked as such", "this notice may not be removed or altered from any source distribution"] },
  { spdx: "BSL-1.0", all: ["boost software license version 1.0"] },
  { spdx: "WTFPL", all: ["do what the fuck you want to public license"] },
];

/**
 * Names as people write them in a sentence or a badge ("Apache 2.0", "the MIT License", "GPLv3").
 * Checked in order; a statement naming several takes the one named first (see matchLicenceName).
 */
export const NAME_PATTERNS: readonly { spdx: string; re: RegExp }[] = [
  { spdx: "AGPL-3.0", re: /\bagpl ?v?3|\baffero general public license\b/ },
  { spdx: "LGPL-3.0", re: /\blgpl ?v?3|\blesser general public license (as published by the free software foundation either )?(version |v ?)?3\b/ },
  { spdx: "LGPL-2.1", re: /\blgpl ?v?2\.1|\blesser general public license (as published by the free software foundation either )?(version |v ?)?2\.1\b/ },
  { spdx: "GPL-3.0", re: /\bgpl ?v?3|\bgnu general public license (version |v ?)?3\b|(?<!lesser |affero )\bgeneral public license as published by the free software foundation either version 3\b/ },
  { spdx: "GPL-2.0", re: /\bgpl ?v?2\b|\bgnu general public license (version |v ?)?2\b|(?<!lesser |library )\bgeneral public license as published by the free software foundation either version 2\b/ },
  { spdx: "Apache-2.0", re: /\bapache( software)?( license)?,? ?(version |v ?)?2(\.0)?\b/ },
  { spdx: "MPL-2.0", re: /\bmozilla public license (version |v ?)?2(\.0)?\b|\bmpl ?v?2(\.0)?\b/ },
  { spdx: "EPL-2.0", re: /\beclipse public license (version |v ?)?2(\.0)?\b|\bepl ?v?2(\.0)?\b/ },
  { spdx: "EPL-1.0", re: /\beclipse public license (version |v ?)?1(\.0)?\b|\bepl ?v?1(\.0)?\b/ },
  { spdx: "BSD-3-Clause", re: /\bbsd 3 clause\b|\b3 clause bsd\b|\b(new|revised|modified) bsd\b/ },
  { spdx: "BSD-2-Clause", re: /\bbsd 2 clause\b|\b2 clause bsd\b|\bsimplified bsd\b|\bfreebsd license\b/ },
  { spdx: "0BSD", re: /\b0bsd\b|\bzero clause bsd\b/ },
  { spdx: "ISC", re: /\bisc license\b|\blicense isc\b/ },
  { spdx: "MIT", re: /\bmit\b/ },
  { spdx: "Unlicense", re: /\bunlicense\b/ },
  { spdx: "CC0-1.0", re: /\bcc0\b|\bcreative commons zero\b/ },
  { spdx: "Zlib", re: /\bzlib license\b|\blicense zlib\b/ },
  { spdx: "BSL-1.0", re: /\bboost software license\b|\bbsl 1.0\b/ },
  { spdx: "WTFPL", re: /\bwtfpl\b/ },
];
