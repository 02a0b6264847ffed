/**
 * The young-generation size of the isolates that train models: the compute thread
 * (workerLink.ts), the tree threads (treeGrower.ts), and the CLI's main thread, which gets it as
 * `--max-semi-space-size` in package.json's `cli` script (a test keeps the two equal).
 *
 * Why: they keep their data in typed arrays and make few short-lived objects, but building a
 * large table's frame and split (index and label arrays of every row, then dropped) made V8 grow
 * its semi-spaces to their 16 MB default, and it kept those 32 MB committed for the rest of the
 * job. Measured on the 500 000-row whole job: peak resident memory 440 → 404 MB; first and warm
 * explanations unchanged within noise (a 2 MB semi-space made a fresh process's first one slower).
 */
export const SEMI_SPACE_MB = 4;

/**
 * For worker resourceLimits.maxYoungGenerationSizeMb: V8 sizes a young generation as three
 * semi-spaces (the two it copies between, and as much again for young large objects).
 */
export const YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;
