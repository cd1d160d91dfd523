import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import { Snapshot } from '../../database';
import { ReportService } from '../ReportService';
import {
  CatalogVisibility,
  principalKey,
  Visibility,
} from './CatalogVisibility';
import { redactReport } from './redactReport';

/** The newest report as one caller may see it. */
export interface VisibleReport {
  snapshot: Snapshot;
  report: DomainAtlasReport;
  /** Whether the caller may read the entity with this lowercase ref. */
  canSee(ref: string): boolean;
}

/**
 * Serves every caller the newest report as the catalog lets them see it
 * (see {@link redactReport}). Callers who may read everything get the
 * stored report itself; a redacted copy is kept for the last few callers,
 * per snapshot, so a page's requests redact once.
 */
export class VisibleReports {
  private readonly reports: Pick<ReportService, 'getSnapshot'>;
  private readonly visibility: Pick<CatalogVisibility, 'of'>;
  private readonly maxCopies: number;
  private readonly copies = new Map<
    string,
    { visibility: Visibility; visible: VisibleReport }
  >();

  constructor(options: {
    reports: Pick<ReportService, 'getSnapshot'>;
    visibility: Pick<CatalogVisibility, 'of'>;
    maxCopies?: number;
  }) {
    this.reports = options.reports;
    this.visibility = options.visibility;
    // A redacted copy of a large report is large: keep only a few.
    this.maxCopies = options.maxCopies ?? 16;
  }

  async forCaller(credentials: BackstageCredentials): Promise<VisibleReport> {
    const [snapshot, visibility] = await Promise.all([
      this.reports.getSnapshot(),
      this.visibility.of(credentials),
    ]);
    if (visibility.all) {
      return { snapshot, report: snapshot.report, canSee: () => true };
    }
    const key = `${principalKey(credentials)}@${snapshot.id}`;
    const copy = this.copies.get(key);
    // Made from the same (cached) decision: still valid.
    if (copy?.visibility === visibility) {
      return copy.visible;
    }
    const refs = visibility.refs;
    const canSee = (ref: string) => refs.has(ref);
    const visible: VisibleReport = {
      snapshot,
      report: redactReport(snapshot.report, canSee),
      canSee,
    };
    this.copies.delete(key);
    if (this.copies.size >= this.maxCopies) {
      this.copies.delete(this.copies.keys().next().value!);
    }
    this.copies.set(key, { visibility, visible });
    return visible;
  }
}
