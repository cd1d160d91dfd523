import { createHash } from 'node:crypto';
import {
  DomainAtlasReport,
  DomainMembers,
  Finding,
  HIDDEN_ENTITY,
} from '@domain-atlas/plugin-domain-atlas-common';

/** An entity ref as the report writes them: `kind:namespace/name`. */
const REF_PATTERN =
  /[a-z0-9][a-z0-9_-]*:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*/gi;

/**
 * The report as one caller may see it: the domains, teams, contracts,
 * repositories and isolation rows whose entities the caller cannot read are
 * left out, lists of members keep only readable entities, and findings,
 * dependency and isolation paths name a hidden entity as
 * {@link HIDDEN_ENTITY}. Scores and counts of readable domains are left as
 * computed: they may include hidden members (the docs say so), but they
 * never name one. A single reference to a hidden entity (a domain's owner,
 * a contract's domain, the sub-team a team owns a domain through, a
 * waiver's owner or domain) is left out, so that nothing links to it.
 * Waivers are shown for readable entities only, listing only the findings
 * the caller is shown.
 *
 * @param canSee - whether the caller may read the entity with this
 *   (lowercase) ref under the catalog's `catalog.entity.read`
 */
export function redactReport(
  report: DomainAtlasReport,
  canSee: (ref: string) => boolean,
): DomainAtlasReport {
  const visible = (refs: string[]) => refs.filter(canSee);
  const mask = (ref: string) => (canSee(ref) ? ref : HIDDEN_ENTITY);
  const maskText = (text: string) =>
    text.replace(REF_PATTERN, ref =>
      canSee(ref.toLocaleLowerCase('en-US')) ? ref : HIDDEN_ENTITY,
    );
  const members = (m: DomainMembers): DomainMembers => ({
    systems: visible(m.systems),
    components: visible(m.components),
    apis: visible(m.apis),
    resources: visible(m.resources),
  });

  // A finding id is built from the refs it names; one that names a hidden
  // entity is replaced by a digest, which stays unique and stable.
  const maskedIds = new Map<string, string>();
  const maskId = (id: string) => {
    let masked = maskedIds.get(id);
    if (masked === undefined) {
      masked =
        maskText(id) === id
          ? id
          : `hidden:${createHash('sha256')
              .update(id)
              .digest('hex')
              .slice(0, 16)}`;
      maskedIds.set(id, masked);
    }
    return masked;
  };
  const findingShown = (finding: Finding) =>
    finding.domain !== null
      ? canSee(finding.domain)
      : finding.entities.some(canSee);
  const findings = report.findings.filter(findingShown);
  const maskFinding = (finding: Finding): Finding => {
    const masked: Finding = {
      ...finding,
      id: maskId(finding.id),
      entities: finding.entities.map(mask),
      message: maskText(finding.message),
    };
    if (finding.waiver !== undefined) {
      masked.waiver = maskText(finding.waiver);
    }
    if (finding.expiredWaiver !== undefined) {
      masked.expiredWaiver = {
        ...finding.expiredWaiver,
        entity: mask(finding.expiredWaiver.entity),
        reason: maskText(finding.expiredWaiver.reason),
      };
    }
    return masked;
  };
  // Reports stored before waivers were listed have none.
  const waivers = report.waivers ?? [];
  const shownIds =
    waivers.length > 0 ? new Set(findings.map(f => f.id)) : new Set();

  return {
    ...report,
    domains: report.domains
      .filter(domain => canSee(domain.ref))
      .map(domain => ({
        ...domain,
        owner:
          domain.owner !== undefined && canSee(domain.owner)
            ? domain.owner
            : undefined,
        // A domain under a hidden parent shows as a top-level domain.
        parent:
          domain.parent !== null && canSee(domain.parent)
            ? domain.parent
            : null,
        children: visible(domain.children),
        members: members(domain.members),
        phase: {
          ...domain.phase,
          criteria: domain.phase.criteria.map(criterion =>
            criterion.findings
              ? { ...criterion, findings: criterion.findings.map(maskId) }
              : criterion,
          ),
        },
      })),
    unassigned: members(report.unassigned),
    findings: findings.map(maskFinding),
    dependencies: report.dependencies
      .filter(dep => canSee(dep.from) && canSee(dep.to))
      .map(dep => ({ ...dep, entities: dep.entities.map(mask) })),
    isolation: report.isolation
      .filter(entry => canSee(entry.down) && canSee(entry.affected))
      .map(entry => ({ ...entry, path: entry.path.map(mask) })),
    blastRadius: report.blastRadius.filter(row => canSee(row.domain)),
    teams: report.teams
      .filter(team => canSee(team.ref))
      .map(team => ({
        ...team,
        parent:
          team.parent !== null && canSee(team.parent) ? team.parent : null,
        children: visible(team.children),
        domains: team.domains
          .filter(domain => canSee(domain.ref))
          .map(domain =>
            domain.through !== undefined && !canSee(domain.through)
              ? { ref: domain.ref, via: domain.via }
              : domain,
          ),
      })),
    // A repository is no entity, but its name tells whose it is: it is
    // shown when one of its domains or components is readable.
    repositories: report.repositories
      .filter(repo => repo.domains.some(canSee) || repo.components.some(canSee))
      .map(repo => ({
        ...repo,
        domains: visible(repo.domains),
        components: visible(repo.components),
        deployables: visible(repo.deployables),
      })),
    contracts: report.contracts
      .filter(contract => canSee(contract.ref))
      .map(contract => ({
        ...contract,
        domain:
          contract.domain !== null && canSee(contract.domain)
            ? contract.domain
            : null,
        providers: visible(contract.providers),
        consumers: visible(contract.consumers),
        pins: contract.pins.filter(pin => canSee(pin.consumer)),
      })),
    waivers: waivers
      .filter(waiver => canSee(waiver.entity))
      .map(({ owner, ...waiver }) => ({
        ...waiver,
        ...(owner !== undefined && canSee(owner) ? { owner } : {}),
        domain:
          waiver.domain !== null && canSee(waiver.domain)
            ? waiver.domain
            : null,
        reason: maskText(waiver.reason),
        findings: waiver.findings.filter(id => shownIds.has(id)).map(maskId),
      })),
  };
}
