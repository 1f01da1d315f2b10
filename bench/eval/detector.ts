// A method under evaluation: built once from the indexed documents, then run on each draft.
import type { Detection } from './score.js';

export type Detector = (draftText: string) => Detection;

export interface Method {
  name: string;
  build(): Promise<Detector>;
}
