// Types for the `minhash` npm package (CommonJS, no types of its own).
declare module 'minhash' {
  interface MinhashConfig {
    numPerm?: number;
    seed?: number;
  }
  class Minhash {
    constructor(config?: MinhashConfig);
    hashvalues: number[];
    hashbands?: string[];
    update(str: string): void;
    jaccard(other: Minhash): number;
  }
  class LshIndex {
    constructor(args?: { bandSize?: number });
    index: Record<string, string[]>;
    insert(key: string, minhash: Minhash): void;
    query(minhash: Minhash): string[];
    getHashbands(minhash: Minhash): string[];
  }
  const pkg: { Minhash: typeof Minhash; LshIndex: typeof LshIndex };
  export default pkg;
}
