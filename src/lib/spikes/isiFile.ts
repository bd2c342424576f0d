/** Where neuron i's ISIs are, within the ISI file set (little-endian float32, exactly `np.diff` of its times). */
export function isiFilePath(neuron: number): string {
  return `${neuron}.f32`;
}

/** The ISIs in an ISI file. */
export function decodeIsiFile(bytes: ArrayBuffer): Float32Array {
  return new Float32Array(bytes);
}
