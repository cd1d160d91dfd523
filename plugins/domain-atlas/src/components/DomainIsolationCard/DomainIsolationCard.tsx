import { InfoCard } from '@backstage/core-components';
import type { IsolationEntry } from '@domain-atlas/plugin-domain-atlas-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import ListSubheader from '@material-ui/core/ListSubheader';
import Typography from '@material-ui/core/Typography';
import type { DomainDetail } from '../../api';

/** `domain:default/orders` → `orders`; other namespaces keep theirs. */
function shortName(ref: string): string {
  return ref.replace(/^domain:(default\/)?/, '');
}

function Entries(props: {
  title: string;
  entries: IsolationEntry[];
  other: 'down' | 'affected';
  empty: string;
}) {
  return (
    <List
      dense
      subheader={<ListSubheader disableSticky>{props.title}</ListSubheader>}
    >
      {props.entries.length === 0 && (
        <ListItem dense>
          <ListItemText secondary={props.empty} />
        </ListItem>
      )}
      {props.entries.map(entry => (
        <ListItem dense key={`${entry.down}>${entry.affected}`}>
          <ListItemText
            primary={
              <>
                <EntityRefLink entityRef={entry[props.other]} />{' '}
                <Typography
                  component="span"
                  variant="body2"
                  color={entry.impact === 'blocked' ? 'error' : 'textSecondary'}
                >
                  {entry.impact}
                </Typography>
              </>
            }
            secondary={`via ${entry.path.map(shortName).join(' → ')}`}
          />
        </ListItem>
      ))}
    </List>
  );
}

/**
 * What happens around a domain when domains go down: blocked (synchronous
 * dependency) or only delayed (events).
 */
export function DomainIsolationCard(props: { domain: DomainDetail }) {
  const { isolation } = props.domain;
  return (
    <InfoCard
      title="Failure isolation"
      subheader={`Blast radius: blocks ${isolation.blastRadius.blocks}, delays ${isolation.blastRadius.delays} domain(s)`}
    >
      <Entries
        title="When this domain is down"
        entries={isolation.blocks}
        other="affected"
        empty="No other domain is affected."
      />
      <Entries
        title="This domain is affected when"
        entries={isolation.dependsOn}
        other="down"
        empty="No other domain's outage reaches this one."
      />
    </InfoCard>
  );
}
