import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedSchemas } from '../../main/core/schemas';

describe('published JSON Schemas', () => {
  for (const [name, schema] of Object.entries(publishedSchemas())) {
    it(`schemas/${name} matches the code (run "npm run schemas" after changing a schema)`, () => {
      const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', name), 'utf8'));
      expect(published).toEqual(JSON.parse(JSON.stringify(schema)));
    });
  }
});
