/**
 * Saves a downloaded file under `fileName` through a temporary link to an object URL. The export needs the
 * Backstage token, which only the fetch API adds; navigating the browser to the export URL would go without it.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  // Some browsers download only through links that are part of the document.
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel a download that has not read the blob yet; the memory is freed a little later.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
