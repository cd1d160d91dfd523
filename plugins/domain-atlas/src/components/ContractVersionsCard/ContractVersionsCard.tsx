import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import type {
  ContractDetail,
  ContractSummary,
} from '@domain-atlas/plugin-domain-atlas-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { ContractConsumers } from './ContractConsumers';
import { ContractHistory } from './ContractHistory';

const TITLE = 'Contract versions';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(3) },
  family: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    listStyle: 'none',
    margin: theme.spacing(1, 0, 0),
    padding: 0,
  },
  member: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0.75, 1.5),
  },
  current: {
    borderColor: theme.palette.primary.main,
    borderWidth: 2,
  },
}));

/** Where the contract's version was read, in words. */
function versionSourceText(contract: ContractSummary): string {
  switch (contract.versionSource) {
    case 'definition':
      if (contract.type === 'grpc') return 'from the protobuf package name';
      if (contract.type === 'openapi' || contract.type === 'asyncapi') {
        return "from the definition's info.version";
      }
      return 'from the definition';
    case 'annotation':
      return 'from the domain-atlas.io/contract-version annotation';
    case 'name':
      return 'from the -vN suffix of the entity name';
    default:
      return 'no version in the definition, the domain-atlas.io/contract-version annotation or a -vN name suffix';
  }
}

function Section(props: { title: string; children: React.ReactNode }) {
  const classes = useStyles();
  return (
    <Box component="section" className={classes.section}>
      <Typography variant="h6" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function ContractVersions(props: { detail: ContractDetail }) {
  const classes = useStyles();
  const { contract, family, history, consumers } = props.detail;
  return (
    <>
      <Typography variant="body1">
        Current version{' '}
        <Typography component="strong" variant="h6">
          {contract.version ?? 'unknown'}
        </Typography>{' '}
        <Typography component="span" variant="body2" color="textSecondary">
          ({versionSourceText(contract)})
        </Typography>
      </Typography>
      {family.length > 1 && (
        <Section title={`Family ${contract.family}`}>
          <ul
            className={classes.family}
            aria-label={`Versions of the ${contract.family} family`}
          >
            {family.map(member => {
              const current = member.ref === contract.ref;
              return (
                <li
                  key={member.ref}
                  className={`${classes.member} ${
                    current ? classes.current : ''
                  }`}
                  aria-current={current ? 'true' : undefined}
                >
                  <EntityRefLink entityRef={member.ref} defaultKind="api" />
                  <Typography variant="body2">
                    {member.version ?? 'unknown version'}
                    {member.lifecycle ? ` · ${member.lifecycle}` : ''}
                    {current ? ' · this API' : ''}
                  </Typography>
                </li>
              );
            })}
          </ul>
        </Section>
      )}
      <Section title="History">
        <ContractHistory history={history} />
      </Section>
      <Section title={`Consumers (${consumers.length})`}>
        <ContractConsumers
          consumers={consumers}
          family={contract.family}
          version={contract.version}
        />
      </Section>
    </>
  );
}

function isNotFound(error: Error): boolean {
  return (error as Partial<{ statusCode: number }>).statusCode === 404;
}

/**
 * The "Contract versions" card for API entity pages: the current version
 * and where it came from, the other versions of its family, the history
 * of its definitions with their changes, and its consumers with their pins.
 */
export function ContractVersionsCard() {
  const { entity } = useEntity();
  const api = useApi(domainAtlasApiRef);
  const ref = stringifyEntityRef(entity);
  const state = useAsync(() => api.getContract(ref), [api, ref]);

  if (state.error && isNotFound(state.error)) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState
          missing="data"
          title="Domain Atlas has not analysed this API yet"
          description="It shows here after the next refresh of the Domain Atlas report, once the catalog has processed this entity."
        />
      </InfoCard>
    );
  }
  return (
    <AsyncContent
      state={state}
      what={`the contract versions of ${ref}`}
      cardTitle={TITLE}
      minHeight={240}
    >
      {detail => (
        <InfoCard title={TITLE}>
          <ContractVersions detail={detail} />
        </InfoCard>
      )}
    </AsyncContent>
  );
}
