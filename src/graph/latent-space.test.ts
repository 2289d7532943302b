import { describe, expect, it } from "vitest";
import { foldIn, orthonormalise, type SparseRows, symmetricEigen, truncatedSvd } from "./latent-space.js";

/** A dense n × m matrix (row-major) as `SparseRows`, zeros left out. */
function sparse(dense: Float64Array, n: number, m: number): SparseRows {
  const start = new Int32Array(n + 1);
  const index: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < m; j += 1) {
      const v = dense[i * m + j] as number;
      if (v === 0) continue;
      index.push(j);
      value.push(v);
    }
    start[i + 1] = index.length;
  }
  return { rows: n, columns: m, start, index: Int32Array.from(index), value: Float32Array.from(value) };
}

/** `width` orthonormal columns of n entries from a fixed pseudo-random fill. */
function orthonormalColumns(n: number, width: number, seed: number): Float64Array {
  const x = new Float64Array(n * width);
  let s = seed;
  for (let i = 0; i < x.length; i += 1) {
    s = (s * 1103515245 + 12345) % 2147483648;
    x[i] = s / 2147483648 - 0.5;
  }
  return orthonormalise(x, n, width);
}

describe("truncatedSvd", () => {
  // M = U diag(σ) Vᵀ with known orthonormal U (40 × 3), V (30 × 3) and σ = 5, 3, 1.
  const n = 40;
  const m = 30;
  const sigma = [5, 3, 1];
  const u = orthonormalColumns(n, 3, 7);
  const v = orthonormalColumns(m, 3, 11);
  const dense = new Float64Array(n * m);
  for (let i = 0; i < n; i += 1)
    for (let j = 0; j < m; j += 1)
      for (let k = 0; k < 3; k += 1)
        dense[i * m + j] =
          (dense[i * m + j] as number) +
          (u[i * 3 + k] as number) * (sigma[k] as number) * (v[j * 3 + k] as number);

  it("recovers the singular values of a matrix of known rank", () => {
    const svd = truncatedSvd(sparse(dense, n, m), { rank: 3, oversampling: 4, powerIterations: 1 });
    expect([...svd.values].map((x) => Number(x.toFixed(4)))).toEqual([5, 3, 1]);
  });

  it("recovers its left singular vectors up to sign", () => {
    const svd = truncatedSvd(sparse(dense, n, m), { rank: 3, oversampling: 4, powerIterations: 1 });
    for (let k = 0; k < 3; k += 1) {
      let dot = 0;
      for (let i = 0; i < n; i += 1) dot += (svd.left[i * 3 + k] as number) * (u[i * 3 + k] as number);
      expect(Math.abs(dot)).toBeGreaterThan(0.9999);
    }
  });

  it("keeps the leading directions when the rank asked is below the matrix's", () => {
    const svd = truncatedSvd(sparse(dense, n, m), { rank: 2, oversampling: 3, powerIterations: 2 });
    expect(svd.rank).toBe(2);
    expect(svd.values[0]).toBeCloseTo(5, 3);
    expect(svd.values[1]).toBeCloseTo(3, 3);
  });

  it("places a column of the matrix at its row of V Σ by folding it in", () => {
    const svd = truncatedSvd(sparse(dense, n, m), { rank: 3, oversampling: 4, powerIterations: 1 });
    // Column 4 of M folded in over U is Uᵀ M e₄ = Σ V[4], up to each vector's sign.
    const terms = Array.from({ length: n }, (_, i) => i);
    const weights = terms.map((i) => dense[i * m + 4] as number);
    const place = foldIn(svd, terms, weights);
    for (let k = 0; k < 3; k += 1)
      expect(Math.abs(place[k] as number)).toBeCloseTo(
        Math.abs((sigma[k] as number) * (v[4 * 3 + k] as number)),
        4,
      );
  });
});

describe("symmetricEigen", () => {
  it("finds the eigenpairs of a 2 × 2 symmetric matrix", () => {
    // [[2, 1], [1, 2]]: eigenvalues 1 and 3, eigenvectors (1, −1)/√2 and (1, 1)/√2.
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    const order = [0, 1].sort((a, b) => (values[a] as number) - (values[b] as number));
    expect(values[order[0] as number]).toBeCloseTo(1, 10);
    expect(values[order[1] as number]).toBeCloseTo(3, 10);
    const big = order[1] as number;
    expect(Math.abs(vectors[big] as number)).toBeCloseTo(Math.SQRT1_2, 10);
    expect((vectors[big] as number) * (vectors[2 + big] as number)).toBeGreaterThan(0);
  });
});

describe("orthonormalise", () => {
  it("makes nearly dependent columns orthonormal and keeps the first one's direction", () => {
    // Column 1 is column 0 plus 1e-6 of noise: once through, Cholesky QR would lose orthogonality.
    const n = 50;
    const x = new Float64Array(n * 2);
    for (let i = 0; i < n; i += 1) {
      x[i * 2] = Math.sin(i + 1);
      x[i * 2 + 1] = Math.sin(i + 1) + 1e-6 * Math.cos(3 * i);
    }
    const first = Array.from({ length: n }, (_, i) => x[i * 2] as number);
    const q = orthonormalise(x, n, 2);
    let d00 = 0;
    let d01 = 0;
    let d11 = 0;
    let along = 0;
    for (let i = 0; i < n; i += 1) {
      d00 += (q[i * 2] as number) ** 2;
      d11 += (q[i * 2 + 1] as number) ** 2;
      d01 += (q[i * 2] as number) * (q[i * 2 + 1] as number);
      along += (q[i * 2] as number) * (first[i] as number);
    }
    expect(d00).toBeCloseTo(1, 8);
    expect(d11).toBeCloseTo(1, 6);
    expect(Math.abs(d01)).toBeLessThan(1e-6);
    const norm = Math.sqrt(first.reduce((s, v) => s + v * v, 0));
    expect(along / norm).toBeCloseTo(1, 8);
  });
});
