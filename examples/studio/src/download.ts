/**
 * Saves a file the page made (never fetched): a Blob behind a temporary object URL and a link with `download`.
 * @example download(new Blob([yaml], { type: 'text/yaml' }), 'policy.yaml')
 */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by the next task; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
