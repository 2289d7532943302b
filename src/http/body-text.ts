/**
 * The body a response was made from, remembered when a handler makes it (`c.body`, `c.json`, `c.html`,
 * `c.text` with text or bytes), so that middleware can tag, compress and keep it without reading the response's
 * body back: reading it builds a WHATWG stream, which cost a tenth of a small JSON request. Also replaces a
 * finished response without Hono's rebuilding of the old one from its body stream.
 */
import type { Context } from "hono";

/** A body held in memory: the text or bytes a response was made from. */
export type HeldBody = string | Uint8Array;

const bodies = new WeakMap<Response, HeldBody>();
const wrapped = new WeakSet<Context>();

/** The text or bytes `response` was made from, when made by `rememberBodies`'s context or `heldResponse`. */
export function heldBody(response: Response): HeldBody | undefined {
  return bodies.get(response);
}

/** A response of `body` whose body is remembered (see `heldBody`). */
export function heldResponse(body: HeldBody, init: ResponseInit): Response {
  const response = new Response(body, init);
  bodies.set(response, body);
  return response;
}

/**
 * Makes the responses `c` creates from text or bytes remember it; once per context. JSON is serialised here
 * (and typed `application/json`) so that the text is known.
 */
export function rememberBodies(c: Context): void {
  if (wrapped.has(c)) return;
  wrapped.add(c);
  const remembering =
    <A extends unknown[]>(make: (...args: A) => Response | Promise<Response>) =>
    (...args: A) => {
      const response = make(...args);
      const body = args[0];
      if (response instanceof Response && (typeof body === "string" || body instanceof Uint8Array)) {
        bodies.set(response, body);
      }
      return response;
    };
  const body = remembering(c.body as unknown as (...args: unknown[]) => Response);
  c.body = body as unknown as Context["body"];
  c.text = remembering(c.text as unknown as (...args: unknown[]) => Response) as unknown as Context["text"];
  c.html = remembering(c.html as unknown as (...args: unknown[]) => Response) as unknown as Context["html"];
  c.json = ((object: unknown, arg?: unknown, headers?: unknown) => {
    c.header("Content-Type", "application/json");
    return body(JSON.stringify(object), arg, headers);
  }) as Context["json"];
}

/**
 * Sets `response` as `c`'s response as it is: assigning `c.res` over a finished response makes Hono rebuild the
 * new one from its body stream to merge the old one's headers, which `response` must therefore already hold.
 */
export function replaceResponse(c: Context, response: Response): void {
  c.res = undefined;
  c.res = response;
}
