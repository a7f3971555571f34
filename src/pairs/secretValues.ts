/**
 * Is a string a credential or a stand-in for one? Placeholders ("YOUR_API_KEY", all X's, the AWS
 * documentation's …EXAMPLE keys), encoded words and known digests are stand-ins anywhere; the
 * credential-assignment rule also asks for a random-looking value (entropy, length, character mix),
 * since a name like `token` alone says nothing about what the literal holds.
 */
import { createHash } from "node:crypto";

/** Thresholds of the credential-assignment rule (the prefixed-token rules need none: the prefix is the evidence). */
export const ENTROPY_RULE = {
  minLength: 12,
  /** Longer literals are data (base64 images, certificates), not keys; key blocks and JWTs have their own rules. */
  maxLength: 200,
  /** Shannon bits per character, at least this share of the most a string of that length and alphabet can have. */
  minEntropyShare: 0.8,
  /** …and never below this many bits per character. */
  minEntropyBits: 3,
} as const;

// Words that real random keys do not contain (the chance of a 4-letter word in a 40-char key is ~1e-5).
const PLACEHOLDER_WORDS =
  /example|placeholder|your|dummy|fake|mock|sample|test|changeme|change_me|redacted|replace|insert|todo|fixme|xxxx|\*\*\*|<|>|\.\.\.|secret|passw|token|apikey|api_key/i;

/** Digests of "", "abc", "test", "password" and "hello": the vectors every hash test uses. */
const KNOWN_DIGESTS = new Set(
  ["", "abc", "test", "password", "hello", "hello world"].flatMap((s) =>
    ["md5", "sha1", "sha256", "sha512"].map((alg) => createHash(alg).update(s).digest("hex")),
  ),
);

export function shannonBits(s: string): number {
  const freq = new Map<string, number>();
  for (const ch of s) freq.set(ch, (freq.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of freq.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/** "aaaaaaaa", "abcabcabc", "0123456789abcdef": made by a person typing, not by a generator. */
function isPatterned(s: string): boolean {
  if (/(.)\1{5}/.test(s) || /^(.{1,8})\1+$/.test(s)) return true;
  let steps = 0;
  for (let i = 1; i < s.length; i++) if (Math.abs(s.charCodeAt(i) - s.charCodeAt(i - 1)) === 1) steps++;
  return steps >= (s.length - 1) / 2 || /012345|123456|234567|345678|456789|abcdef|bcdefg/i.test(s);
}

/** Base64 that decodes to readable text ("dGVzdA==" is "test"): an encoded word or phrase, not key material. */
function decodesToText(s: string): string | null {
  if (s.length < 8 || s.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return null;
  const bytes = Buffer.from(s, "base64");
  for (const b of bytes) if (b < 0x20 || b > 0x7e) return null;
  return bytes.toString("latin1");
}

/** A stand-in for a credential: placeholder words, masks, patterned filler, encoded words, known digests. */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value) || isPatterned(value)) return true;
  if (KNOWN_DIGESTS.has(value.toLowerCase())) return true;
  const decoded = decodesToText(value);
  return decoded !== null && (PLACEHOLDER_WORDS.test(decoded) || /^[A-Za-z :,._-]+$/.test(decoded));
}

const IMAGE_BASE64 = /^(?:iVBORw0KGgo|\/9j\/|R0lGOD|UklGR|PHN2Zy)/; // PNG, JPEG, GIF, WebP, SVG
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Identifiers, paths and phrases: most characters sit in word-like pieces ("authTokenPref",
 * "src/main/kotlin", "kotlin.RequiresOptIn", "X-Api-Key"). A generated key breaks into short
 * case-mixed fragments instead ("RCzt", "Uj", "Awyuh1vau").
 */
function isWordy(s: string): boolean {
  const pieces = s.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])/);
  const wordChars = pieces.filter((w) => w.length >= 3 && /^(?:[A-Z]?[a-z]+|[A-Z]+)$/.test(w) && /[aeiouy]/i.test(w)).reduce((n, w) => n + w.length, 0);
  return wordChars >= 0.6 * s.length;
}

/** Why an assigned literal is not a credential, or null when it looks like one. */
export function notACredential(value: string): string | null {
  const v = value.replace(/^(?:Bearer|Basic|Token|token)\s+/, "");
  if (v.length < ENTROPY_RULE.minLength) return "short";
  if (v.length > ENTROPY_RULE.maxLength) return "long";
  if (/\s/.test(v)) return "text";
  if (/[^\x21-\x7e]/.test(v)) return "not_ascii"; // keys are printable ASCII; this is prose or a symbol string
  if (/\*|\{|\(\)|\)\.|\.\(/.test(v)) return "glob_or_code";
  if (/:\/\/|^data:|^[a-z]+:[a-z]/i.test(v)) return "url";
  if (/^[\w.+-]+@[\w-]+\.[\w.]+$/.test(v)) return "email";
  if (IMAGE_BASE64.test(v)) return "image_data";
  if (/^eyJ[\w-]+\.eyJ[\w-]+\./.test(v)) return "jwt_shape"; // the jwt rule has already judged it
  if (isPlaceholder(v)) return "placeholder";
  if (isWordy(v)) return "identifier";
  const hex = /^[0-9a-f]+$/i.test(v);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  if (classes < 2) return "one_character_class";
  if (hex && v.length < 32) return "short_hex"; // object ids, colours, CRCs
  const alphabet = hex ? 16 : UUID.test(v) ? 17 : 64;
  const bits = shannonBits(v);
  if (bits < ENTROPY_RULE.minEntropyBits || bits < ENTROPY_RULE.minEntropyShare * Math.log2(Math.min(v.length, alphabet))) return "low_entropy";
  return null;
}
