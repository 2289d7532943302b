/**
 * The HTTP floor for bench/http.ts: a plain node:http server answering every request with an empty 200, so that
 * the time a request takes without any work (the client, loopback, Node's HTTP parsing and writing) is measured
 * with the same client next to the servers that search.
 * Run: npx tsx bench/empty-server.ts [--port N]; prints "serving on URL" once listening.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { port: { type: "string" } } });
const server = createServer((_request, response) => {
  response.writeHead(200, { "Content-Length": "0" }).end();
});
server.listen(Number(values.port ?? 0), "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`serving on http://127.0.0.1:${port}`);
});
