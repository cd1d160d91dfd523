import { LoggerService } from '@backstage/backend-plugin-api';
import {
  analyze,
  DomainAtlasReport,
} from '@domain-atlas/plugin-domain-atlas-common';
import { CatalogReader } from '../CatalogReader';

/**
 * Produces the Domain Atlas report from the current catalog.
 */
export class ReportService {
  private readonly reader: CatalogReader;
  private readonly logger: LoggerService;

  constructor(options: { reader: CatalogReader; logger: LoggerService }) {
    this.reader = options.reader;
    this.logger = options.logger;
  }

  async getReport(): Promise<DomainAtlasReport> {
    const entities = await this.reader.readAll();
    const report = analyze(entities, { now: new Date().toISOString() });
    this.logger.debug(
      `Analysed ${entities.length} catalog entities into ${report.domains.length} domains`,
    );
    return report;
  }
}
