/**
 * The static assets (one style sheet, one script) under content-hashed URLs, so that they can be cached for
 * a year: a new version is a new URL.
 */
import { createHash } from "node:crypto";
import { CLIENT_SCRIPT } from "./client-script.js";
import { STYLES } from "./styles.js";

/** A static file as served. */
export interface StaticAsset {
  /** The URL path, with the content hash in the file name. */
  readonly path: string;
  readonly contentType: string;
  readonly body: string;
}

function asset(name: string, extension: string, contentType: string, body: string): StaticAsset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  return { path: `/static/${name}.${hash}.${extension}`, contentType, body };
}

/** The style sheet. */
export const STYLE_ASSET = asset("app", "css", "text/css; charset=utf-8", STYLES);
/** The client script. */
export const SCRIPT_ASSET = asset("app", "js", "text/javascript; charset=utf-8", CLIENT_SCRIPT);

const BY_PATH: ReadonlyMap<string, StaticAsset> = new Map(
  [STYLE_ASSET, SCRIPT_ASSET].map((a) => [a.path, a] as const),
);

/** The asset served at `path`, or undefined (an old hash is not found, so a stale page cannot mix versions). */
export function findAsset(path: string): StaticAsset | undefined {
  return BY_PATH.get(path);
}
