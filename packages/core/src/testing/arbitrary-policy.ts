import fc from 'fast-check';
import type { Condition, FactTest } from '../model/condition.js';
import { OUTCOMES } from '../model/outcome.js';
import { SCHEMA_VERSION, VOCABULARY_ID } from '../model/policy-format.js';
import type { Policy } from '../model/policy.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import {
  factDomain,
  type ResolvedVocabulary,
  resolveVocabulary,
  standardVocabulary,
} from '../vocabulary/resolve-vocabulary.js';

/** A small default set of facts, so generated policies have rules that overlap and scenarios that match. */
const DEFAULT_FACTS = [
  'account.kind',
  'context.time',
  'content.kind',
  'content.hasConsent',
  'actor.clientFacing',
];

/** Set tests draw members from a set fact's first this-many members (or `maxValuesPerFact`, if fewer). */
const SET_MEMBERS_DRAWN = 4;

/** Options for `arbitraryPolicy`. */
export interface ArbitraryPolicyOptions {
  /** The facts conditions may test (default: five standard facts). */
  readonly facts?: readonly string[];
  /** At most this many rules (default 8). */
  readonly maxRules?: number;
  /** At most this deep a condition (default 3). */
  readonly maxDepth?: number;
  /** Only this resolution (default: either). */
  readonly resolution?: Policy['resolution'];
  /** At most this many duties (default 3). */
  readonly maxDuties?: number;
  /** Values of enum facts are drawn from their first N values only (default: all), for small state spaces. */
  readonly maxValuesPerFact?: number;
  /**
   * Also generate every optional part of the format (default false): metadata, principles, definitions, topics,
   * provenance, duty and commitment texts, and a custom vocabulary whose facts and entries the rules use. For
   * round-trip and rendering tests that must see every field an author can write.
   */
  readonly everyField?: boolean;
}

/** The custom vocabulary `everyField` policies declare and use. */
const CUSTOM_VOCABULARY = {
  facts: [
    {
      name: 'custom.campaignPhase',
      type: 'enum' as const,
      label: 'Campaign phase',
      description: 'Where the current campaign stands.',
      values: [
        { value: 'planning', label: 'Planning', phrase: 'the campaign is being planned' },
        { value: 'live', label: 'Live', phrase: 'the campaign is live' },
      ],
    },
    {
      name: 'custom.channels',
      type: 'set' as const,
      label: 'Channels',
      description: 'Where the post goes out.',
      phrase: 'it goes out on',
      negatedPhrase: 'it does not go out on',
      values: [
        { value: 'newsletter', label: 'Newsletter', phrase: 'the newsletter' },
        { value: 'podcast', label: 'Podcast', phrase: 'the podcast' },
        { value: 'stream', label: 'Live stream', phrase: 'a live stream' },
      ],
    },
    {
      name: 'custom.onCall',
      type: 'boolean' as const,
      label: 'On call',
      description: 'Whether the person is on call for press enquiries.',
      question: 'Are you on call?',
      whenTrue: 'you are on call',
      whenFalse: 'you are not on call',
    },
  ],
  conditions: [{ id: 'custom-tag-campaign', label: 'Tag the campaign', phrase: 'tag the campaign account' }],
  roles: [{ id: 'custom-campaign-lead', label: 'Campaign lead', phrase: 'the campaign lead' }],
  dutyActions: [{ id: 'custom-buddy-system', label: 'Buddy', phrase: 'pair you with a buddy' }],
  commitments: [{ id: 'custom-no-quotas', label: 'No quotas', phrase: 'we will not set posting quotas' }],
};
// The custom set fact is declared (every field of a custom vocabulary is exercised) but not tested by default:
// properties that complete scenarios fact by fact read `factsInPlay` as plain facts. Set tests are drawn when a
// set fact is named in `facts` (the set-fact properties do).
const CUSTOM_FACTS = CUSTOM_VOCABULARY.facts.filter((f) => f.type !== 'set').map((f) => f.name);
const customVocabulary = resolveVocabulary(CUSTOM_VOCABULARY);

const provenance = fc.record(
  {
    source: fc.record(
      {
        document: fc.constant('source'),
        section: fc.constantFrom('§1', 'Support'),
        quote: fc.constantFrom('Your own time is your own.', 'We will support you.'),
      },
      { requiredKeys: ['document'] },
    ),
    assumption: fc.constantFrom('The source does not say who; we assume the safety lead.'),
  },
  { requiredKeys: [] },
);
const optionalText = (...texts: string[]) =>
  fc.option(fc.constantFrom(...texts), { nil: undefined }).map((t) => (t === undefined ? {} : { text: t }));

