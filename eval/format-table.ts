/** Plain-text tables for the evaluations' output. */

/** Rows as aligned columns: the first `textColumns` padded on the right, numbers after them on the left. */
export function formatTable(table: readonly string[][], textColumns = 3): string {
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? "").length))) ?? [];
  return table
    .map((r) =>
      r.map((c, i) => (i < textColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  "),
    )
    .join("\n");
}
