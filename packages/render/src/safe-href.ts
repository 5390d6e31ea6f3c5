const ANCHOR = /^#[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether a URL may become a link: http and https only, so that `javascript:` and the like stay text. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The href a link may carry: an http(s) URL or an anchor in the same document; anything else (`javascript:`,
 * `data:`, a relative path) gives `undefined`, and the renderers show the text without a link.
 */
export function safeHref(href: string): string | undefined {
  if (ANCHOR.test(href)) return href;
  return isWebUrl(href) ? new URL(href).href : undefined;
}
