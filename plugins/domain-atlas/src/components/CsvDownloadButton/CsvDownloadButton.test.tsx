import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads } from '../../testing/captureDownloads';
import { CsvDownloadButton } from './CsvDownloadButton';

describe('CsvDownloadButton', () => {
  afterEach(() => jest.restoreAllMocks());

  it('downloads the rows as a CSV file and releases the object URL', async () => {
    const downloads = captureDownloads();
    await renderInTestApp(
      <CsvDownloadButton
        filename="domains.csv"
        what="domains"
        header={['domain', 'owner']}
        rows={[['orders', 'group:default/orders-team']]}
      />,
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Download domains as CSV' }),
    );

    expect(downloads).toHaveLength(1);
    expect(downloads[0].filename).toBe('domains.csv');
    expect(downloads[0].blob.type).toBe('text/csv;charset=utf-8');
    expect(await downloads[0].blob.text()).toBe(
      'domain,owner\r\norders,group:default/orders-team\r\n',
    );
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/0');
  });
});
