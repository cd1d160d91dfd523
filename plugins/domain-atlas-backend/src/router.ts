import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { ReportService } from './services/ReportService';

/**
 * The HTTP API under `/api/domain-atlas`: parse input, ask a service, shape
 * the output.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  reports: ReportService;
}): Promise<express.Router> {
  const { httpAuth, reports } = options;
  const router = Router();
  router.use(express.json());

  router.get('/domains', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const report = await reports.getReport();
    res.json({
      items: report.domains.map(({ ref, title, owner }) => ({
        ref,
        title,
        owner: owner ?? null,
      })),
    });
  });

  router.get('/domains/:namespace/:name', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const ref =
      `domain:${req.params.namespace}/${req.params.name}`.toLocaleLowerCase(
        'en-US',
      );
    const report = await reports.getReport();
    const domain = report.domains.find(d => d.ref === ref);
    if (!domain) {
      throw new NotFoundError(`No domain ${ref} in the catalog`);
    }
    res.json(domain);
  });

  return router;
}
