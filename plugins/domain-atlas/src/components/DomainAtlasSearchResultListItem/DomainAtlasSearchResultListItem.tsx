import { ReactNode } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import type {
  ContractSearchDocument,
  DomainSearchDocument,
} from '@domain-atlas/plugin-domain-atlas-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ApartmentIcon from '@material-ui/icons/Apartment';
import ExtensionIcon from '@material-ui/icons/Extension';
import { ChangeClassChip } from '../ChangeClassChip';
import { PHASE_NAMES } from '../PhaseSummary';

/**
 * Props of the Domain Atlas search result list items, as the search page
 * passes them to every result item.
 *
 * @public
 */
export interface DomainAtlasSearchResultListItemProps {
  /** The document of the result. */
  result?: SearchDocument;
  /** Where the search terms matched in the title and text. */
  highlight?: ResultHighlight;
  rank?: number;
  /** Replaces the icon of the result's type (a building for domains, a puzzle piece for contracts). */
  icon?: ReactNode;
  /** Lines of the text shown before it is cut off. */
  lineClamp?: number;
}

const useStyles = makeStyles(theme => ({
  item: { display: 'flex' },
  body: { flexWrap: 'wrap' },
  itemText: { width: '100%', wordBreak: 'break-word', marginBottom: '1rem' },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
}));

/** `orders-team` for `group:default/orders-team`, as entity links write refs. */
function shortRef(ref: string, defaultKind: string): string {
  return humanizeEntityRef(parseEntityRef(ref), { defaultKind });
}

/** Title, text with the matches highlighted, and the chips of one result. */
function ResultLayout(props: {
  document: SearchDocument;
  highlight?: ResultHighlight;
  icon: ReactNode;
  lineClamp?: number;
  children: ReactNode;
}) {
  const classes = useStyles();
  const { document, highlight } = props;
  const highlighted = (field: 'title' | 'text') => {
    const text = highlight?.fields[field];
    return text ? (
      <HighlightedSearchResultText
        text={text}
        preTag={highlight.preTag}
        postTag={highlight.postTag}
      />
    ) : (
      document[field]
    );
  };
  return (
    <div className={classes.item}>
      <ListItemIcon>{props.icon}</ListItemIcon>
      <div className={classes.body}>
        <ListItemText
          className={classes.itemText}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={document.location}>
              {highlighted('title')}
            </Link>
          }
          secondary={
            <Typography
              component="span"
              color="textSecondary"
              variant="body2"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: props.lineClamp,
                overflow: 'hidden',
              }}
            >
              {highlighted('text')}
            </Typography>
          }
        />
        <Box className={classes.chips}>{props.children}</Box>
      </div>
    </div>
  );
}

/**
 * A domain in search results: its owner, migration phase (with the
 * declared one when it differs) and health score.
 */
export function DomainSearchResultListItem(
  props: DomainAtlasSearchResultListItemProps,
) {
  const document = props.result as DomainSearchDocument | undefined;
  if (!document) return null;
  const { evidencePhase: evidence, declaredPhase: declared } = document;
  const owner =
    document.ownerTitle ??
    (document.owner ? shortRef(document.owner, 'group') : null);
  return (
    <ResultLayout
      document={document}
      highlight={props.highlight}
      lineClamp={props.lineClamp}
      icon={props.icon ?? <ApartmentIcon />}
    >
      <Chip size="small" label="Domain" />
      <Chip size="small" label={owner ? `Owner: ${owner}` : 'No owner'} />
      <Chip
        size="small"
        label={`Phase ${evidence} · ${PHASE_NAMES[evidence]}`}
      />
      {declared !== null && declared !== evidence && (
        <Chip
          size="small"
          variant="outlined"
          label={`declares ${declared}`}
          title="The domain declares a phase its catalog entries do not yet evidence"
        />
      )}
      <Chip size="small" label={`Health score ${document.score}`} />
    </ResultLayout>
  );
}

/**
 * A contract (an API) in search results: its version, spec type, domain
 * and lifecycle, and a marker when its latest change is breaking.
 */
export function ContractSearchResultListItem(
  props: DomainAtlasSearchResultListItemProps,
) {
  const document = props.result as ContractSearchDocument | undefined;
  if (!document) return null;
  return (
    <ResultLayout
      document={document}
      highlight={props.highlight}
      lineClamp={props.lineClamp}
      icon={props.icon ?? <ExtensionIcon />}
    >
      <Chip size="small" label="Contract" />
      <Chip
        size="small"
        label={document.version ? `Version ${document.version}` : 'No version'}
      />
      {document.specType && <Chip size="small" label={document.specType} />}
      <Chip
        size="small"
        label={
          document.domain
            ? `Domain: ${
                document.domainTitle ?? shortRef(document.domain, 'domain')
              }`
            : 'No domain'
        }
      />
      {document.lifecycle && <Chip size="small" label={document.lifecycle} />}
      {document.lastChange === 'breaking' && (
        <Box
          display="inline-flex"
          alignItems="center"
          title={`The latest change${
            document.lastChangeAt
              ? `, first seen ${document.lastChangeAt.slice(0, 10)},`
              : ''
          } is breaking`}
        >
          <Typography variant="caption" color="textSecondary">
            Latest change:&nbsp;
          </Typography>
          <ChangeClassChip
            classification="breaking"
            needsMajor={document.lastChangeNeedsMajor}
            compact
          />
        </Box>
      )}
    </ResultLayout>
  );
}

/**
 * Either item, by the document's kind: for search pages that hand one
 * component the results of both types.
 */
export function DomainAtlasSearchResultItem(
  props: DomainAtlasSearchResultListItemProps,
) {
  const kind = (props.result as { kind?: string } | undefined)?.kind;
  return kind === 'Domain' ? (
    <DomainSearchResultListItem {...props} />
  ) : (
    <ContractSearchResultListItem {...props} />
  );
}
