/** Loads any saved forest (ours or ml-random-forest's) as the right class. */
import type { ForestJSON } from './forestBase';
import { isMlRandomForestJSON } from './importMlRandomForest';
import { RandomForestClassifier } from './RandomForestClassifier';
import { RandomForestRegressor } from './RandomForestRegressor';

export function loadForest(json: ForestJSON | unknown): RandomForestClassifier | RandomForestRegressor {
  const isClassifier = isMlRandomForestJSON(json)
    ? json.name === 'RFClassifier'
    : (json as Partial<ForestJSON> | null)?.kind === 'classifier';
  return isClassifier ? RandomForestClassifier.load(json) : RandomForestRegressor.load(json);
}
