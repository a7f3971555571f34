/**
 * Secret redaction on a hand-labelled table: each row is a Kotlin line, whether it sits in a test
 * source set, and the rules that must fire (none for a false secret). Every value is made up.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../src/log.ts";
import { runPairs } from "../../src/pairs/index.ts";
import { PairMaker } from "../../src/pairs/maker.ts";
import { MAX_LISTED_REDACTIONS, emptySecretCounts, recordRedactions } from "../../src/pairs/secretCounts.ts";
import { redactSecrets, SECRET_PLACEHOLDER, type SecretRule } from "../../src/pairs/secrets.ts";
import { notACredential } from "../../src/pairs/secretValues.ts";
import { block, cfg, repoOf, writeBlocks } from "./support.ts";

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
const jwt = (header: object, claims: object, sig = "ws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2jBMptUs") => `${b64url(header)}.${b64url(claims)}.${sig}`;
const pem = (body: string) => `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`;
const PEM_BODY =
  "Gr7CmY+uCu3ZR1zTOlUcR64cXQLioDnkHIfxIq2HZt/PlJhx2jIclHkCiHp6bR1I\nqfEouHgxzNNAL5wIScGebcy8F5n3/YNBDRzrZSgqbjG3uhkWKFLf6xuI5aHUQPFe\nNBTxaQWk8JzFalHlsZfYcMMD";
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

type Row = [label: string, text: string, isTest: boolean, expected: SecretRule[]];
const MAIN = false;
const TEST = true;

// True secrets: one of each rule shape, and the prefixed shapes again inside a test source set.
const TRUE_SECRETS: Row[] = [
  ["AWS access key id", 'val awsKeyId = "AKIAUJZDEGXDNCF32EPF"', MAIN, ["aws_access_key"]],
  ["AWS access key id in a test (prefixed shapes are redacted in tests too)", 'val id = "AKIAUJZDEGXDNCF32EPF"', TEST, ["aws_access_key"]],
  ["GitHub classic token", 'client(token = "ghp_JBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLK")', MAIN, ["github_token"]],
  ["GitHub fine-grained token", 'val pat = "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"', MAIN, ["github_token"]],
  ["Google API key", 'val maps = "AIzaN5KXSc7Tvo_hBKqFYY_kv5ZJr3J1TWDtkwt"', MAIN, ["google_api_key"]],
  ["Slack bot token", 'val slack = "xoxb-330792440268-5995289078666-zgEOzdmenCkhvMdgaKjIg8xN"', MAIN, ["slack_token"]],
  ["Slack webhook", 'post("https://hooks.slack.com/services/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")', MAIN, ["slack_webhook"]],
  ["Stripe secret key", 'Stripe.apiKey = "sk_live_P3fS2qHx6kwXoIIXGvOoNZYW"', MAIN, ["stripe_key"]],
  ["OpenAI project key", 'val openAi = "sk-proj-yEZDz_TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7T3BlbkFJZkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtc4xat"', MAIN, ["openai_key"]],
  ["signed JWT", `val session = "${jwt({ alg: "HS256", typ: "JWT" }, { sub: "u_48213", iat: 1700000000 })}"`, MAIN, ["jwt"]],
  ["private key block", `val key = """\n${pem(PEM_BODY)}\n"""`, MAIN, ["private_key_block"]],
  ["private key block in a test (kept redacted: a pasted real key reads the same)", `val key = """\n${pem(PEM_BODY)}\n"""`, TEST, ["private_key_block"]],
  ["random key in a credential constant", 'const val API_KEY = "RCztUjAwyuh1vauWv1zh"', MAIN, ["credential_assignment"]],
  ["32-hex API key outside tests", 'val apiKey = "24caf4941d4072014b3ce107f80e222f"', MAIN, ["credential_assignment"]],
  ["random password with symbols", 'val dbPassword: String = "zbL#GVi!YXjU2JgJ"', MAIN, ["credential_assignment"]],
  ["bearer value", 'val authToken = "Bearer RCztUjAwyuh1vauWv1zh"', MAIN, ["credential_assignment"]],
  ["buildConfigField in a build script", 'buildConfigField("String", "WEATHER_API_KEY", "\\"24caf4941d4072014b3ce107f80e222f\\"")', MAIN, ["credential_assignment"]],
];

// False secrets: test vectors, placeholders, references, identifiers, ids, data and URLs.
const FALSE_SECRETS: Row[] = [
  ["SHA-256 of \"abc\" in a test", `val expectedSecretDigest = "${sha256("abc")}"`, TEST, []],
  ["SHA-256 of \"abc\" outside tests (a known digest)", `val secretHash = "${sha256("abc")}"`, MAIN, []],
  ["RFC-style hex test key in a test", 'val privateKey = "828767efc2f91624a8940f1f836f99eee3692f09e2e8c662248b483b7ffc050f"', TEST, []],
  ["password123 in a test", 'login(password = "password123")', TEST, []],
  ["password123 outside tests (the word is the placeholder)", 'val password = "password123"', MAIN, []],
  ["BuildConfig reference", "val apiKey = BuildConfig.API_KEY", MAIN, []],
  ["empty key", 'var apiKey = ""', MAIN, []],
  ["bearer prefix alone", 'val token = "Bearer "', MAIN, []],
  ["template reference", 'val header = "Bearer ${token}"', MAIN, []],
  ["YOUR_API_KEY placeholder", 'const val API_KEY = "YOUR_API_KEY"', MAIN, []],
  ["AWS documentation example key", 'val awsKeyId = "AKIAIOSFODNN7EXAMPLE"', MAIN, []],
  ["masked GitHub token", 'val token = "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"', MAIN, []],
  ["Stripe publishable key (public by design)", 'val stripe = "pk_live_VVPqzPptEJQzhkPkenG5ZFJo"', MAIN, []],
  ["resource id under a credential-like name", 'val passwordFieldId = "input_password_field"', MAIN, []],
  ["preference key", 'const val AUTH_TOKEN = "com.acme.app.auth_token"', MAIN, []],
  ["identifier value", 'val apiKey = "weatherServiceProductionKey"', MAIN, []],
  ["UUID under an id name", 'val sessionId = "319478da-6bd0-4c62-a1de-49f145fda998"', MAIN, []],
  ["UUID under a credential name in a test", 'val deviceToken = "319478da-6bd0-4c62-a1de-49f145fda998"', TEST, []],
  ["base64 PNG data", 'val avatarToken = "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGklEQVR4nGNgGAWjYBSMglEwCkbBKBgFw0kAAAhYAAH9"', MAIN, []],
  ["base64 of words", 'val clientSecret = "c2VjcmV0LXZhbHVl"', MAIN, []],
  ["URL under a token name", 'const val ACCESS_TOKEN = "https://auth.acme.dev/oauth2/token?v=2"', MAIN, []],
  ["jwt.io-style sample token", `val token = "${jwt({ alg: "HS256", typ: "JWT" }, { sub: "1234567890", name: "John Doe", iat: 1516239022 })}"`, MAIN, []],
  ["unsigned JWT", `val t = "${jwt({ alg: "none" }, { sub: "u_48213", iat: 1700000000 })}"`, MAIN, []],
  ["PEM header constant", 'const val PEM_HEADER = "-----BEGIN PRIVATE KEY-----"', MAIN, []],
  ["KDoc key block with an ellipsis", `/**\n * ${pem("MIIEvQ...")}\n */`, MAIN, []],
  ["sentence", 'val passwordHint = "Enter your password"', MAIN, []],
  ["human password: repeated and low entropy", 'val password = "hunter2hunter2"', MAIN, []],
  ["sequential filler", 'val apiKey = "0123456789abcdef0123"', MAIN, []],
  ["random-looking value in a test under a secret name", 'val apiKey = "RCztUjAwyuh1vauWv1zh"', TEST, []],
  ["comparison, not assignment", 'if (token == "RCztUjAwyuh1vauWv1zh") return', MAIN, []],
];

describe("hand-labelled secrets", () => {
  test.each(TRUE_SECRETS)("secret: %s", (_label, text, isTest, expected) => {
    const r = redactSecrets(text, { isTest });
    expect(r.redactions).toEqual(expected);
    expect(r.text).toContain(SECRET_PLACEHOLDER);
  });

  test.each(FALSE_SECRETS)("not a secret: %s", (_label, text, isTest, expected) => {
    expect(redactSecrets(text, { isTest })).toEqual({ text, redactions: expected });
  });

  test("the table covers every rule and has at least 25 hand-labelled rows", () => {
    const rules = new Set(TRUE_SECRETS.flatMap((r) => r[3]));
    for (const r of ["private_key_block", "aws_access_key", "github_token", "google_api_key", "slack_token", "stripe_key", "jwt", "credential_assignment"])
      expect(rules.has(r as SecretRule)).toBe(true);
    expect(TRUE_SECRETS.length + FALSE_SECRETS.length).toBeGreaterThanOrEqual(25);
  });

  test("only the literal goes: the name, quotes and surrounding code stay", () => {
    expect(redactSecrets('const val API_KEY: String = "RCztUjAwyuh1vauWv1zh"', { isTest: false }).text).toBe(`const val API_KEY: String = "${SECRET_PLACEHOLDER}"`);
    expect(redactSecrets('f(id = "AKIAUJZDEGXDNCF32EPF", n = 1)', { isTest: true }).text).toBe(`f(id = "${SECRET_PLACEHOLDER}", n = 1)`);
  });

  test("a prefixed token under a credential name counts once", () => {
    expect(redactSecrets('val apiKey = "AIzaN5KXSc7Tvo_hBKqFYY_kv5ZJr3J1TWDtkwt"', { isTest: false }).redactions).toEqual(["google_api_key"]);
  });

  test.each([
    ["short", "Zk29xQ"],
    ["text", "two words here!9"],
    ["low_entropy", "kkqqzzkkqqww9191"],
    [null, "RCztUjAwyuh1vauWv1zh"],
  ])("credential value verdict %s for %s", (why, value) => {
    expect(notACredential(value)).toBe(why);
  });
});

describe("redactions in the stats", () => {
  const tmp = mkdtempSync(join(tmpdir(), "kmpdata-secrets-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test("pairs_stats.json lists each redaction with repo, path and rule, and counts per rule", async () => {
    const path = "shared/src/commonMain/kotlin/com/acme/app/Client.kt";
    const withKey = block('fun client(): Client ⟦{\n    val apiKey = "RCztUjAwyuh1vauWv1zh"\n    return Client(apiKey)\n}⟧', { name: "client", path });
    const testPath = "shared/src/commonTest/kotlin/com/acme/app/DigestTest.kt";
    const vector = block(`fun digest() ⟦{\n    val secretDigest = "${sha256("abc")}"\n    check(secretDigest)\n}⟧`, { name: "digest", path: testPath, is_test: true, source_set: "commonTest" });
    writeBlocks(tmp, [withKey, vector]);
    const ctx = { log: silentLogger, progress: { mode: "off" as const }, signal: new AbortController().signal };
    const result = await runPairs(tmp, cfg(), ctx);
    const stats = JSON.parse(readFileSync(result!.statsPath, "utf8"));
    expect(stats.secrets.redactions).toEqual([{ repo: "acme/app", path, rule: "credential_assignment", pair_type: "description_to_code", action: "redacted" }]);
    expect(stats.secrets.by_rule.credential_assignment).toBe(1);
    expect(stats.secrets.secrets_redacted).toBe(1);
    expect(stats.secrets.redactions_not_listed).toBe(0);
    const rows = ["train", "val", "test"].flatMap((s) => readFileSync(join(tmp, "training_pairs", `${s}.jsonl`), "utf8").split("\n").filter(Boolean));
    expect(rows.join("\n")).not.toContain("RCztUjAwyuh1vauWv1zh");
    expect(rows.join("\n")).toContain(sha256("abc"));
  });

  test("a pair with more secrets than allowed is dropped, and its redactions are listed as such", () => {
    const many = block(
      'fun creds() ⟦{\n    val apiKey = "RCztUjAwyuh1vauWv1zh"\n    val password = "zbL#GVi!YXjU2JgJ"\n    val authToken = "AKIAUJZDEGXDNCF32EPF"\n    val secret = "24caf4941d4072014b3ce107f80e222f"\n    use(apiKey, password, authToken, secret)\n}⟧',
      { name: "creds" },
    );
    const maker = new PairMaker(cfg());
    expect([...maker.pairsOf(repoOf([many]))]).toHaveLength(0);
    const s = maker.counts.secrets;
    expect(maker.counts.dropped.secrets).toBe(1);
    expect(s).toMatchObject({ pairs_dropped: 1, secrets_in_dropped_pairs: 4, pairs_redacted: 0, secrets_redacted: 0 });
    expect(s.by_rule).toMatchObject({ aws_access_key: 1, credential_assignment: 3 });
    expect(s.redactions.every((r) => r.action === "pair_dropped" && r.path === many.path)).toBe(true);
  });

  test("the list is capped and the overflow counted", () => {
    const counts = emptySecretCounts();
    const at = { repo: "acme/app", path: "A.kt", pair_type: "full_file" as const };
    for (let i = 0; i < MAX_LISTED_REDACTIONS + 5; i++) recordRedactions(counts, at, ["jwt"], "redacted");
    expect(counts.redactions).toHaveLength(MAX_LISTED_REDACTIONS);
    expect(counts.redactions_not_listed).toBe(5);
    expect(counts.by_rule.jwt).toBe(MAX_LISTED_REDACTIONS + 5);
  });
});
