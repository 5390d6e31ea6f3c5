import {
  type CatalogueEntry,
  type Policy,
  type ResolvedVocabulary,
  type Rule,
  resolveVocabulary,
} from '@fairpost/core';
import { describeCondition, factWords, openCondition, valuePhrase } from './describe-condition.js';
import { capitalise, enGB, type Phrasebook, type Topic } from './phrasebook.js';
import { ruleTopic } from './rule-topic.js';
import { isWebUrl } from './safe-href.js';

/** A run of text, or a link: `href` is only ever an http(s) URL or an anchor in the same document. */
export type Inline = string | { readonly text: string; readonly href: string };
/** Text with links. */
export type RichText = readonly Inline[];

/** A labelled remark beside an entry (“Why: …”, “Source: …”). */
export interface Note {
  readonly label: string;
  readonly text: RichText;
}

/** One rule, duty, commitment, principle, definition or source, with its anchor. */
export interface Entry {
  /** The anchor id (`rule-<id>`, `commitment-<id>`, …). */
  readonly anchor: string;
  readonly heading?: RichText;
  readonly text: string;
  readonly notes: readonly Note[];
}

/** A table row: a header cell (the row's subject) and the other cells. */
export interface Row {
  readonly anchor?: string;
  readonly header: RichText;
  readonly cells: readonly RichText[];
}

/** A block of a section. */
export type Block =
  | { readonly kind: 'paragraph'; readonly text: RichText }
  | { readonly kind: 'entries'; readonly entries: readonly Entry[] }
  | {
      readonly kind: 'table';
      readonly caption: string;
      /** Headings of every column, the header column first. */
      readonly columns: readonly string[];
      readonly rows: readonly Row[];
    };

/** A section of the handbook, with nested sections. */
export interface Section {
  readonly anchor: string;
  readonly heading: string;
  readonly blocks: readonly Block[];
  readonly sections: readonly Section[];
}

/**
 * A policy laid out as a staff handbook, independent of the output format: every renderer of the handbook walks
 * this one structure, so Markdown, HTML and text always say the same thing.
 */
export interface Handbook {
  readonly language: string;
  readonly title: string;
  readonly details: readonly Note[];
  readonly summary?: string;
  readonly sections: readonly Section[];
}

/** Options shared by the renderers. */
export interface RenderOptions {
  /** The words to use (default `enGB`). */
  readonly phrasebook?: Phrasebook;
}

const TOPIC_ORDER: readonly Exclude<Topic, 'scope'>[] = [
  'organisation-accounts',
  'own-accounts',
  'clients',
  'conduct',
  'other',
];

type Provenance = Pick<Policy['rules'][number], 'source' | 'assumption'>;

/**
 * Lays a policy out as a handbook: title block, principles, scope and promises up front, rules grouped by topic,
 * the support owed to people who are targeted (as a table), who to ask, definitions and sources.
 * @example
 * const handbook = buildHandbook(policy);
 * handbook.sections.map((s) => s.heading); // ['Principles', 'What this policy does not cover, and what we promise', …]
 */
