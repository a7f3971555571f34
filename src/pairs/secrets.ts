/**
 * Secrets in pair texts, redacted to a placeholder and named by the rule that found them.
 * Secret detection is lexical by nature, so this is the one place that pattern-matches code text.
 *
 * Two kinds of evidence, judged differently:
 * - A well-known shape (a private-key block, a vendor prefix like AKIA…/ghp_…/AIza…, a signed JWT)
 *   is redacted everywhere, test source sets included: a key block or a vendor token in a test can
 *   be a real one pasted in, and no text tells the two apart. Only clear placeholders stay
 *   (AKIAIOSFODNN7EXAMPLE, ghp_XXXX…, an empty "-----BEGIN PRIVATE KEY-----\n...\n" in a KDoc).
 * - A credential-like name assigned a string literal (`val apiKey = "…"`) is only a hint, and test
 *   source sets are full of such hints holding test vectors, so that rule skips test code and wants
 *   a random-looking value (see secretValues.ts).
 */
import { isPlaceholder, notACredential } from "./secretValues.ts";

export const SECRET_PLACEHOLDER = "<REDACTED_SECRET>";

export const SECRET_RULES = [
  "private_key_block",
  "aws_access_key",
  "github_token",
  "google_api_key",
  "slack_token",
  "slack_webhook",
  "stripe_key",
  "openai_key",
  "anthropic_key",
  "jwt",
  "credential_assignment",
] as const;
export type SecretRule = (typeof SECRET_RULES)[number];

export interface RedactOptions {
  /** The text comes from a test source set: credential-named test values are left alone. */
  isTest: boolean;
}

export interface Redacted {
  text: string;
  /** One entry per redaction, in the order found. */
  redactions: SecretRule[];
}

interface TokenRule {
  rule: SecretRule;
  re: RegExp;
  /** True when the match is a real-shaped token rather than a stand-in. */
  real: (match: string) => boolean;
}

/** The random part after a vendor prefix must not be filler or a placeholder. */
const afterPrefix = (prefix: RegExp) => (m: string) => !isPlaceholder(m.replace(prefix, ""));

function realKeyBlock(block: string): boolean {
  const inner = block.replace(/-----(?:BEGIN|END)[^-]*-----/g, "");
  const payload = inner.replace(/\\n|["+\s]/g, "");
  return payload.length >= 40 && !/\.\.\.|[<>]|\b(?:your|example|placeholder|redacted)\b/i.test(inner);
}

function decodeJson(segment: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return v !== null && typeof v === "object" ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A signed JWT: a JSON header with an algorithm other than "none", and not the jwt.io sample or a test claim set. */
function realJwt(m: string): boolean {
  const [header, payload, signature] = m.split(".");
  const h = decodeJson(header!);
  if (!h || typeof h.alg !== "string" || h.alg.toLowerCase() === "none") return false;
  const claims = JSON.stringify(decodeJson(payload!) ?? {});
  return !/example|dummy|fake|mock|sample|test|John Doe|"1234567890"/i.test(claims) && !isPlaceholder(signature!);
}

const TOKEN_RULES: TokenRule[] = [
  {
    rule: "private_key_block",
    re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g,
    real: realKeyBlock,
  },
  { rule: "aws_access_key", re: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g, real: afterPrefix(/^..../) },
  { rule: "github_token", re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{22,}\b/g, real: afterPrefix(/^gh[pousr]_|^github_pat_/) },
  { rule: "google_api_key", re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, real: afterPrefix(/^AIza/) },
  { rule: "slack_token", re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, real: afterPrefix(/^xox.-/) },
  { rule: "slack_webhook", re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g, real: afterPrefix(/^.*\//) },
  { rule: "stripe_key", re: /\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}\b/g, real: afterPrefix(/^.._(?:live|test)_/) },
  // "T3BlbkFJ" is base64 of "OpenAI", in the middle of legacy and project keys alike.
  { rule: "openai_key", re: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}/g, real: afterPrefix(/^sk-/) },
  { rule: "anthropic_key", re: /\bsk-ant-(?:api|admin)\d\d-[A-Za-z0-9_-]{80,}/g, real: afterPrefix(/^sk-ant-[a-z]+\d\d-/) },
  { rule: "jwt", re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}/g, real: realJwt },
];

// `val apiKey = "…"`, `const val CLIENT_SECRET: String = "…"`, `password = "…"` (named args too).
const CREDENTIAL_ASSIGNMENT =
  /\b([A-Za-z0-9_]*?(?:password|passwd|secret|api_?key|apikey|access_?key|access_?token|auth_?token|bearer|private_?key|credential|token)[A-Za-z0-9_]*)(\s*(?::\s*[A-Za-z.?]+\s*)?=\s*")([^"\\$\n]+)(")/gi;
// `buildConfigField("String", "API_KEY", "\"…\"")` in build scripts.
const BUILD_CONFIG_FIELD =
  /(buildConfigField\(\s*"String"\s*,\s*"[A-Za-z0-9_]*?(?:PASSWORD|SECRET|API_?KEY|ACCESS_?KEY|TOKEN|PRIVATE_?KEY|CREDENTIAL)[A-Za-z0-9_]*"\s*,\s*"\\")([^"\\$\n]+)(\\"")/gi;
// Names that hold a label, a lookup key or a shape of the credential, not the credential itself.
const NOT_A_VALUE_NAME = /(?:header|label|hint|url|uri|endpoint|path|prefix|prefs?|field|param|type|name|title|text|message|regex|pattern|format|length|size|count|id|alias)$/i;

export function redactSecrets(text: string, opts: RedactOptions): Redacted {
  const redactions: SecretRule[] = [];
  let out = text;
  for (const { rule, re, real } of TOKEN_RULES) {
    out = out.replace(re, (m: string) => {
      if (!real(m)) return m;
      redactions.push(rule);
      return SECRET_PLACEHOLDER;
    });
  }
  if (opts.isTest) return { text: out, redactions };
  out = out.replace(CREDENTIAL_ASSIGNMENT, (whole, name: string, eq: string, literal: string, close: string) => {
    if (NOT_A_VALUE_NAME.test(name) || literal.includes(SECRET_PLACEHOLDER) || notACredential(literal)) return whole;
    redactions.push("credential_assignment");
    return `${name}${eq}${SECRET_PLACEHOLDER}${close}`;
  });
  out = out.replace(BUILD_CONFIG_FIELD, (whole, open: string, literal: string, close: string) => {
    if (literal.includes(SECRET_PLACEHOLDER) || notACredential(literal)) return whole;
    redactions.push("credential_assignment");
    return `${open}${SECRET_PLACEHOLDER}${close}`;
  });
  return { text: out, redactions };
}
