/**
 * Starts a worker thread from a module of this package, whether it runs from its sources under tsx (a thread
 * does not inherit tsx's loader: it registers it first) or compiled.
 */
import { createRequire } from "node:module";
import { extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * The entry module `name` beside module `from` (an `import.meta.url`), with `from`'s extension: .ts when run from
 * the sources, .js once compiled.
 */
export function siblingModule(from: string, name: string): URL {
  return new URL(`./${name}${extname(fileURLToPath(from))}`, from);
}

/** Starts a worker thread running `entry` (see `siblingModule`). */
export function startWorker(entry: URL, options: WorkerOptions): Worker {
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry, options);
  const tsx = createRequire(import.meta.url)
    .resolve("tsx/package.json")
    .replace(/package\.json$/, "dist/esm/api/index.mjs");
  const code = `import(${JSON.stringify(pathToFileURL(tsx).href)})
    .then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { ...options, eval: true });
}

/**
 * The types of nodes 0…count-1 as numbers into `names`, in the order first met: what a worker thread is sent for
 * `typeOf` (one small array rather than a string per node).
 */
export function numberedTypes(
  count: number,
  typeOf: (node: number) => string,
): { readonly types: Int32Array; readonly names: readonly string[] } {
  const names: string[] = [];
  const numbers = new Map<string, number>();
  const types = Int32Array.from({ length: count }, (_, node) => {
    const type = typeOf(node);
    let number = numbers.get(type);
    if (number === undefined) {
      number = names.length;
      names.push(type);
      numbers.set(type, number);
    }
    return number;
  });
  return { types, names };
}