export function buildHandbook(policy: Policy, options: RenderOptions = {}): Handbook {
  const pb = options.phrasebook ?? enGB;
  const vocabulary = resolveVocabulary(policy.custom);
  const cite = citation(policy, pb);
  const ruleHeading = (index: number) => {
    const rule = policy.rules[index]!;
    return `${pb.labels.rule} ${index + 1}${rule.title ? `: ${rule.title}` : ''}`;
  };
  const ruleEntry = (index: number): Entry => {
    const rule = policy.rules[index]!;
    const decides = outcomeText(rule, vocabulary, pb);
    const open = openCondition(describeCondition(rule.when, { vocabulary, phrasebook: pb }), pb);
    const consequence = rule.consequence
      ? vocabulary.catalogues.consequences.get(rule.consequence)
      : undefined;
    return {
      anchor: `rule-${rule.id}`,
      heading: [ruleHeading(index)],
      text: `${capitalise(open)}, ${decides}.`,
      notes: [
        ...(rule.strength === 'should' ? [{ label: pb.labels.advice, text: [pb.labels.adviceNote] }] : []),
        { label: pb.labels.why, text: [rule.reason] },
        ...(rule.consequence
          ? [{ label: pb.labels.consequence, text: [sentence(consequence?.phrase ?? rule.consequence)] }]
          : []),
        ...cite(rule),
      ],
    };
  };
  const topics = new Map<Topic, number[]>();
  policy.rules.forEach((rule, i) => {
    const topic = ruleTopic(rule);
    topics.set(topic, [...(topics.get(topic) ?? []), i]);
  });

  const sections: Section[] = [];
  if (policy.principles?.length) {
    sections.push(
      section('principles', pb.headings.principles, [
        {
          kind: 'entries',
          entries: policy.principles.map((p, i) => ({
            anchor: `principle-${i + 1}`,
            ...(p.title ? { heading: [p.title] } : {}),
            text: p.text,
            notes: cite(p),
          })),
        },
      ]),
    );
  }
  const scopeRules = topics.get('scope') ?? [];
  const commitments = policy.commitments ?? [];
  // A restrictive practice ("we monitor your personal accounts") is not a promise: it gets a section of its own.
  const polarityOf = (c: (typeof commitments)[number]) =>
    vocabulary.catalogues.commitments.get(c.commitment)?.polarity ?? 'protects';
  const promises = commitments.filter((c) => polarityOf(c) === 'protects');
  const reserved = commitments.filter((c) => polarityOf(c) === 'restricts');
  const commitmentEntry = (c: (typeof commitments)[number]): Entry => {
    const entry = vocabulary.catalogues.commitments.get(c.commitment);
    return {
      anchor: `commitment-${c.id}`,
      heading: [entry?.label ?? c.commitment],
      text: sentence(c.text ?? entry?.phrase ?? c.commitment),
      notes: cite(c),
    };
  };
  if (scopeRules.length > 0 || promises.length > 0) {
    const sub: Section[] = [];
    if (scopeRules.length > 0) {
      sub.push(
        section('out-of-scope', pb.headings.outOfScope, [
          { kind: 'entries', entries: scopeRules.map(ruleEntry) },
        ]),
      );
    }
    if (promises.length > 0) {
      sub.push(
        section('promises', pb.headings.promises, [
          { kind: 'entries', entries: promises.map(commitmentEntry) },
        ]),
      );
    }
    sections.push(
      section('scope', pb.headings.scope, [{ kind: 'paragraph', text: [pb.headings.scopeIntro] }], sub),
    );
  }
  if (reserved.length > 0) {
    sections.push(
      section('reserved', pb.headings.reserved, [
        { kind: 'paragraph', text: [pb.headings.reservedIntro] },
        { kind: 'entries', entries: reserved.map(commitmentEntry) },
      ]),
    );
  }
  for (const topic of TOPIC_ORDER) {
    const indices = topics.get(topic) ?? [];
    if (indices.length > 0) {
      sections.push(section(topic, pb.topics[topic], [{ kind: 'entries', entries: indices.map(ruleEntry) }]));
    }
  }
  sections.push(
    section('default', pb.headings.otherwise, [
      {
        kind: 'entries',
        entries: [
          {
            anchor: 'rule-default',
            heading: [pb.labels.default],
            text: `${capitalise(pb.otherwise)}, ${outcomeText(policy.default, vocabulary, pb)}.`,
            notes: [{ label: pb.labels.why, text: [policy.default.reason] }, ...cite(policy.default)],
          },
        ],
      },
    ]),
  );
  if (policy.doubt) sections.push(doubtSection(policy.doubt, vocabulary, pb, cite));
  if (policy.duties?.length) sections.push(dutiesSection(policy, vocabulary, pb, cite));
  else {
    sections.push(
      section('targeted', pb.headings.targeted, [
        { kind: 'paragraph', text: [pb.headings.noSupport] },
        ...timekeepingBlocks(policy, vocabulary, pb, cite),
      ]),
    );
  }
  const whoToAsk = whoToAskSection(policy, vocabulary, pb, ruleHeading);
  if (whoToAsk) sections.push(whoToAsk);
  if (policy.definitions?.length) {
    sections.push(
      section('definitions', pb.headings.definitions, [
        {
          kind: 'entries',
          entries: policy.definitions.map((d, i) => ({
            anchor: `definition-${i + 1}`,
            heading: [d.term],
            text: d.meaning,
            notes: cite(d),
          })),
        },
      ]),
    );
  }
  if (policy.sources?.length) {
    sections.push(
      section('sources', pb.headings.sources, [
        {
          kind: 'entries',
          entries: policy.sources.map((s) => ({
            anchor: `source-${s.id}`,
            heading: [s.url && isWebUrl(s.url) ? { text: s.title, href: s.url } : s.title],
            text: s.note ?? '',
            notes: [
              ...(s.url && !isWebUrl(s.url) ? [{ label: pb.labels.source, text: [s.url] }] : []),
              ...(s.file ? [{ label: pb.labels.file, text: [s.file] }] : []),
            ],
          })),
        },
      ]),
    );
  }
  const details: Note[] = [
    { label: pb.labels.organisation, text: [policy.organisation] },
    { label: pb.labels.version, text: [policy.version] },
    ...(policy.status ? [{ label: pb.labels.status, text: [pb.statuses[policy.status]] }] : []),
    ...(policy.effectiveDate ? [{ label: pb.labels.effective, text: [policy.effectiveDate] }] : []),
    ...(policy.review?.lastReviewed
      ? [{ label: pb.labels.lastReviewed, text: [policy.review.lastReviewed] }]
      : []),
    ...(policy.review?.every
      ? [{ label: pb.labels.reviewed, text: [pb.reviewPeriod(policy.review.every)] }]
      : []),
    ...(policy.review?.nextReview ? [{ label: pb.labels.nextReview, text: [policy.review.nextReview] }] : []),
    { label: pb.labels.resolution, text: [pb.resolutions[policy.resolution]] },
  ];
  return {
    language: policy.language,
    title: policy.title,
    details,
    ...(policy.summary ? { summary: policy.summary } : {}),
    sections,
  };
}

