/** The reference workflow's breast-cancer model, trained once per test file. */
import { readFileSync } from 'node:fs';
import {
  defaultTrainSettings,
  loadDataset,
  trainModel,
  type Dataset,
  type TrainedModel,
} from '../../../src-main/engine';

export const sampleBytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../assets/samples/${name}`, import.meta.url)));

export function trainSample(name: string, target: string): { dataset: Dataset; model: TrainedModel } {
  const dataset = loadDataset(sampleBytes(name), name);
  return { dataset, model: trainModel(dataset, defaultTrainSettings(dataset, target)) };
}
