import type { ChangeClass } from '@domain-atlas/plugin-domain-atlas-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  breaking: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  needsMajor: {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  unclassified: {
    borderColor: theme.palette.warning.main,
    color:
      theme.palette.type === 'dark'
        ? theme.palette.warning.light
        : theme.palette.warning.dark,
  },
  chips: { display: 'inline-flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/** What each change class is called on screen. */
export const CHANGE_CLASS_TEXT: Record<ChangeClass, string> = {
  breaking: 'breaking',
  'non-breaking': 'non-breaking',
  unclassified: 'unclassified',
};

/**
 * The class of a change of a contract: breaking ones filled in the error
 * colour, and "needs a major version" next to a breaking change published
 * without a major bump (with the full phrase as its title when `compact`).
 */
export function ChangeClassChip(props: {
  classification: ChangeClass;
  needsMajor?: boolean;
  /** "needs major" instead of "needs a major version", for tables. */
  compact?: boolean;
}) {
  const classes = useStyles();
  const { classification, needsMajor } = props;
  const chipClass: Record<ChangeClass, string | undefined> = {
    breaking: classes.breaking,
    'non-breaking': undefined,
    unclassified: classes.unclassified,
  };
  return (
    <Box className={classes.chips}>
      <Chip
        size="small"
        label={CHANGE_CLASS_TEXT[classification]}
        variant={classification === 'breaking' ? 'default' : 'outlined'}
        className={chipClass[classification]}
      />
      {needsMajor && (
        <Chip
          size="small"
          variant="outlined"
          title="A breaking change published without a major version bump"
          label={props.compact ? 'needs major' : 'needs a major version'}
          className={classes.needsMajor}
        />
      )}
    </Box>
  );
}
