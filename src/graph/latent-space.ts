/**
 * A low-rank space learned from the records' own texts (latent semantic analysis): the term × document matrix M
 * of tf-idf weights, reduced by a randomized truncated SVD (Halko, Martinsson & Tropp 2011),
 *
 *   M ≈ U Σ Vᵀ,  U: terms × k,  Σ = diag(σ₁ ≥ … ≥ σ_k),  V: documents × k
 *   Ω random (documents × l, l = k + oversampling);  Q = orth(M Ω), then q times Q = orth(M · orth(Mᵀ Q))
 *   B = Qᵀ M;  B Bᵀ = W Λ Wᵀ (Jacobi);  U = Q W,  σ = √λ
 *
 * A text t (a record, a concept's names and description) is placed by folding in its weights over the terms,
 * x(t) = Σ_w m(t, w) · U[w] (= its row of V Σ for a document of M), and two texts compare by the cosine of their
 * places: words that occur in the same texts end near each other, so a text can be near a name it never writes.
 */

/** A sparse matrix by rows: row i holds columns index[start[i]…start[i + 1]) with their values. */
export interface SparseRows {
  readonly rows: number;
  readonly columns: number;
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly value: Float32Array;
}

/** Options of `truncatedSvd`. */
export interface SvdOptions {
  /** k, the singular triplets kept; default 150, at most min(rows, columns). */
  readonly rank: number;
  /** Extra random directions sampled past k, for accuracy; default 10. */
  readonly oversampling: number;
  /** Power iterations q (each one more pass of M and Mᵀ), sharpening a slowly decaying spectrum; default 2. */
  readonly powerIterations: number;
  /** Seed of the random directions (the result is the same for the same seed); default 1. */
  readonly seed: number;
}

export const DEFAULT_SVD_OPTIONS: SvdOptions = { rank: 150, oversampling: 10, powerIterations: 2, seed: 1 };

/** The leading singular values and left vectors of a matrix. */
export interface TruncatedSvd {
  readonly rank: number;
  /** σ₁ ≥ … ≥ σ_k. */
  readonly values: Float64Array;
  /** U, rows × rank, row-major: row i is the place of the matrix's row i (a term's). */
  readonly left: Float32Array;
}

/** The best rank-k approximation's singular values and left vectors of `matrix`, by randomized range finding. */
export function truncatedSvd(matrix: SparseRows, options: Partial<SvdOptions> = {}): TruncatedSvd {
  const o = { ...DEFAULT_SVD_OPTIONS, ...options };
  const rank = Math.min(o.rank, matrix.rows, matrix.columns);
  const width = Math.min(rank + o.oversampling, matrix.rows, matrix.columns);
  const random = gaussian(o.seed);
  const omega = new Float64Array(matrix.columns * width);
  for (let i = 0; i < omega.length; i += 1) omega[i] = random();
  let q = orthonormalise(times(matrix, omega, width), matrix.rows, width);
  for (let p = 0; p < o.powerIterations; p += 1) {
    const z = orthonormalise(transposeTimes(matrix, q, width), matrix.columns, width);
    q = orthonormalise(times(matrix, z, width), matrix.rows, width);
  }
  // Bᵀ = Mᵀ Q (columns × width); B Bᵀ = (Bᵀ)ᵀ Bᵀ, width × width.
  const bt = transposeTimes(matrix, q, width);
  const { values: lambda, vectors: w } = symmetricEigen(gram(bt, matrix.columns, width), width);
  const order = [...lambda.keys()].sort((a, b) => (lambda[b] as number) - (lambda[a] as number));
  const values = new Float64Array(rank);
  const left = new Float32Array(matrix.rows * rank);
  for (let j = 0; j < rank; j += 1) {
    const e = order[j] as number;
    values[j] = Math.sqrt(Math.max(0, lambda[e] as number));
    for (let i = 0; i < matrix.rows; i += 1) {
      let sum = 0;
      for (let m = 0; m < width; m += 1) sum += (q[i * width + m] as number) * (w[m * width + e] as number);
      left[i * rank + j] = sum;
    }
  }
  return { rank, values, left };
}

/** M X for a dense X (columns × width, row-major): rows × width. */
function times(matrix: SparseRows, x: Float64Array, width: number): Float64Array {
  return product(matrix, x, width, false);
}

/** Mᵀ X for a dense X (rows × width, row-major): columns × width. */
function transposeTimes(matrix: SparseRows, x: Float64Array, width: number): Float64Array {
  return product(matrix, x, width, true);
}

/** M X, or Mᵀ X when `transpose`: one pass over M's rows either way, each entry adding a row of X to the out. */
function product(matrix: SparseRows, x: Float64Array, width: number, transpose: boolean): Float64Array {
  const out = new Float64Array((transpose ? matrix.columns : matrix.rows) * width);
  for (let i = 0; i < matrix.rows; i += 1) {
    for (let p = matrix.start[i] as number; p < (matrix.start[i + 1] as number); p += 1) {
      const j = matrix.index[p] as number;
      const to = (transpose ? j : i) * width;
      const from = (transpose ? i : j) * width;
      const v = matrix.value[p] as number;
      for (let m = 0; m < width; m += 1) out[to + m] = (out[to + m] as number) + v * (x[from + m] as number);
    }
  }
  return out;
}