function section(anchor: string, heading: string, blocks: Block[], sections: Section[] = []): Section {
  return { anchor, heading, blocks, sections };
}

/** Ends a phrase as a sentence: capitalised, with a full stop unless it already ends in punctuation. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return capitalise(/[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`);
}

function phrases(
  vocabulary: ResolvedVocabulary,
  catalogue: 'conditions' | 'roles',
  ids: readonly string[] = [],
): string[] {
  return ids.map((id) => vocabulary.catalogues[catalogue].get(id)?.phrase ?? id);
}

function outcomeText(
  rule: Pick<Policy['default'], 'outcome' | 'conditions' | 'reviewers'> & Pick<Rule, 'strength'>,
  vocabulary: ResolvedVocabulary,
  pb: Phrasebook,
): string {
  return pb.outcomeSentence(
    rule.outcome,
    phrases(vocabulary, 'conditions', rule.conditions),
    phrases(vocabulary, 'roles', rule.reviewers),
    rule.strength ?? 'must',
  );
}

/** Builds the source and assumption notes of an entry, so each part can be traced to its sentence. */
function citation(policy: Policy, pb: Phrasebook): (item: Provenance) => Note[] {
  return (item) => {
    const notes: Note[] = [];
    if (item.source) {
      const doc = policy.sources?.find((s) => s.id === item.source!.document);
      const text: Inline[] = [
        { text: doc?.title ?? item.source.document, href: `#source-${item.source.document}` },
      ];
      if (item.source.section) text.push(`, ${item.source.section}`);
      if (item.source.quote) text.push(`: “${item.source.quote}”`);
      notes.push({ label: pb.labels.source, text });
    }
    if (item.assumption) notes.push({ label: pb.labels.assumption, text: [item.assumption] });
    return notes;
  };
}

