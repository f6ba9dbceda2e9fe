import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leadRecordJsonSchema, leadRecordV1Schema } from './lead-record';

const FILE = new URL('../../../public/schema/lead-v1.json', import.meta.url);

describe('lead record v1', () => {
  // The published schema is generated from the zod schema and committed. To regenerate after a
  // change: UPDATE_SCHEMA=1 npx vitest run src/domain/import-export/lead-record.test.ts
  it('public/schema/lead-v1.json is up to date with the zod schema', () => {
    const generated = `${JSON.stringify(leadRecordJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) writeFileSync(FILE, generated);
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
  });
  it('requires phone and acquiredAt with an offset', () => {
    expect(
      leadRecordV1Schema.safeParse({ phone: '+12133734253', acquiredAt: '2026-01-10T09:00:00+08:00' }).success,
    ).toBe(true);
    expect(leadRecordV1Schema.safeParse({ phone: '+12133734253' }).success).toBe(false);
    expect(leadRecordV1Schema.safeParse({ phone: '+12133734253', acquiredAt: '2026-01-10T09:00:00' }).success).toBe(
      false,
    );
    expect((leadRecordJsonSchema().required as string[]).sort()).toEqual(['acquiredAt', 'phone']);
  });
});
