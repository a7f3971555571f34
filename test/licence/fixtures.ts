/**
 * Licence texts as repositories ship them, cut to their opening paragraphs (the part a matcher
 * reads), with made-up copyright holders; line wrapping and Markdown vary on purpose.
 */
export const LICENCE_TEXTS: Record<string, string> = {
  "Apache-2.0": `
                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/

   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION

   1. Definitions.
`,
  MIT: `MIT License

Copyright (c) 2023 Example Widgets Ltd

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.
`,
  "MIT-0": `MIT No Attribution

Copyright 2022 Someone

Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
`,
  "BSD-3-Clause": `BSD 3-Clause License

Copyright (c) 2020, Jane Doe

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice.
2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation.
3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.
`,
  "BSD-2-Clause": `Copyright (c) 2019 Jane Doe. All rights reserved.

Redistribution and use in source and binary forms, with or without modification,
are permitted provided that the following conditions are met:

* Redistributions of source code must retain the above copyright notice.
* Redistributions in binary form must reproduce the above copyright notice, this
  list of conditions and the following disclaimer in the documentation.
`,
  ISC: `ISC License

Copyright (c) 2021 A. Person

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.
`,
  "0BSD": `Copyright (C) 2024 A. Person

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
`,
  "GPL-3.0": `                    GNU GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007

 Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.

  The GNU General Public License is a free, copyleft license for
software and other kinds of works.
`,
  "GPL-2.0": `		    GNU GENERAL PUBLIC LICENSE
		       Version 2, June 1991

 Copyright (C) 1989, 1991 Free Software Foundation, Inc.
`,
  "LGPL-3.0": `                   GNU LESSER GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007

  This version of the GNU Lesser General Public License incorporates
the terms and conditions of version 3 of the GNU General Public
License, supplemented by the additional permissions listed below.
`,
  "LGPL-2.1": `                  GNU LESSER GENERAL PUBLIC LICENSE
                       Version 2.1, February 1999
`,
  "AGPL-3.0": `                    GNU AFFERO GENERAL PUBLIC LICENSE
                       Version 3, 19 November 2007
`,
  "MPL-2.0": `Mozilla Public License Version 2.0
==================================

1. Definitions
--------------
`,
  "EPL-2.0": `Eclipse Public License - v 2.0

    THE ACCOMPANYING PROGRAM IS PROVIDED UNDER THE TERMS OF THIS ECLIPSE
    PUBLIC LICENSE ("AGREEMENT").
`,
  Unlicense: `This is free and unencumbered software released into the public domain.

Anyone is free to copy, modify, publish, use, compile, sell, or distribute this software.
`,
  "CC0-1.0": `Creative Commons Legal Code

CC0 1.0 Universal
`,
  Zlib: `Copyright (c) 2018 Someone

This software is provided 'as-is', without any express or implied warranty.

2. Altered source versions must be plainly marked as such, and must not be
   misrepresented as being the original software.
3. This notice may not be removed or altered from any source distribution.
`,
};

/** Licence files that say no licence we know: a project's own terms. */
export const UNKNOWN_LICENCE = `Proprietary and confidential.

Copyright (c) 2024 Example Corp. Do not distribute without written consent.
`;
