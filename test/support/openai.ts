/**
 * An OpenAI-compatible server on 127.0.0.1 for tests: /v1/models and /v1/chat/completions, with
 * answers, failures (429 with Retry-After, 500, a hang past the client's timeout) and bad answers
 * chosen per request by the test.
 */
export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
}

export type Reply =
  | { answer: string }
  | { status: number; retryAfter?: string; body?: unknown }
  | { hangMs: number };

export interface FakeOpenAI {
  url: string;
  /** Chat requests received (retries included), in order. */
  chats: ChatRequest[];
  /** /models requests received. */
  modelLists: number;
  /** Authorization headers seen. */
  auth: Set<string>;
  stop(): void;
}

/** The declaration's name as the user message shows it (the first `fun`/`class`/`object` word). */
export function declaredName(req: ChatRequest): string {
  const user = req.messages.find((m) => m.role === "user")?.content ?? "";
  const code = user.slice(user.lastIndexOf("The declaration"));
  return /\b(?:fun|class|object|interface)\s+(?:<[^>]*>\s*)?(?:[\w.]+\.)?(\w+)/.exec(code)?.[1] ?? "it";
}

/** A plausible answer: names the declaration, says something its names do not. */
export function goodAnswer(req: ChatRequest): string {
  return `Please add \`${declaredName(req)}\` for our teammates, so that callers across the shared module get what they expect from it. Keep its behaviour consistent on every platform.`;
}

export function startFakeOpenAI(opts: { models?: string[]; reply?: (req: ChatRequest, n: number) => Reply; requireKey?: string } = {}): FakeOpenAI {
  const models = opts.models ?? ["kmp-writer"];
  const reply = opts.reply ?? ((req) => ({ answer: goodAnswer(req) }));
  const state = { chats: [] as ChatRequest[], modelLists: 0, auth: new Set<string>() };
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    idleTimeout: 30,
    async fetch(req) {
      const url = new URL(req.url);
      const auth = req.headers.get("authorization") ?? "";
      state.auth.add(auth);
      if (opts.requireKey && auth !== `Bearer ${opts.requireKey}`) return Response.json({ error: { message: "invalid api key" } }, { status: 401 });
      if (req.method === "GET" && url.pathname === "/v1/models") {
        state.modelLists++;
        return Response.json({ object: "list", data: models.map((id) => ({ id, object: "model", created: 0, owned_by: "test" })) });
      }
      if (req.method === "POST" && url.pathname === "/v1/chat/completions") {
        const body = (await req.json()) as ChatRequest;
        state.chats.push(body);
        const r = reply(body, state.chats.length);
        if ("hangMs" in r) {
          await Bun.sleep(r.hangMs);
          return Response.json({ error: { message: "too late" } }, { status: 504 });
        }
        if ("status" in r) {
          const headers: Record<string, string> = r.retryAfter !== undefined ? { "retry-after": r.retryAfter } : {};
          return Response.json(r.body ?? { error: { message: `injected ${r.status}` } }, { status: r.status, headers });
        }
        if (!models.includes(body.model)) return Response.json({ error: { message: `model ${body.model} does not exist` } }, { status: 404 });
        return Response.json({
          id: `chatcmpl-${state.chats.length}`,
          object: "chat.completion",
          created: 0,
          model: body.model,
          choices: [{ index: 0, message: { role: "assistant", content: r.answer }, finish_reason: "stop" }],
          usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
        });
      }
      return new Response("not found", { status: 404 });
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}/v1`,
    get chats() {
      return state.chats;
    },
    get modelLists() {
      return state.modelLists;
    },
    auth: state.auth,
    stop: () => server.stop(true),
  };
}
