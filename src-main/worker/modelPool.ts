/**
 * A model's warm explain pool, one per set of LIME settings. explainMany, reports, stability and
 * SP-LIME all ask here, so they share the pool warmAfterTraining started for the default settings
 * instead of each keying (and restarting) its own.
 */
import { explainerInputs, type LimeSettings } from '../engine';
import { ExplainPool } from './explainPool';
import type { Model } from './session';
import { idleGate } from './idleGate';

/** The pool's key: one per set of LIME settings, whatever the order of the fields. */
export function limeSettingsKey(s: LimeSettings): string {
  return JSON.stringify([s.numFeatures, s.numSamples, s.kernelWidth, s.discretizer, s.seed]);
}

/** The model's pool for these settings, replacing (and disposing) a pool started for others. */
export function poolFor(model: Model, settings: LimeSettings): ExplainPool {
  const key = limeSettingsKey(settings);
  if (model.pool?.key !== key) {
    void model.pool?.pool.dispose();
    const { trained } = model;
    const data = { inputs: explainerInputs(trained), forest: trained.forest.toJSON(), settings };
    model.pool = { key, pool: new ExplainPool(data, { busy: idleGate.buffer }) };
  }
  return model.pool.pool;
}
