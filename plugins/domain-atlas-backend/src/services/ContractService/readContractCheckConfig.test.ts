import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_CONTRACT_CHECK_CONFIG,
  readContractCheckConfig,
} from './readContractCheckConfig';

const read = (contractCheck: object) =>
  readContractCheckConfig(
    mockServices.rootConfig({ data: { domainAtlas: { contractCheck } } }),
  );

describe('readContractCheckConfig', () => {
  it('gives two checks at once, 1 MiB, 30 seconds and 256 MB by default', () => {
    expect(readContractCheckConfig(mockServices.rootConfig())).toEqual({
      maxConcurrent: 2,
      maxDefinitionBytes: 1024 * 1024,
      timeoutMs: 30_000,
      maxMemoryMb: 256,
    });
    expect(read({})).toEqual(DEFAULT_CONTRACT_CHECK_CONFIG);
  });

  it('reads every key, the timeout as milliseconds or a duration', () => {
    expect(
      read({
        maxConcurrent: 4,
        maxDefinitionBytes: 512 * 1024,
        timeout: { minutes: 1, seconds: 30 },
        maxMemoryMb: 1024,
      }),
    ).toEqual({
      maxConcurrent: 4,
      maxDefinitionBytes: 512 * 1024,
      timeoutMs: 90_000,
      maxMemoryMb: 1024,
    });
    expect(read({ timeout: 2500, maxConcurrent: '3' })).toMatchObject({
      timeoutMs: 2500,
      maxConcurrent: 3,
    });
    expect(read({ timeout: '45s' }).timeoutMs).toBe(45_000);
    expect(read({ timeout: 'PT2M' }).timeoutMs).toBe(120_000);
  });

  it.each([
    [
      { maxConcurrent: 0 },
      "Invalid Domain Atlas configuration at 'domainAtlas.contractCheck.maxConcurrent': 0 is not a whole number ≥ 1",
    ],
    [
      { maxConcurrent: 1.5 },
      "Invalid Domain Atlas configuration at 'domainAtlas.contractCheck.maxConcurrent': 1.5 is not a whole number ≥ 1",
    ],
    [
      { maxDefinitionBytes: 8 * 1024 * 1024 },
      "Invalid Domain Atlas configuration at 'domainAtlas.contractCheck.maxDefinitionBytes': 8388608 is not a whole number from 1 to 2097152",
    ],
    [
      { maxMemoryMb: 8 },
      "Invalid Domain Atlas configuration at 'domainAtlas.contractCheck.maxMemoryMb': 8 is not a whole number ≥ 16",
    ],
    [
      { timeout: 0 },
      "Invalid Domain Atlas configuration at 'domainAtlas.contractCheck.timeout': 0 is not a positive duration such as { seconds: 30 }, '30s' or 'PT30S', or a number of milliseconds",
    ],
    [
      { timeout: { minute: 1 } },
      /^Invalid Domain Atlas configuration at 'domainAtlas\.contractCheck\.timeout': \{"minute":1\} is not a duration such as \{ seconds: 30 \}, '30s' or 'PT30S', or a number of milliseconds \(.*minute/,
    ],
    [
      { timeout: 'soon' },
      /^Invalid Domain Atlas configuration at 'domainAtlas\.contractCheck\.timeout': "soon" is not a duration such as/,
    ],
  ])('fails at start-up on %j, naming the key', (contractCheck, message) => {
    expect(() => read(contractCheck)).toThrow(message);
  });

  it('lets Backstage name the key of a value that is no number', () => {
    expect(() => read({ maxConcurrent: 'two' })).toThrow(
      /domainAtlas\.contractCheck\.maxConcurrent/,
    );
  });
});