/** A fact test over the given facts, with values from each fact's domain. */
export function arbitraryFactTest(
  facts: readonly string[] = DEFAULT_FACTS,
  vocabulary: ResolvedVocabulary = standardVocabulary,
  maxValuesPerFact = Number.POSITIVE_INFINITY,
): fc.Arbitrary<FactTest> {
  return fc.constantFrom(...facts).chain((fact) => {
    const definition = vocabulary.facts.get(fact)!;
    if (definition.type === 'set') {
      const members = definition.values
        .map((m) => m.value)
        .slice(0, Math.min(maxValuesPerFact, SET_MEMBERS_DRAWN));
      const member = fc.constantFrom(...members);
      const some = fc.subarray(members, { minLength: 1 });
      return fc.oneof(
        member.map((includes) => ({ fact, includes })),
        some.map((includesAny) => ({ fact, includesAny })),
        some.map((includesAll) => ({ fact, includesAll })),
      ) as fc.Arbitrary<FactTest>;
    }
    const domain = factDomain(definition).slice(0, maxValuesPerFact) as FactValue[];
    const one = fc.constantFrom(...domain);
    const some = fc.subarray(domain, { minLength: 1 });
    return fc.oneof(
      one.map((is) => ({ fact, is })),
      one.map((isNot) => ({ fact, isNot })),
      some.map((values) => ({ fact, in: values })),
      some.map((values) => ({ fact, notIn: values })),
    ) as fc.Arbitrary<FactTest>;
  });
}

/** Conditions (fact tests under all / any / not) over the given facts. */
export function arbitraryCondition(
  facts: readonly string[] = DEFAULT_FACTS,
  maxDepth = 3,
  vocabulary: ResolvedVocabulary = standardVocabulary,
  maxValuesPerFact = Number.POSITIVE_INFINITY,
): fc.Arbitrary<Condition> {
  const leaf = arbitraryFactTest(facts, vocabulary, maxValuesPerFact) as fc.Arbitrary<Condition>;
  return fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      leaf,
      fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('condition').map((not) => ({ not })),
    ),
  })).condition;
}

const text = fc.constantFrom(
  'Because it keeps people safe.',
  'It is your own business.',
  'Ask first.',
  'It is public.',
);
const STANDARD_REVIEWERS = ['comms-team', 'line-manager', 'legal', 'safety-lead'];
const STANDARD_CONDITIONS = ['state-personal-view', 'disclose-role', 'get-consent'];

/**
 * Valid policies over a few standard facts, with unique ids, every outcome, attached conditions and reviewers
 * (on rules and the default), duties and commitments; with `everyField`, every optional part of the format too.
 */
