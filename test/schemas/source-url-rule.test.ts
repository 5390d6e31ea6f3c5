import { parsePolicy } from '@fairpost/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ajvVerdict, EDITIONS } from './support/published-validators.js';
import { runs } from '../support/property-runs.js';

/** A small valid policy whose one source has the given address. */
const policyWithUrl = (url: string) => ({
  schemaVersion: '1.0.0',
  id: 'url-rule',
  title: 'URL rule',
  organisation: 'Example',
  version: '1',
  language: 'en-GB',
  vocabulary: 'social-media/1',
  sources: [{ id: 'handbook', title: 'Handbook', url }],
  resolution: 'first-match',
  default: { outcome: 'permitted', reason: 'Fine.' },
  rules: [],
});

/** Addresses of every kind: well formed, with odd characters, mutated, and plain strings. */
const urls = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webUrl({
    validSchemes: ['http', 'https', 'ftp', 'javascript', 'mailto'],
    authoritySettings: { withUserInfo: true, withPort: true, withIPv4: true, withIPv6: true },
  }),
  fc
    .tuple(
      fc.webUrl(),
      fc.nat(),
      fc.constantFrom(
        ' ',
        '"',
        '<',
        '>',
        '\\',
        '^',
        '`',
        '{',
        '|',
        '}',
        '%',
        '%zz',
        'é',
        '\n',
        '@',
        ':',
        '[',
        '#',
        '//',
      ),
    )
    .map(
      ([url, at, insert]) => url.slice(0, at % (url.length + 1)) + insert + url.slice(at % (url.length + 1)),
    ),
  fc.string(),
  fc.constantFrom(
    'https://example.org',
    'https://example.org/',
    'http://example.org:8080/a?b=c#d',
    'https://trusted.example@evil.example/',
    'https://example.org/?q="><script>',
    'javascript:alert(1)',
    'https:example.org',
    'https://',
    'https://-bad.example/',
    'HTTPS://EXAMPLE.ORG/',
  ),
);

describe('one URL rule', () => {
  it('parsePolicy and the published schema (both editions, through ajv) accept exactly the same source addresses', () => {
    fc.assert(
      fc.property(urls, (url) => {
        const policy = policyWithUrl(url);
        const parsed = parsePolicy(policy).ok;
        for (const edition of EDITIONS) expect(ajvVerdict(edition, 'policy', policy).valid).toBe(parsed);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('accepts plain web addresses and refuses other schemes, user names and unencoded quotes', () => {
    expect(parsePolicy(policyWithUrl('https://example.org/policy?v=2#rules')).ok).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'https://trusted.example@evil.example/',
      'https://example.org/"x"',
    ]) {
      expect(parsePolicy(policyWithUrl(bad)).ok).toBe(false);
    }
  });
});
