/** Worker jobs for saved projects: hand out a model's forest, and restore one without retraining. */
import { restoreModel } from '../engine';
import { engineMessage } from '../engine/errors';
import type { ModelJobMap } from './protocol';
import type { JobHandlers } from './runner';
import type { Session } from './session';
import { trainResult } from './dto';
import { warmAfterTraining } from './warmAfterTraining';

export function createProjectJobs(session: Session): Pick<JobHandlers, keyof ModelJobMap> {
  return {
    modelJson({ modelId }) {
      return session.model(modelId).trained.forest.toJSON();
    },

    restoreModel({ datasetId, settings, saved }, ctx) {
      const { dataset } = session.dataset(datasetId);
      ctx.progress(0, engineMessage('progress-restoring'));
      const trained = restoreModel(dataset, settings, saved);
      const model = session.addModel(datasetId, trained);
      // A reopened model's first explanation should cost what later ones do, as after training.
      setTimeout(() => void warmAfterTraining(model, () => session.hasModel(model.id)).catch(() => {}), 0);
      ctx.progress(1, engineMessage('progress-restored'));
      return trainResult(model.id, datasetId, settings, trained, dataset);
    },
  };
}
