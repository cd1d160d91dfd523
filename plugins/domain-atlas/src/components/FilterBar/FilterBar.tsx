import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { memo, ReactNode, useId } from 'react';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  search: { minWidth: 240, flexGrow: 1, maxWidth: 420 },
  select: { minWidth: 180 },
  end: { marginLeft: 'auto' },
}));

/**
 * The filter controls above a table: a row of search field and selects,
 * wrapping on narrow screens; `end` (e.g. the CSV button) sits on the right.
 * `label` names the search landmark, e.g. "Filter contracts".
 */
export function FilterBar(props: {
  label: string;
  children: ReactNode;
  end?: ReactNode;
}) {
  const classes = useStyles();
  return (
    <Box className={classes.bar} role="search" aria-label={props.label}>
      {props.children}
      {props.end && <Box className={classes.end}>{props.end}</Box>}
    </Box>
  );
}

/** A labelled search field; `label` is its accessible name. */
export const SearchField = memo(function SearchFieldInner(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const classes = useStyles();
  const id = useId();
  return (
    <TextField
      id={id}
      className={classes.search}
      type="search"
      variant="outlined"
      size="small"
      label={props.label}
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
    />
  );
});

/** One option of a {@link FilterSelect}; `value` '' means "any". */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A labelled select (a native one: fast with hundreds of options, and
 * keyboard and screen-reader friendly); `label` is its accessible name.
 * Memoised, as is the search field: pass stable `options` and `onChange`.
 */
export const FilterSelect = memo(function FilterSelectInner(props: {
  label: string;
  value: string;
  options: FilterOption[];
  onChange: (value: string) => void;
}) {
  const classes = useStyles();
  const id = useId();
  return (
    <TextField
      id={id}
      className={classes.select}
      select
      variant="outlined"
      size="small"
      label={props.label}
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      {props.options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
});

/** Whether `text` contains every word of `query`, ignoring case. */
export function matchesSearch(query: string, ...texts: Array<string | null>) {
  const words = query.toLocaleLowerCase('en-US').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts
    .filter((text): text is string => Boolean(text))
    .join(' ')
    .toLocaleLowerCase('en-US');
  return words.every(word => haystack.includes(word));
}

/** The title of a filtered table: `Domains (12)`, or `Domains (3 of 12)`. */
export function filteredTitle(noun: string, shown: number, total: number) {
  return shown === total
    ? `${noun} (${total})`
    : `${noun} (${shown} of ${total})`;
}

/** What a filtered table shows when the filters leave nothing. */
export function NoMatch(props: { what: string }) {
  return (
    <Box p={3}>
      <Typography variant="body1">
        No {props.what} match the search and filters.
      </Typography>
    </Box>
  );
}