/** What "I'm not sure" means, in plain words: the policy-wide rule first, then the rules for particular facts. */
function doubtSection(
  doubt: NonNullable<Policy['doubt']>,
  vocabulary: ResolvedVocabulary,
  pb: Phrasebook,
  cite: (item: Provenance) => Note[],
): Section {
  const words = pb.doubt ?? enGB.doubt!;
  type AnyRule = NonNullable<typeof doubt.default> | NonNullable<typeof doubt.facts>[number];
  const says = (rule: AnyRule, fact: string | undefined): string => {
    switch (rule.resolve) {
      case 'strictest':
        return words.strictest;
      case 'outcome':
        return outcomeText(rule, vocabulary, pb);
      case 'assume':
        return words.assume(valuePhrase(fact ?? '', rule.value, vocabulary, pb));
      default:
        return rule satisfies never;
    }
  };
  const entry = (rule: AnyRule, anchor: string, opening: string, fact?: string): Entry => ({
    anchor,
    text: `${opening}, ${says(rule, fact)}.`,
    notes: [{ label: pb.labels.why, text: [rule.reason] }, ...cite(rule)],
  });
  const entries = [
    ...(doubt.default ? [entry(doubt.default, 'doubt-default', words.anything)] : []),
    ...(doubt.facts ?? []).map((rule) =>
      entry(
        rule,
        `doubt-${rule.fact.replace(/[^A-Za-z0-9-]/g, '-')}`,
        words.about(factWords(rule.fact, vocabulary, pb).label),
        rule.fact,
      ),
    ),
  ];
  return section('doubt', words.heading, [{ kind: 'entries', entries }]);
}

/** The role a policy names when it leaves a duty to the person targeted. */
const PERSON_TARGETED = 'person-targeted';

function dutiesSection(
  policy: Policy,
  vocabulary: ResolvedVocabulary,
  pb: Phrasebook,
  cite: (item: Provenance) => Note[],
): Section {
  const row = (duty: NonNullable<Policy['duties']>[number]): Row => {
    const action = entryOf(vocabulary, 'dutyActions', duty.action);
    const holder = entryOf(vocabulary, 'roles', duty.holder);
    const what: Inline[] = [sentence(action.phrase)];
    if (duty.text) what.push(` ${pb.labels.inOurWords}: ${duty.text}`);
    const why: Inline[] = [duty.reason];
    for (const note of cite(duty)) why.push(` ${note.label}: `, ...note.text);
    return {
      anchor: `duty-${duty.id}`,
      header: [action.label],
      cells: [
        what,
        [`${holder.label} (${pb.modalities[duty.modality]})`],
        [capitalise(openCondition(describeCondition(duty.when, { vocabulary, phrasebook: pb }), pb))],
        [
          duty.deadline
            ? capitalise(pb.deadline(duty.deadline, { workingDays: duty.workingDays === true }))
            : pb.labels.noDeadline,
        ],
        [duty.consentRequired ? pb.labels.consentNeeded : pb.labels.consentNotNeeded],
        why,
      ],
    };
  };
  const table = (caption: string, what: string, rows: Row[]): Block => ({
    kind: 'table',
    caption,
    columns: [
      pb.labels.duty,
      what,
      pb.columns.who,
      pb.columns.when,
      pb.columns.byWhen,
      pb.columns.consent,
      pb.columns.why,
    ],
    rows,
  });
  // Support is what someone else does for the person; a duty left to the person targeted is not support, so it
  // is listed apart and never under "What we will do".
  const duties = policy.duties ?? [];
  const owed = duties.filter((d) => d.holder !== PERSON_TARGETED);
  const onYou = duties.filter((d) => d.holder === PERSON_TARGETED);
  const blocks: Block[] =
    owed.length > 0
      ? [
          { kind: 'paragraph', text: [pb.headings.targetedIntro] },
          table(pb.headings.dutiesCaption, pb.columns.what, owed.map(row)),
        ]
      : [{ kind: 'paragraph', text: [pb.headings.noSupport] }];
  if (onYou.length > 0)
    blocks.push(table(pb.headings.dutiesOnYouCaption, pb.columns.whatYouDo, onYou.map(row)));
  blocks.push(...timekeepingBlocks(policy, vocabulary, pb, cite));
  return section('targeted', pb.headings.targeted, blocks);
}

