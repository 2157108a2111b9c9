import {
  entityEnvelopeSchemaValidator,
  entitySchemaValidator,
  FieldFormatEntityPolicy,
  makeValidator,
  resourceEntityV1alpha1Validator,
  type Entity,
} from '@backstage/catalog-model';
import { ANNOTATION_COMTREXX_SERIAL_NUMBER } from '@internal/plugin-ccc-common';
import { makeSystem } from './__testUtils__/makeSystem';
import { entityNameForSerialNumber } from '@internal/plugin-ccc-common';
import { transformSystem } from './transformSystem';

const BASE_URL = 'http://localhost:7007/api/ccc';

// The checks the catalog runs on ingestion: the envelope, the generic entity
// schema, the Resource kind's own schema, and the field formats (the schemas
// do not check the name, annotation or tag formats; the policy does).
const validateEnvelope = entityEnvelopeSchemaValidator();
const validateEntity = entitySchemaValidator();
const fieldFormat = new FieldFormatEntityPolicy();

async function expectValidResource(entity: Entity) {
  expect(() => validateEnvelope(entity)).not.toThrow();
  expect(() => validateEntity(entity)).not.toThrow();
  await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(true);
  await expect(fieldFormat.enforce(entity)).resolves.toEqual(entity);
}

describe('transformSystem', () => {
  it('builds a valid pbx Resource named after the serial number', async () => {
    const entity = transformSystem(makeSystem(), BASE_URL);

    await expectValidResource(entity);
    const location = `url:${BASE_URL}/systems/d2b6c1f0-8f0e-4c1a-9f51-3c0e4a1b2c3d`;
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'ccc-ab12cd34ef56',
        namespace: 'default',
        title: 'Head office Hamburg',
        description: 'COMtrexx Advanced, firmware 2.6.0',
        annotations: {
          [ANNOTATION_COMTREXX_SERIAL_NUMBER]: 'AB12CD34EF56',
          'backstage.io/managed-by-location': location,
          'backstage.io/managed-by-origin-location': location,
        },
        tags: ['comtrexx', 'pbx'],
      },
      spec: {
        type: 'pbx',
        owner: 'group:default/telephony',
        dependsOn: [],
        dependencyOf: [],
      },
    });
  });

  it('describes a system that is not paired yet and stays valid', async () => {
    const entity = transformSystem(
      makeSystem({
        paired: false,
        device: null,
        state: 'token_pending',
        token: { code: 'SECRET-CODE-123', expiresAt: '2026-11-28T09:00:00.000Z' },
        catalogOwnerRef: 'user:default/jane',
      }),
      BASE_URL,
    );

    await expectValidResource(entity);
    expect(entity.metadata.description).toBe('COMtrexx, not yet paired');
    expect(entity.spec.owner).toBe('user:default/jane');
    // The pairing code is a secret: it must not leak into the catalog.
    expect(JSON.stringify(entity)).not.toContain('SECRET-CODE-123');
  });

  it('says so when a paired system has not been read yet', () => {
    const entity = transformSystem(makeSystem({ device: null }), BASE_URL);
    expect(entity.metadata.description).toBe('COMtrexx, device details not read yet');
  });

  it('does not double the slash when the base URL ends with one', () => {
    const entity = transformSystem(makeSystem({ id: 'x 1' }), `${BASE_URL}/`);
    expect(entity.metadata.annotations?.['backstage.io/managed-by-location']).toBe(`url:${BASE_URL}/systems/x%201`);
  });

  it.each(['0123456789', 'ABCDEFGHIJKL', 'A1B2C3D4E5F6'])('makes a valid entity from serial %s', async serial => {
    const name = entityNameForSerialNumber(serial);
    expect(name).toBe(`ccc-${serial.toLowerCase()}`);
    expect(makeValidator().isValidEntityName(name)).toBe(true);
    await expectValidResource(transformSystem(makeSystem({ serialNumber: serial }), BASE_URL));
  });
});
