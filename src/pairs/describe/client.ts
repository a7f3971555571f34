/**
 * The OpenAI-compatible endpoint (vLLM, llama.cpp's server, Ollama, TGI, OpenAI itself) through the
 * official `openai` package: its `baseURL` reaches any of them, and it retries 429/5xx/timeouts
 * with backoff, honouring Retry-After. Every failure the user can cause or fix becomes one line.
 * The API key goes to the endpoint only: never logged, never written.
 */
import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from "openai";
import { KmpError } from "../../errors.ts";

export interface EndpointOptions {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  /** One request's limit, retries aside. */
  timeoutSec: number;
  /** Retries of one request on 429, 5xx, timeouts and dropped connections. */
  maxRetries: number;
}

export interface Answer {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

/** Why a request failed, for the stats; `fatal` ends the run (nothing more can succeed). */
export interface RequestFailure {
  reason: string;
  fatal: KmpError | null;
}

export class DescribeClient {
  private readonly client: OpenAI;
  /** HTTP requests sent, retries included. */
  httpRequests = 0;

  constructor(private readonly o: EndpointOptions) {
    this.client = new OpenAI({
      baseURL: o.baseUrl,
      apiKey: o.apiKey ?? "none", // local servers take any key; the package wants one
      timeout: o.timeoutSec * 1000,
      maxRetries: o.maxRetries,
      fetch: (url: string | URL | Request, init?: RequestInit) => {
        this.httpRequests++;
        return fetch(url, init);
      },
    });
  }

  /** The models the endpoint serves; throws a one-line KmpError when it cannot be used at all. */
  async models(): Promise<string[]> {
    try {
      const page = await this.client.models.list({ maxRetries: 1, timeout: 15_000 });
      const ids = page.data.map((m) => m.id).filter((id) => typeof id === "string");
      return ids;
    } catch (e) {
      throw this.unusable(e, "/models");
    }
  }

  /** Checks that the endpoint answers and serves the model (by its /models list). */
  async checkModel(): Promise<string[]> {
    const ids = await this.models();
    if (!ids.includes(this.o.model)) {
      const served = ids.length ? `it serves: ${ids.slice(0, 20).join(", ")}${ids.length > 20 ? ", …" : ""}` : "it lists no model";
      throw new KmpError("E_USAGE", `${this.o.baseUrl} serves no model '${this.o.model}' (${served}): pick one with --describe-model`);
    }
    return ids;
  }

  async describe(messages: { role: "system" | "user"; content: string }[], signal: AbortSignal): Promise<Answer> {
    const r = await this.client.chat.completions.create({ model: this.o.model, messages, temperature: 0, max_tokens: 300 }, { signal });
    const text = r.choices?.[0]?.message?.content ?? "";
    return { text: typeof text === "string" ? text : "", promptTokens: r.usage?.prompt_tokens ?? 0, completionTokens: r.usage?.completion_tokens ?? 0 };
  }

  /** A failed chat request: counted by reason; a refused key ends the run. */
  failure(e: unknown): RequestFailure {
    if (e instanceof APIUserAbortError) return { reason: "interrupted", fatal: new KmpError("E_INTERRUPTED", "pairs: interrupted while describing; rerun to resume (answers so far are cached)") };
    if (e instanceof APIConnectionError) return { reason: e.constructor.name === "APIConnectionTimeoutError" ? "timeout" : "connection", fatal: null };
    if (e instanceof APIError) {
      if (e.status === 401 || e.status === 403) return { reason: `http_${e.status}`, fatal: this.unusable(e, "/chat/completions") };
      return { reason: e.status ? `http_${e.status}` : "bad_response", fatal: null };
    }
    return { reason: "bad_response", fatal: null };
  }

  private unusable(e: unknown, path: string): KmpError {
    const url = this.o.baseUrl;
    if (e instanceof APIUserAbortError) return new KmpError("E_INTERRUPTED", "interrupted; rerun to resume");
    if (e instanceof APIConnectionError) {
      const cause = (e.cause as { code?: string; message?: string } | undefined)?.code ?? e.message;
      return new KmpError("E_NETWORK", `cannot reach the description endpoint ${url} (${cause}): start the model server or check --describe-with`);
    }
    if (e instanceof APIError && (e.status === 401 || e.status === 403)) {
      return new KmpError("E_USAGE", `${url} refused the API key (HTTP ${e.status} on ${path}): pass --describe-api-key or set OPENAI_API_KEY`);
    }
    const status = e instanceof APIError && e.status ? `HTTP ${e.status}` : "not JSON";
    const hint = /\/v1\/?$/.test(url) ? "" : `; most servers serve it under /v1: try --describe-with ${url.replace(/\/+$/, "")}/v1`;
    return new KmpError("E_NETWORK", `${url} does not look like an OpenAI-compatible API (${status} on ${path})${hint}`);
  }
}
