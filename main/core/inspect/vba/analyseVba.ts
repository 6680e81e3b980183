import type { CompoundFile } from '../cfb/compoundFile';
import { detectBehaviours, findAutoRun, mergeBehaviours } from '../detect/behaviours';
import { findSecrets } from '../detect/secrets';
import type { InspectionResult, SecretFinding } from '../../../../shared/inspection';
import { findVbaStorage, readVbaProject } from './vbaProject';

export interface VbaFacts {
  vba: InspectionResult['vba'];
  secrets: SecretFinding[];
  warnings: string[];
}

/** VBA facts from a compound file that holds a VBA project (vbaProject.bin, or an .xls). */
export function analyseVba(file: CompoundFile): VbaFacts | null {
  const storage = findVbaStorage(file);
  if (!storage) return null;
  const project = readVbaProject(file, storage);
  const autoRun = new Set<string>();
  const behaviours = [];
  const secrets: SecretFinding[] = [];
  for (const module of project.modules) {
    if (module.source === null) continue;
    for (const name of findAutoRun(module.source)) autoRun.add(name);
    behaviours.push(detectBehaviours(module.source, 'vba'));
    secrets.push(...findSecrets(module.source, `VBA module ${module.name}`));
  }
  return {
    vba: {
      present: true,
      modules: project.modules.map(({ name, type }) => ({ name, type })),
      autoRun: [...autoRun],
      behaviours: mergeBehaviours(...behaviours),
    },
    secrets,
    warnings: project.warnings,
  };
}
