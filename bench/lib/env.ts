/** A whole positive number from an environment variable, or the fallback when it is unset or not one. */
export function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}
