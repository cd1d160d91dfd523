import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { CsvCell, toCsv } from './toCsv';

/**
 * Downloads rows as a CSV file, built in the browser from what the view
 * shows.
 */
export function CsvDownloadButton(props: {
  /** File name, e.g. `domain-atlas-teams.csv`. */
  filename: string;
  header: string[];
  rows: CsvCell[][];
  /** What the file holds, for the accessible name. */
  what: string;
}) {
  const { filename, header, rows, what } = props;
  const download = () => {
    const blob = new Blob([toCsv(header, rows)], {
      type: 'text/csv;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };
  return (
    <Button
      variant="outlined"
      size="small"
      startIcon={<GetAppIcon />}
      onClick={download}
      aria-label={`Download ${what} as CSV`}
    >
      Download CSV
    </Button>
  );
}
