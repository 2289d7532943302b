/**
 * A client of the public API that sends its calls to an application in the same process: same routes, same
 * validation, no network. The chat uses it to call the API it is part of.
 */
import type { ApiClient } from "../chat/run-chat.js";

/** A client of `app`'s API. */
export function inProcessClient(app: {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}): ApiClient {
  return async (call) => {
    const query = call.query ? `?${new URLSearchParams(call.query)}` : "";
    const response = await app.request(`${call.path}${query}`, {
      method: call.method,
      ...(call.body === undefined
        ? {}
        : { body: JSON.stringify(call.body), headers: { "content-type": "application/json" } }),
    });
    return { status: response.status, body: await response.json() };
  };
}
