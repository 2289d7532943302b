/**
 * Typed arrays on SharedArrayBuffers: a structured copy of one (`postMessage`, `workerData`) is a view of the same
 * memory, so worker threads read a table built once instead of each holding a copy.
 */

/** A zero-filled Int32Array of `length` on shared memory. */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

/** A zero-filled Uint16Array of `length` on shared memory. */
export function sharedUint16(length: number): Uint16Array {
  return new Uint16Array(new SharedArrayBuffer(length * Uint16Array.BYTES_PER_ELEMENT));
}

/** A zero-filled Uint8Array of `length` on shared memory. */
export function sharedUint8(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

/** A zero-filled Float32Array of `length` on shared memory. */
export function sharedFloat32(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT));
}

/** A zero-filled Float64Array of `length` on shared memory. */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

/** `values` copied into an Int32Array on shared memory. */
export function sharedInt32From(values: ArrayLike<number>): Int32Array {
  const array = sharedInt32(values.length);
  array.set(values);
  return array;
}

/** True when `array` is a view of shared memory (a structured copy of it shares, not copies, its values). */
export function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}
