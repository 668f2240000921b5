/** talisman ships no types; this is the one function duplicate matching takes from it. */
declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro-Winkler similarity, 0 (nothing alike) to 1 (equal), Winkler's prefix boost above 0.7. */
  export default function jaroWinkler(a: string, b: string): number;
}
