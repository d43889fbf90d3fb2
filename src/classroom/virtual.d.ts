/**
 * Modules the classroom build generates (see `build.ts`): the model files and calibration
 * companion for the worker, the lessons and the worker's code for the page.
 */
declare module 'virtual:classroom-models' {
  /** Each `models/*.ts` file that calls defineModel, with its default export as written. */
  export const BUNDLED_MODELS: { file: string; input: unknown }[];
  /** `models/fitted.json`, checked with its schema at build time; null when there is none. */
  export const FITTED: {
    file: string;
    fitted: {
      method: string;
      fittedAt: string;
      objective: number;
      replicates: number;
      seed: number;
      behaviour: Record<string, number>;
      models: Record<string, Record<string, number>>;
    };
  } | null;
}

declare module 'virtual:classroom-page' {
  /** The `lessons/*.json` files, checked with the lesson schema at build time. */
  export const LESSON_FILES: { file: string; lesson: unknown }[];
  /** The worker bundle, started from a blob URL so the page also works opened from disk. */
  export const WORKER_SOURCE: string;
  /** Build facts shown in the page footer. */
  export const BUILD_INFO: { builtAt: string; version: string };
}
