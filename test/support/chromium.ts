/**
 * How browser tests launch Debian's Chromium here (pass to playwright-core's `chromium.launch`): headless, no
 * sandbox (CI runs as root), and no background networking, which this machine's closed network refuses.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
