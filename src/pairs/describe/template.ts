/**
 * What kmpdata asks a model for a declaration's description (--describe-with), as a versioned
 * template: the version is part of every cached answer's key, so a changed template asks again.
 * `--verbose` prints it.
 */
import { createHash } from "node:crypto";

export const TEMPLATE_VERSION = "1";

export const SYSTEM_PROMPT = [
  "You write task descriptions for a dataset that teaches a model to write Kotlin Multiplatform code.",
  "You are shown one Kotlin declaration and the project code it uses.",
  "Write 1 to 3 sentences in English, as a request a developer would make to a colleague who will implement it:",
  "what the declaration must do, and why or when it is used.",
  "You may name the declaration, its parameters and their types.",
  "Do not quote its body, do not write code or code blocks, do not describe it line by line.",
  "Answer with the request only.",
].join(" ");

/** One declaration to describe: the same code and context the row's prompt carries (secrets redacted). */
export interface DescribeRequest {
  /** Names the answer in the cache: hash of model, template version, code and context. */
  key: string;
  repo: string;
  path: string;
  name: string;
  /** The declaration, whole. */
  code: string;
  /** The project context of the row's prompt ("" when none). */
  context: string;
}

export function requestKey(model: string, code: string, context: string): string {
  const h = createHash("sha256");
  for (const part of [model, TEMPLATE_VERSION, code, context]) h.update(`${part.length}:${part}`);
  return h.digest("hex").slice(0, 32);
}

/** The chat messages for one request. */
export function messagesFor(r: Pick<DescribeRequest, "path" | "code" | "context">): { role: "system" | "user"; content: string }[] {
  const parts = [];
  if (r.context) parts.push(`Project code it uses:\n\`\`\`kotlin\n${r.context}\n\`\`\``);
  parts.push(`The declaration (in ${r.path}):\n\`\`\`kotlin\n${r.code}\n\`\`\``);
  parts.push("Write the request for this declaration.");
  return [
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: parts.join("\n\n") },
  ];
}

/** The template as --verbose shows it. */
export function templateText(): string {
  const example = messagesFor({ path: "<path>", code: "<the declaration>", context: "<the prompt's project context>" });
  return `description template v${TEMPLATE_VERSION}:\n` + example.map((m) => `[${m.role}] ${m.content}`).join("\n");
}