/** XᵀX of a dense X (n × width, row-major). */
function gram(x: Float64Array, n: number, width: number): Float64Array {
  const out = new Float64Array(width * width);
  for (let i = 0; i < n; i += 1) {
    const row = i * width;
    for (let a = 0; a < width; a += 1) {
      const xa = x[row + a] as number;
      if (xa === 0) continue;
      for (let b = a; b < width; b += 1)
        out[a * width + b] = (out[a * width + b] as number) + xa * (x[row + b] as number);
    }
  }
  for (let a = 0; a < width; a += 1)
    for (let b = 0; b < a; b += 1) out[a * width + b] = out[b * width + a] as number;
  return out;
}

/**
 * The columns of X (n × width, row-major) made orthonormal in place by Cholesky QR, twice (once loses
 * orthogonality in floating point when columns are nearly dependent): G = XᵀX = RᵀR, X ← X R⁻¹, row by row, so
 * that every pass reads X in its own order. A tiny shift of G keeps R defined when X's columns are dependent.
 */
export function orthonormalise(x: Float64Array, n: number, width: number): Float64Array {
  for (let pass = 0; pass < 2; pass += 1) {
    const g = gram(x, n, width);
    let trace = 0;
    for (let a = 0; a < width; a += 1) trace += g[a * width + a] as number;
    const shift = 1e-12 * trace + 1e-300;
    for (let a = 0; a < width; a += 1) g[a * width + a] = (g[a * width + a] as number) + shift;
    const r = cholesky(g, width);
    const row = new Float64Array(width);
    for (let i = 0; i < n; i += 1) {
      // Solve y R = x_i (R upper triangular), left to right.
      const at = i * width;
      for (let b = 0; b < width; b += 1) {
        let sum = x[at + b] as number;
        for (let a = 0; a < b; a += 1) sum -= (row[a] as number) * (r[a * width + b] as number);
        row[b] = sum / (r[b * width + b] as number);
      }
      x.set(row, at);
    }
  }
  return x;
}

/** The upper triangular R with RᵀR = G, G symmetric positive definite (n × n, row-major). */
function cholesky(g: Float64Array, n: number): Float64Array {
  const r = new Float64Array(n * n);
  for (let b = 0; b < n; b += 1) {
    for (let a = 0; a <= b; a += 1) {
      let sum = g[a * n + b] as number;
      for (let k = 0; k < a; k += 1) sum -= (r[k * n + a] as number) * (r[k * n + b] as number);
      if (a === b) r[a * n + a] = Math.sqrt(Math.max(sum, 1e-300));
      else r[a * n + b] = sum / (r[a * n + a] as number);
    }
  }
  return r;
}

/**
 * Eigenvalues and eigenvectors of a symmetric matrix (n × n, row-major) by cyclic Jacobi rotations: `vectors`
 * holds eigenvector e in column e, in the order of `values` (unsorted).
 */
export function symmetricEigen(
  matrix: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) v[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < a.length; i += 1) scale += (a[i] as number) ** 2;
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let r = p + 1; r < n; r += 1) off += (a[p * n + r] as number) ** 2;
    if (off <= 1e-24 * scale) break;
    for (let p = 0; p < n; p += 1) {
      for (let r = p + 1; r < n; r += 1) {
        const apr = a[p * n + r] as number;
        if (Math.abs(apr) < 1e-300) continue;
        const theta = ((a[r * n + r] as number) - (a[p * n + p] as number)) / (2 * apr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          const akp = a[k * n + p] as number;
          const akr = a[k * n + r] as number;
          a[k * n + p] = c * akp - s * akr;
          a[k * n + r] = s * akp + c * akr;
        }
        for (let k = 0; k < n; k += 1) {
          const apk = a[p * n + k] as number;
          const ark = a[r * n + k] as number;
          a[p * n + k] = c * apk - s * ark;
          a[r * n + k] = s * apk + c * ark;
        }
        for (let k = 0; k < n; k += 1) {
          const vkp = v[k * n + p] as number;
          const vkr = v[k * n + r] as number;
          v[k * n + p] = c * vkp - s * vkr;
          v[k * n + r] = s * vkp + c * vkr;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i += 1) values[i] = a[i * n + i] as number;
  return { values, vectors: v };
}

/** Standard normal numbers from a seeded generator (mulberry32, Box–Muller). */
function gaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** The place of a text given its weights over the terms (term numbers and weights): Σ weight · U[term]. */
export function foldIn(
  svd: TruncatedSvd,
  terms: ArrayLike<number>,
  weights: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(svd.rank);
  for (let i = 0; i < terms.length; i += 1) {
    const from = (terms[i] as number) * svd.rank;
    const w = weights[i] as number;
    for (let j = 0; j < svd.rank; j += 1) out[j] = (out[j] as number) + w * (svd.left[from + j] as number);
  }
  return out;
}
