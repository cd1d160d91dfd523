/** Mocks the object-URL API (jsdom has none) and records what is downloaded. */
export function captureDownloads() {
  const downloads: Array<{ filename: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = jest.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = jest.fn();
  jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function click(this: HTMLAnchorElement) {
      downloads.push({ filename: this.download, blob: blobs.get(this.href)! });
    });
  return downloads;
}
