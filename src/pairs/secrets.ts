/**
 * Secrets in pair texts: private keys, well-known token formats, and credential-named variables
 * assigned a key-like string literal. Redacted to a placeholder (the literal's quotes stay).
 * Secret detection is lexical by nature, so this is the one place that pattern-matches code text.
 */
export const SECRET_PLACEHOLDER = "<REDACTED_SECRET>";

const TOKEN_PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{22,}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API key
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, // Slack
  /\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}\b/g, // Stripe
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, // JWT
];

// `val apiKey = "…"`, `const val CLIENT_SECRET: String = "…"`, `password = "…"` (named args too).
const CREDENTIAL_ASSIGNMENT =
  /\b([A-Za-z0-9_]*?(?:password|passwd|secret|api_?key|apikey|access_?token|auth_?token|bearer|private_?key|token)[A-Za-z0-9_]*)(\s*(?::\s*[A-Za-z.?]+\s*)?=\s*")([^"\\$\n]+)(")/gi;

const PLACEHOLDER_WORDS = /your|example|placeholder|changeme|dummy|xxx|\*\*\*|<|>|redacted|todo/i;

/** A literal that looks like a real credential rather than a label, key name or placeholder. */
export function looksLikeSecret(literal: string): boolean {
  if (literal.length < 8 || /\s/.test(literal) || PLACEHOLDER_WORDS.test(literal)) return false;
  const hasDigit = /\d/.test(literal);
  const hasLetter = /[A-Za-z]/.test(literal);
  const mixedCase = /[a-z]/.test(literal) && /[A-Z]/.test(literal);
  return (hasDigit && hasLetter) || (literal.length >= 20 && mixedCase);
}

export function redactSecrets(text: string): { text: string; count: number } {
  let count = 0;
  let out = text;
  for (const re of TOKEN_PATTERNS) {
    out = out.replace(re, () => {
      count++;
      return SECRET_PLACEHOLDER;
    });
  }
  out = out.replace(CREDENTIAL_ASSIGNMENT, (whole, name: string, eq: string, literal: string, close: string) => {
    if (literal === SECRET_PLACEHOLDER || !looksLikeSecret(literal)) return whole;
    count++;
    return `${name}${eq}${SECRET_PLACEHOLDER}${close}`;
  });
  return { text: out, count };
}
