import { useApi } from '@backstage/core-plugin-api';
import type {
  Finding,
  RuleSummary,
} from '@domain-atlas/plugin-domain-atlas-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { CsvDownloadButton } from '../CsvDownloadButton';
import { FindingsTable } from '../FindingsTable';
import { WaiversTable } from '../WaiversTable';

interface RuleGroup {
  rule: RuleSummary;
  findings: Finding[];
}

/** Findings grouped by rule, in the report's rule order; unknown rules last. */
function groupByRule(rules: RuleSummary[], findings: Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>(
    rules.map(rule => [rule.id, { rule, findings: [] }]),
  );
  for (const finding of findings) {
    let group = groups.get(finding.rule);
    if (!group) {
      group = {
        rule: {
          id: finding.rule,
          principle: 'Unknown rule',
          description: 'A rule this version of the page does not describe.',
          defaultSeverity: finding.severity,
          severity: finding.severity,
          enabled: true,
        },
        findings: [],
      };
      groups.set(finding.rule, group);
    }
    group.findings.push(finding);
  }
  return [...groups.values()];
}

function countText(findings: Finding[]): string {
  const waived = findings.filter(f => f.waived).length;
  const open = findings.length - waived;
  const parts = [`${open} finding${open === 1 ? '' : 's'}`];
  if (waived > 0) parts.push(`${waived} waived`);
  return parts.join(', ');
}

function RuleSection(props: { group: RuleGroup }) {
  const { rule, findings } = props.group;
  const headingId = `domain-atlas-rule-${rule.id}`;
  return (
    <Box component="section" mb={4} aria-labelledby={headingId}>
      <Typography variant="h5" component="h2" id={headingId}>
        {rule.principle}{' '}
        <Typography component="span" variant="body1" color="textSecondary">
          ({rule.id})
        </Typography>
      </Typography>
      <Box display="flex" alignItems="center" flexWrap="wrap" my={1}>
        <Chip
          size="small"
          label={rule.enabled ? `severity ${rule.severity}` : 'switched off'}
          color={
            rule.enabled && rule.severity === 'error' ? 'secondary' : 'default'
          }
        />
        <Typography variant="body2" style={{ marginLeft: 8 }}>
          Violated when: {rule.description}
        </Typography>
      </Box>
      {findings.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {rule.enabled
            ? 'No findings: the catalog lives by this rule.'
            : 'Switched off in the configuration.'}
        </Typography>
      ) : (
        <FindingsTable
          title={`${rule.id}: ${countText(findings)}`}
          findings={findings}
        />
      )}
    </Box>
  );
}

const CSV_HEADER = [
  'rule',
  'principle',
  'severity',
  'waived',
  'waiver',
  'domain',
  'message',
  'entities',
];

function csvRows(groups: RuleGroup[]) {
  return groups.flatMap(({ rule, findings }) =>
    findings.map(finding => [
      rule.id,
      rule.principle,
      finding.severity,
      finding.waived,
      finding.waiver,
      finding.domain,
      finding.message,
      finding.entities.join(' '),
    ]),
  );
}

type View = 'rules' | 'waivers';

const VIEWS: ReadonlyArray<{ view: View; label: string }> = [
  { view: 'rules', label: 'Findings by rule' },
  { view: 'waivers', label: 'Waivers' },
];

/**
 * The Rules tab: every rule with its principle, configuration and
 * findings, or (`?view=waivers`) every waiver with its end.
 */
export function RulesOverview() {
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'waivers' ? 'waivers' : 'rules';
  const select = (next: View) =>
    setParams(
      previous => {
        const updated = new URLSearchParams(previous);
        if (next === 'rules') {
          updated.delete('view');
        } else {
          updated.set('view', next);
        }
        return updated;
      },
      { replace: true },
    );
  return (
    <>
      <Box mb={2}>
        <Tabs
          value={view}
          onChange={(_event, next: View) => select(next)}
          aria-label="Views of the rules"
          indicatorColor="primary"
          textColor="primary"
        >
          {VIEWS.map(({ view: value, label }) => (
            <Tab
              key={value}
              value={value}
              label={label}
              id={`domain-atlas-rules-tab-${value}`}
              aria-controls={`domain-atlas-rules-panel-${value}`}
            />
          ))}
        </Tabs>
      </Box>
      <div
        role="tabpanel"
        id={`domain-atlas-rules-panel-${view}`}
        aria-labelledby={`domain-atlas-rules-tab-${view}`}
      >
        {view === 'waivers' ? <WaiversTable /> : <RulesAndFindings />}
      </div>
    </>
  );
}

/**
 * Every rule with its principle and configuration, and all findings
 * grouped by rule; waived findings stay visible with their reason.
 */
function RulesAndFindings() {
  const api = useApi(domainAtlasApiRef);
  const state = useAsync(
    () => Promise.all([api.listRules(), api.listFindings()]),
    [api],
  );
  return (
    <AsyncContent
      state={state}
      what="the rules and findings"
      minHeight={600}
      isEmpty={([rules, findings]) =>
        rules.length === 0 && findings.length === 0
      }
      empty={{
        title: 'No rules configured',
        description:
          'Every Domain Atlas rule is switched off, so there is nothing to check the catalog against.',
      }}
    >
      {([rules, findings]) => <Rules rules={rules} findings={findings} />}
    </AsyncContent>
  );
}

function Rules(props: { rules: RuleSummary[]; findings: Finding[] }) {
  const { rules, findings } = props;
  const groups = groupByRule(rules, findings);
  const waived = findings.filter(f => f.waived).length;
  return (
    <>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="center"
        mb={2}
      >
        <Typography variant="body1">
          {rules.length} rules, {findings.length - waived} open findings
          {waived > 0 ? `, ${waived} waived` : ''}.
        </Typography>
        <CsvDownloadButton
          filename="domain-atlas-findings.csv"
          what="the findings"
          header={CSV_HEADER}
          rows={csvRows(groups)}
        />
      </Box>
      {groups.map(group => (
        <RuleSection key={group.rule.id} group={group} />
      ))}
    </>
  );
}
