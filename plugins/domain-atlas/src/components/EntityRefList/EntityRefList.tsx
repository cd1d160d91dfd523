import {
  EntityRefLink,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import { Fragment } from 'react';
import { HIDDEN_ENTITY } from '@domain-atlas/plugin-domain-atlas-common';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    // Break only where the text offers a place (spaces, hyphens and the
    // ones added after `:` and `/`); mid-word only when one part alone is
    // wider than the column.
    wordBreak: 'normal',
    overflowWrap: 'break-word',
    '& + &': { marginTop: theme.spacing(0.5) },
  },
  icon: {
    marginRight: theme.spacing(0.5),
    color: theme.palette.text.secondary,
    verticalAlign: 'middle',
  },
}));

/**
 * `component:default/payments-reconciliation` with a line-break
 * opportunity after each `:` and `/`, so a narrow column breaks it there
 * (hyphens already are one) rather than mid-word.
 */
export function BreakableRef(props: { text: string }) {
  const parts = props.text.split(/(?<=[:/])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

function EntityRefItem(props: { entityRef: string; defaultKind?: string }) {
  const classes = useStyles();
  const { entityRef, defaultKind } = props;
  const { primaryTitle, secondaryTitle, Icon } = useEntityPresentation(
    entityRef,
    { defaultKind },
  );
  const text = (
    <span>
      {Icon && (
        <span className={classes.icon}>
          <Icon fontSize="inherit" />
        </span>
      )}
      <BreakableRef text={primaryTitle} />
    </span>
  );
  return (
    <li className={classes.item}>
      <EntityRefLink entityRef={entityRef}>
        {secondaryTitle ? (
          <Tooltip enterDelay={1500} title={secondaryTitle}>
            {text}
          </Tooltip>
        ) : (
          text
        )}
      </EntityRefLink>
    </li>
  );
}

/**
 * Links to catalog entities, one per line, shown as the catalog presents
 * them (title once loaded, the ref until then) and wrapping at sensible
 * places in narrow table columns; the full ref shows as a tooltip.
 */
export function EntityRefList(props: {
  entityRefs: string[];
  defaultKind?: string;
  'aria-label'?: string;
}) {
  const classes = useStyles();
  return (
    <ul className={classes.list} aria-label={props['aria-label']}>
      {props.entityRefs.map((ref, index) =>
        // An entity the user may not read is named, not linked.
        ref === HIDDEN_ENTITY ? (
          <li key={`hidden-${index}`} className={classes.item}>
            {HIDDEN_ENTITY}
          </li>
        ) : (
          <EntityRefItem
            key={ref}
            entityRef={ref}
            defaultKind={props.defaultKind}
          />
        ),
      )}
    </ul>
  );
}
