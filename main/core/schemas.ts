import { z } from 'zod';
import { GuidelinePack } from '../../shared/guidelines';

/** The JSON Schemas Fieldbook publishes, by file name under schemas/. */
export function publishedSchemas(): Record<string, unknown> {
  return {
    'guideline-pack.schema.json': {
      $id: 'https://fieldbook.invalid/schemas/guideline-pack.schema.json',
      title: 'Fieldbook guideline pack',
      ...z.toJSONSchema(GuidelinePack, { io: 'input', unrepresentable: 'any' }),
    },
  };
}