export function arbitraryPolicy(options: ArbitraryPolicyOptions = {}): fc.Arbitrary<Policy> {
  const everyField = options.everyField ?? false;
  const facts = [...(options.facts ?? DEFAULT_FACTS), ...(everyField ? CUSTOM_FACTS : [])];
  const vocabulary = everyField ? customVocabulary : standardVocabulary;
  const condition = arbitraryCondition(facts, options.maxDepth ?? 3, vocabulary, options.maxValuesPerFact);
  const custom = (ids: string[], entries: readonly { id: string }[]) =>
    everyField ? [...ids, ...entries.map((e) => e.id)] : ids;
  const reviewers = fc.subarray(custom(STANDARD_REVIEWERS, CUSTOM_VOCABULARY.roles), {
    minLength: 1,
    maxLength: 2,
  });
  const conditions = fc.subarray(custom(STANDARD_CONDITIONS, CUSTOM_VOCABULARY.conditions), {
    minLength: 1,
    maxLength: 2,
  });
  const extras = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | Record<string, never>> =>
    everyField ? arb : fc.constant({});
  const outcome = fc.constantFrom(...OUTCOMES);
  const attachments = fc.record({ conditions, reviewers }, { requiredKeys: [] });
  const rule = fc
    .tuple(
      condition,
      outcome,
      attachments,
      text,
      fc.boolean(),
      extras(
        fc.record(
          {
            topic: fc.constantFrom(
              'scope',
              'organisation-accounts',
              'own-accounts',
              'clients',
              'conduct',
              'other',
            ),
            assumption: fc.constant('Assumed where the source is silent.'),
          },
          { requiredKeys: [] },
        ),
      ),
    )
    .map(([when, outcome, extra, reason, titled, more]) => ({
      ...(titled ? { title: 'A rule' } : {}),
      ...more,
      when,
      outcome,
      ...extra,
      reason,
    }));
  const duty = fc
    .tuple(
      condition,
      fc.constantFrom(
        'receive-report',
        'risk-assessment',
        'take-over-replies',
        'police-report-with-consent',
        ...(everyField ? CUSTOM_VOCABULARY.dutyActions.map((e) => e.id) : []),
      ),
      fc.constantFrom('safety-lead', 'comms-team', 'line-manager'),
      fc.constantFrom('must', 'should', 'may'),
      fc.option(fc.constantFrom('PT24H', 'P2D', 'PT1H'), { nil: undefined }),
      fc.boolean(),
      everyField ? fc.boolean() : fc.constant(false),
      extras(
        fc.tuple(optionalText('We will do this for you.'), provenance).map(([t, p]) => ({ ...t, ...p })),
      ),
    )
    .map(([when, action, holder, modality, deadline, consentRequired, workingDays, more]) => ({
      when,
      action,
      holder,
      modality,
      ...(deadline ? { deadline } : {}),
      ...(deadline === 'P2D' && workingDays ? { workingDays: true } : {}),
      consentRequired,
      ...more,
      reason: 'Support is owed.',
    }));
  const commitmentIds = [
    'no-password-requests',
    'no-monitoring-of-personal-accounts',
    'union-activity-protected',
    ...(everyField ? CUSTOM_VOCABULARY.commitments.map((e) => e.id) : []),
  ];
  const metadata = extras(
    fc.record(
      {
        $schema: fc.constant('https://example.org/fairpost/policy.schema.json'),
        status: fc.constantFrom('draft', 'proposed', 'adopted', 'example'),
        effectiveDate: fc.constantFrom('2026-01-01', '2025-12-31'),
        review: fc.record(
          {
            lastReviewed: fc.constantFrom('2025-03-31', '2024-02-29'),
            nextReview: fc.constantFrom('2026-03-31', '2027-01-15'),
            every: fc.constantFrom('P1Y', 'P6M', 'P2Y'),
          },
          { requiredKeys: [] },
        ),
        summary: fc.constant('What the policy is for.'),
        principles: fc.array(
          fc
            .tuple(fc.option(fc.constant('Trust'), { nil: undefined }), provenance)
            .map(([title, p]) => ({ ...(title ? { title } : {}), text: 'We trust staff.', ...p })),
          { maxLength: 2 },
        ),
        definitions: fc.array(
          provenance.map((p) => ({ term: 'Own time', meaning: 'Time you are not paid for.', ...p })),
          { maxLength: 2 },
        ),
        calendar: fc.record(
          {
            timeZone: fc.constantFrom('Europe/London', 'UTC', 'America/New_York'),
            holidays: fc.constantFrom('england-and-wales', 'scotland', 'northern-ireland'),
            closures: fc.constant<string[]>(['2026-12-29', '2026-12-30']),
          },
          { requiredKeys: [] },
        ),
        escalation: fc
          .array(
            fc.record(
              {
                modalities: fc.subarray(['must', 'should', 'may'] as const, { minLength: 1 }),
                overdueBy: fc.constantFrom('PT4H', 'P1D'),
                tell: fc.constantFrom('leadership', 'hr'),
                reason: fc.constant('Someone must know.'),
              },
              { requiredKeys: ['tell'] },
            ),
            { maxLength: 2 },
          )
          .map((list) => list.map((e, i) => ({ id: `escalation-${i + 1}`, ...e }))),
        custom: fc.constant(CUSTOM_VOCABULARY),
      },
      { requiredKeys: ['custom'] },
    ),
  );
  return fc
    .record({
      resolution: options.resolution
        ? fc.constant(options.resolution)
        : fc.constantFrom('first-match', 'strictest'),
      defaultOutcome: outcome,
      defaultAttachments: attachments,
      rules: fc.array(rule, { maxLength: options.maxRules ?? 8 }),
      duties: fc.array(duty, { maxLength: options.maxDuties ?? 3 }),
      commitments: fc.subarray(commitmentIds),
      commitmentExtras: fc.array(extras(fc.tuple(optionalText('We promise this.'), provenance)), {
        minLength: commitmentIds.length,
        maxLength: commitmentIds.length,
      }),
      metadata,
    })
    .map(
      ({
        resolution,
        defaultOutcome,
        defaultAttachments,
        rules,
        duties,
        commitments,
        commitmentExtras,
        metadata,
      }): Policy => ({
        schemaVersion: SCHEMA_VERSION,
        id: 'generated',
        title: 'Generated policy',
        organisation: 'Generated organisation',
        version: '1',
        language: 'en-GB',
        vocabulary: VOCABULARY_ID,
        ...metadata,
        sources: [{ id: 'source', title: 'A source' }],
        resolution,
        default: { outcome: defaultOutcome, ...defaultAttachments, reason: 'Nothing else applies.' },
        rules: rules.map((r, i) => ({
          id: `rule-${i + 1}`,
          ...r,
          source: { document: 'source', section: `§${i + 1}` },
        })),
        duties: duties.map((d, i) => ({ id: `duty-${i + 1}`, ...d })),
        commitments: commitments.map((commitment, i) => {
          const more = commitmentExtras[i];
          return {
            id: `commitment-${i + 1}`,
            commitment,
            ...(Array.isArray(more) ? { ...more[0], ...more[1] } : {}),
          };
        }),
      }),
    );
}
