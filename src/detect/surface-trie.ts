/**
 * The token trie of the dictionary's phrases in flat typed arrays on shared memory: nodes are numbers (the root is
 * 0), each edge (parent node, token key) an entry of one open-addressing hash table whose keys' characters sit in
 * one array. Worker threads read it without a copy (`core/shared-arrays.ts`), where a trie of objects and Maps
 * would be copied into each.
 */
import { sharedInt32, sharedInt32From, sharedUint16 } from "../core/shared-arrays.js";

/** The trie: look nodes up with `trieChild`, their phrase with `trieSurface`. */
export interface SurfaceTrie {
  /** The phrase (surface number) ending at each node, -1 where none does. */
  readonly surfaceAt: Int32Array;
  /** Per hash slot: the edge's parent node (-1 for an empty slot), child node, and key's start and end in `chars`. */
  readonly slotParent: Int32Array;
  readonly slotChild: Int32Array;
  readonly slotKeyStart: Int32Array;
  readonly slotKeyEnd: Int32Array;
  /** The UTF-16 code units of every edge's key, one after the other. */
  readonly chars: Uint16Array;
}

/** The root node. */
export const TRIE_ROOT = 0;

/** The trie of `phrases` (each a list of token keys), phrase i ending at a node whose surface is i. */
export function buildSurfaceTrie(phrases: readonly (readonly string[])[]): SurfaceTrie {
  const edges: { parent: number; key: string; child: number }[] = [];
  const childOf = new Map<string, number>();
  const surfaceOf: number[] = [-1];
  phrases.forEach((keys, surface) => {
    let node = TRIE_ROOT;
    for (const key of keys) {
      const edge = `${node}\0${key}`;
      let child = childOf.get(edge);
      if (child === undefined) {
        child = surfaceOf.length;
        surfaceOf.push(-1);
        childOf.set(edge, child);
        edges.push({ parent: node, key, child });
      }
      node = child;
    }
    surfaceOf[node] = surface;
  });
  return packEdges(edges, surfaceOf);
}

/** The hash table of `edges`, with twice as many slots as edges (a power of two) so that probes stay short. */
function packEdges(
  edges: readonly { parent: number; key: string; child: number }[],
  surfaceOf: number[],
): SurfaceTrie {
  let slots = 16;
  while (slots < edges.length * 2) slots *= 2;
  const trie: SurfaceTrie = {
    surfaceAt: sharedInt32From(surfaceOf),
    slotParent: sharedInt32(slots).fill(-1),
    slotChild: sharedInt32(slots),
    slotKeyStart: sharedInt32(slots),
    slotKeyEnd: sharedInt32(slots),
    chars: sharedUint16(edges.reduce((sum, e) => sum + e.key.length, 0)),
  };
  let used = 0;
  for (const { parent, key, child } of edges) {
    let slot = edgeHash(parent, key) & (slots - 1);
    while ((trie.slotParent[slot] ?? -1) >= 0) slot = (slot + 1) & (slots - 1);
    trie.slotParent[slot] = parent;
    trie.slotChild[slot] = child;
    trie.slotKeyStart[slot] = used;
    for (let i = 0; i < key.length; i += 1) trie.chars[used + i] = key.charCodeAt(i);
    used += key.length;
    trie.slotKeyEnd[slot] = used;
  }
  return trie;
}

/** The child of `node` by the token `key`, or -1. */
export function trieChild(trie: SurfaceTrie, node: number, key: string): number {
  const mask = trie.slotParent.length - 1;
  for (let slot = edgeHash(node, key) & mask; ; slot = (slot + 1) & mask) {
    const parent = trie.slotParent[slot] ?? -1;
    if (parent < 0) return -1;
    if (parent === node && keyEquals(trie, slot, key)) return trie.slotChild[slot] ?? -1;
  }
}

/** The surface number of the phrase ending at `node`, or -1. */
export function trieSurface(trie: SurfaceTrie, node: number): number {
  return trie.surfaceAt[node] ?? -1;
}

function keyEquals(trie: SurfaceTrie, slot: number, key: string): boolean {
  const start = trie.slotKeyStart[slot] ?? 0;
  if ((trie.slotKeyEnd[slot] ?? 0) - start !== key.length) return false;
  for (let i = 0; i < key.length; i += 1) if (trie.chars[start + i] !== key.charCodeAt(i)) return false;
  return true;
}

/** FNV-1a over the parent node and the key's UTF-16 code units. */
function edgeHash(parent: number, key: string): number {
  let hash = Math.imul(0x811c9dc5 ^ parent, 0x01000193);
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash ^ (hash >>> 15)) >>> 0;
}
