import { z } from 'zod';
import { GuidelinePack } from '../../shared/guidelines';
import { InspectionResult } from '../../shared/inspection';
import { FieldbookExport } from './export/exportSchema';

/** The JSON Schemas Fieldbook publishes, by file name under schemas/. */
export function publishedSchemas(): Record<string, unknown> {
  return {
    'guideline-pack.schema.json': {
      $id: 'https://fieldbook.invalid/schemas/guideline-pack.schema.json',
      title: 'Fieldbook guideline pack',
      ...z.toJSONSchema(GuidelinePack, { io: 'input', unrepresentable: 'any' }),
    },
    'fieldbook-export.schema.json': {
      $id: 'https://fieldbook.invalid/schemas/fieldbook-export.schema.json',
      title: 'Fieldbook JSON export (version 1)',
      description: 'Everything needed to restore a fieldbook: entries with their full history, set-asides, settings, trusted publishers and imported guideline packs.',
      ...z.toJSONSchema(FieldbookExport, { io: 'input', unrepresentable: 'any' }),
    },
    'inspection.schema.json': {
      $id: 'https://fieldbook.invalid/schemas/inspection.schema.json',
      title: 'Fieldbook inspection result (fieldbook inspect --json, one document per file)',
      ...z.toJSONSchema(InspectionResult, { io: 'output', unrepresentable: 'any' }),
    },
  };
}