/**
 * The policy's calendar and escalations in words: when a deadline falls is only meaningful with the organisation's
 * time zone and working days, and a promise is only as good as what happens when it slips.
 */
function timekeepingBlocks(
  policy: Policy,
  vocabulary: ResolvedVocabulary,
  pb: Phrasebook,
  cite: (item: Provenance) => Note[],
): Block[] {
  const blocks: Block[] = [];
  if (policy.calendar) {
    const text = pb.calendarSentence({
      ...(policy.calendar.timeZone ? { timeZone: policy.calendar.timeZone } : {}),
      ...(policy.calendar.holidays ? { holidays: policy.calendar.holidays } : {}),
      closures: policy.calendar.closures ?? [],
    });
    if (text) blocks.push({ kind: 'paragraph', text: [text] });
  }
  for (const escalation of policy.escalation ?? []) {
    blocks.push({
      kind: 'paragraph',
      text: [
        pb.escalationSentence({
          modalities: (escalation.modalities ?? ['must']).map((m) => pb.modalities[m]),
          tell: entryOf(vocabulary, 'roles', escalation.tell).phrase,
          ...(escalation.overdueBy ? { overdueBy: pb.deadline(escalation.overdueBy) } : {}),
          ...(escalation.reason ? { reason: escalation.reason } : {}),
        }),
        ...cite(escalation).flatMap((note): Inline[] => [` ${note.label}: `, ...note.text]),
      ],
    });
  }
  return blocks;
}

function entryOf(
  vocabulary: ResolvedVocabulary,
  catalogue: 'dutyActions' | 'roles' | 'conditions' | 'commitments',
  id: string,
): CatalogueEntry {
  return vocabulary.catalogues[catalogue].get(id) ?? { id, label: id, phrase: id };
}

function whoToAskSection(
  policy: Policy,
  vocabulary: ResolvedVocabulary,
  pb: Phrasebook,
  ruleHeading: (index: number) => string,
): Section | undefined {
  const roles = new Map<string, { askBefore: Inline[][]; responsibleFor: string[] }>();
  const role = (id: string) => {
    const known = roles.get(id);
    if (known) return known;
    const fresh = { askBefore: [] as Inline[][], responsibleFor: [] as string[] };
    roles.set(id, fresh);
    return fresh;
  };
  policy.rules.forEach((rule, i) => {
    for (const id of rule.reviewers ?? [])
      role(id).askBefore.push([{ text: ruleHeading(i), href: `#rule-${rule.id}` }]);
  });
  for (const id of policy.default.reviewers ?? []) {
    role(id).askBefore.push([{ text: pb.headings.otherwise, href: '#rule-default' }]);
  }
  // The person targeted is not someone to ask: what the policy leaves to them is listed with the support.
  for (const duty of (policy.duties ?? []).filter((d) => d.holder !== PERSON_TARGETED)) {
    role(duty.holder).responsibleFor.push(entryOf(vocabulary, 'dutyActions', duty.action).label);
  }
  if (roles.size === 0) return undefined;
  const join = (items: readonly (readonly Inline[])[]): Inline[] =>
    items.length === 0 ? [pb.labels.none] : items.flatMap((item, i) => (i === 0 ? item : ['; ', ...item]));
  return section('who-to-ask', pb.headings.whoToAsk, [
    {
      kind: 'table',
      caption: pb.headings.whoToAskCaption,
      columns: [pb.columns.role, pb.columns.askBefore, pb.columns.responsibleFor],
      rows: [...roles].map(([id, r]) => ({
        anchor: `role-${id}`,
        header: [entryOf(vocabulary, 'roles', id).label],
        cells: [join(r.askBefore), join([...new Set(r.responsibleFor)].map((label) => [label]))],
      })),
    },
  ]);
}
