import { mockErrorHandler } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { SystemNotManageableError, TokenExpiredError } from '../systems/SystemsService';
import { cccErrorHandler } from './errors';

function appThrowing(error: Error) {
  const router = Router();
  router.get('/x', async () => {
    throw error;
  });
  router.use(cccErrorHandler);
  return express().use(router).use(mockErrorHandler());
}

describe('cccErrorHandler', () => {
  it('answers an expired token with 410 and the reason', async () => {
    const res = await request(appThrowing(new TokenExpiredError())).get('/x').expect(410);
    expect(res.body.error).toMatchObject({ name: 'TokenExpiredError', message: expect.stringMatching(/expired/) });
  });

  it('answers an unmanageable system with 412 and a machine-readable reason', async () => {
    const res = await request(appThrowing(new SystemNotManageableError('Zentrale', 'maintenance_inactive'))).get('/x').expect(412);
    expect(res.body.error).toMatchObject({ reason: 'maintenance_inactive', message: expect.stringMatching(/^Zentrale has no active/) });
  });

  it('leaves other errors to Backstage', async () => {
    await request(appThrowing(new InputError('bad'))).get('/x').expect(400);
  });
});
