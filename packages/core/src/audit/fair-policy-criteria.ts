import { deepFreeze } from '../model/deep-freeze.js';
import { type CriteriaSet, type CriteriaSetInput, CriteriaSetSchema } from './criteria-schema.js';

/** Own-time use of a personal or pseudonymous account: the same region as `PRIVATE_LIFE` in the metrics. */
const PRIVATE_LIFE = {
  all: [
    { fact: 'account.kind', in: ['personal', 'pseudonymous'] },
    { fact: 'context.time', is: 'own-time' },
  ],
} as const;

/**
 * The few legitimate reasons a policy reaches into own-time personal use: the confidentiality of clients and
 * service users (their details, and where their private events take place), harassment of colleagues, acting for
 * the organisation, and befriending or messaging clients.
 */
const LEGITIMATE_REACH = {
  any: [
    { fact: 'content.identifiesClient', is: true },
    { fact: 'content.kind', is: 'client-information' },
    { fact: 'content.revealsPrivateEvent', is: true },
    {
      all: [
        { fact: 'content.isAbusive', is: true },
        { fact: 'counterpart.kind', in: ['colleague', 'manager'] },
      ],
    },
    { fact: 'actor.capacity', is: 'on-behalf' },
    {
      all: [
        { fact: 'activity.kind', in: ['connect', 'message'] },
        { fact: 'counterpart.kind', in: ['client', 'former-client'] },
      ],
    },
  ],
} as const;

/** A work-related incident: the same region as `WORK_RELATED_INCIDENT` in the metrics. */
const WORK_RELATED_INCIDENT = {
  all: [
    { fact: 'incident.kind', isNot: 'none' },
    { fact: 'incident.workRelated', is: true },
  ],
} as const;

const PERSONAL_ACCOUNTS = {
  fact: 'account.kind',
  in: ['personal', 'personal-named', 'pseudonymous'],
} as const;
const NOT_ORGANISATIONAL = { fact: 'account.kind', isNot: 'organisational' } as const;

/**
 * What a rule on staff's own speech may legitimately cover without chilling protected activity: the legitimate
 * reasons above, and a safety check for someone under attack for their work (their safety, not the employer's
 * reputation).
 */
const LEGITIMATE_SPEECH_RULES = { any: [...LEGITIMATE_REACH.any, WORK_RELATED_INCIDENT] } as const;

const PEN = { id: 'pen-america-field-manual', section: 'Best practices for employers' } as const;

/** One measure of the support checklist: a duty with one of these actions, owed for work-related incidents. */
function measure(
  id: string,
  title: string,
  criterion: string,
  actions: string[],
  fix: string,
  extra: {
    require?: 'any' | 'all';
    deadline?: boolean;
    consent?: boolean;
    modalities?: ('must' | 'should' | 'may')[];
  } = {},
) {
  return {
    id: `support-${id}`,
    group: 'support',
    severity: 'warning' as const,
    appliesIn: 'everywhere' as const,
    title,
    criterion,
    finding: `No one but the person targeted is given this to do: ${title.charAt(0).toLowerCase()}${title.slice(1)}.`,
    fix,
    source: PEN,
    checklist: true,
    test: { kind: 'duty-absent' as const, within: WORK_RELATED_INCIDENT, actions, ...extra },
  };
}

const data = {
  format: 'fair-policy/1',
  id: 'fair-policy',
  version: '1.0.0',
  title: 'What published guidance says a fair social-media policy does',
  description:
    'Criteria drawn from UK employment and data-protection guidance, US labour law on work rules, a published study of social-media policies, and press-freedom guidance on supporting staff targeted online.',
  sources: [
    {
      id: 'acas-social-media-policy',
      title: 'Social media and how to develop a policy',
      publisher: 'Acas (Advisory, Conciliation and Arbitration Service)',
      year: 2011,
      url: 'http://www.acas.org.uk/index.aspx?articleid=3381',
    },
    {
      id: 'ico-monitoring-workers',
      title: 'Employment practices and data protection: monitoring workers',
      publisher: 'Information Commissioner’s Office (ICO)',
      year: 2023,
      url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/employment/monitoring-workers/',
    },
    {
      id: 'nlrb-gc-15-04',
      title: 'Report of the General Counsel Concerning Employer Rules (Memorandum GC 15-04)',
      publisher: 'National Labor Relations Board, Office of the General Counsel',
      year: 2015,
      url: 'https://www.nlrb.gov/guidance/memos-research/general-counsel-memos',
    },
    {
      id: 'nlrb-stericycle',
      title: 'Stericycle, Inc., 372 NLRB No. 113',
      publisher: 'National Labor Relations Board',
      year: 2023,
      url: 'https://www.nlrb.gov/case/04-CA-137660',
    },
    {
      id: 'ctg-eight-elements',
      title:
        'Designing Social Media Policy for Government: Eight Essential Elements (Hrdinová, Helbig & Peters)',
      publisher: 'Center for Technology in Government, University at Albany, SUNY',
      year: 2010,
      url: 'https://www.ctg.albany.edu/publications/guides/social_media_policy/',
    },
    {
      id: 'pen-america-field-manual',
      title: 'Online Harassment Field Manual',
      publisher: 'PEN America',
      year: 2018,
      url: 'https://pen.org/research-resources/online-harassment-field-manual/',
    },
  ],
  groups: [
    { id: 'private-life', theme: 'Private life' },
    {
      id: 'support',
      theme: 'Support for staff who are targeted',
      summary: { text: 'provides {provided} of {total} support measures', when: 'always' },
    },
    { id: 'monitoring', theme: 'Monitoring and intrusion' },
    {
      id: 'overbroad',
      theme: 'Overbroad rules (US labour law)',
      summary: {
        text: { one: '1 rule overbroad under US law', other: '{count} rules overbroad under US law' },
        when: 'fires',
      },
    },
    { id: 'consent', theme: 'Consent and autonomy' },
    { id: 'process', theme: 'Process' },
  ],
  criteria: [
    {
      id: 'own-time-reach',
      group: 'private-life',
      severity: 'error',
      appliesIn: 'everywhere',
      title: 'Own-time use of personal accounts',
      criterion:
        'A fair policy draws a line between work and private life: it governs own-time use of personal accounts only for client confidentiality, harassment of colleagues and acting for the organisation.',
      finding:
        'The policy restricts own-time use of personal accounts well beyond client confidentiality, harassment of colleagues and acting for the organisation.',
      fix: 'Say that own-time use of personal accounts is outside the policy, and keep in scope only client confidentiality, harassment of colleagues and acting for the organisation.',
      source: { id: 'acas-social-media-policy', section: 'Key points' },
      summary: {
        text: 'reaches {reach} of own-time personal use (fair policies: at most {limit})',
        when: 'always',
      },
      test: {
        kind: 'decides',
        within: PRIVATE_LIFE,
        except: LEGITIMATE_REACH,
        outcomes: ['permitted-with-conditions', 'check-first', 'not-permitted'],
        over: 0.05,
      },
    },
    {
      id: 'own-time-not-declared-out-of-scope',
      group: 'private-life',
      severity: 'note',
      appliesIn: 'everywhere',
      title: 'Personal use named as outside the policy',
      criterion:
        'A fair policy tells organisational, professional and personal use apart, and says plainly which personal use it does not govern.',
      finding: 'The policy never says that any own-time use of a personal account is outside it.',
      fix: 'Add a rule that own-time use of personal accounts is out of scope, so nobody reads the policy as reaching it.',
      source: { id: 'ctg-eight-elements' },
      test: {
        kind: 'decides',
        within: PRIVATE_LIFE,
        except: LEGITIMATE_REACH,
        outcomes: ['out-of-scope'],
        fires: 'when-absent',
      },
    },
    {
      id: 'monitors-personal-accounts',
      group: 'monitoring',
      severity: 'error',
      appliesIn: 'everywhere',
      title: 'Monitoring of personal accounts',
      criterion:
        'Monitoring workers must be necessary, proportionate and transparent; monitoring their private lives is rarely justified.',
      finding: 'The policy reserves the right to monitor staff’s personal accounts.',
      fix: 'Drop the monitoring of personal accounts, and promise not to monitor them; if some monitoring is truly needed, assess its impact first and say exactly what is monitored and why.',
      source: { id: 'ico-monitoring-workers' },
      scope: PERSONAL_ACCOUNTS,
      summary: { text: 'monitors personal accounts' },
      test: { kind: 'commitment-made', commitments: ['monitor-personal-accounts'] },
    },
    {
      id: 'asks-for-account-access',
      group: 'monitoring',
      severity: 'error',
      appliesIn: 'everywhere',
      title: 'Requests for passwords or access',
      criterion:
        'An employer does not ask for the passwords to, or a look inside, workers’ personal accounts.',
      finding: 'The policy allows the organisation to ask for passwords to, or access to, personal accounts.',
      fix: 'Promise never to ask for passwords to personal accounts or to see inside them.',
      source: { id: 'ico-monitoring-workers' },
      scope: PERSONAL_ACCOUNTS,
      summary: { text: 'asks for passwords or access' },
      test: { kind: 'commitment-made', commitments: ['request-account-access'] },
    },
    {
      id: 'screens-social-media',
      group: 'monitoring',
      severity: 'warning',
      appliesIn: 'everywhere',
      title: 'Social-media screening',
      criterion:
        'Checking candidates’ social media risks unfair and discriminatory decisions; a fair policy does not make it routine.',
      finding: 'The policy makes social-media screening of candidates or staff a practice.',
      fix: 'Drop routine social-media screening, or limit it to what the job needs and tell candidates beforehand.',
      source: { id: 'acas-social-media-policy' },
      scope: PERSONAL_ACCOUNTS,
      test: { kind: 'commitment-made', commitments: ['screen-social-media-in-recruitment'] },
    },
    {
      id: 'pre-approves-personal-posts',
      group: 'monitoring',
      severity: 'warning',
      appliesIn: 'everywhere',
      title: 'Pre-approval of personal posts',
      criterion:
        'A policy agreed with staff leaves them free to speak on their own accounts, so that they do not feel gagged.',
      finding: 'The policy makes staff get their personal posts approved.',
      fix: 'Drop pre-approval of personal posts; ask people to say a view is their own instead.',
      source: { id: 'acas-social-media-policy' },
      scope: PERSONAL_ACCOUNTS,
      summary: { text: 'pre-approves personal posts' },
      test: { kind: 'commitment-made', commitments: ['pre-approve-personal-posts'] },
    },
    {
      id: 'conscripts-personal-accounts',
      group: 'monitoring',
      severity: 'warning',
      appliesIn: 'everywhere',
      title: 'Personal accounts used for work',
      criterion:
        'A fair policy keeps business and private use apart: staff are not required to promote the organisation from, or connect it to, their own accounts.',
      finding:
        'The policy requires staff to promote the organisation from, or connect it to, their personal accounts.',
      fix: 'Make promoting or following the organisation from personal accounts voluntary, and provide work accounts for work.',
      source: { id: 'acas-social-media-policy', section: 'Key points' },
      scope: PERSONAL_ACCOUNTS,
      test: {
        kind: 'commitment-made',
        commitments: ['require-promotion-from-personal-accounts', 'require-connecting-with-organisation'],
      },
    },
    {
      id: 'bans-criticism-of-employer',
      group: 'overbroad',
      severity: 'error',
      appliesIn: ['us'],
      title: 'A ban on criticising the employer',
      criterion:
        'Employees may criticise their employer’s treatment of them in public; a rule against criticism or disparagement of the employer is unlawful when employees would read it as covering that.',
      finding: 'The policy forbids, or holds for approval, staff’s views about the organisation itself.',
      fix: 'Remove the ban on criticising the organisation; if needed, ask people to say a view is their own.',
      source: {
        id: 'nlrb-gc-15-04',
        section: 'Rules regarding employee conduct toward the company and supervisors',
      },
      test: {
        kind: 'decides',
        within: { all: [{ fact: 'content.kind', is: 'view-on-employer' }, NOT_ORGANISATIONAL] },
        except: LEGITIMATE_SPEECH_RULES,
        outcomes: ['not-permitted', 'check-first'],
      },
    },
    {
      id: 'bans-discussing-pay-or-conditions',
      group: 'overbroad',
      severity: 'error',
      appliesIn: ['us'],
      title: 'A ban on discussing pay or conditions',
      criterion:
        'Employees may discuss their pay, hours and working conditions with each other and the public; a confidentiality rule that reaches them is unlawful.',
      finding: 'The policy forbids, or holds for approval, posts about pay or working conditions.',
      fix: 'Say that staff may always discuss pay, hours and working conditions, and narrow confidentiality to named business secrets.',
      source: { id: 'nlrb-gc-15-04', section: 'Confidentiality rules' },
      test: {
        kind: 'decides',
        within: { all: [{ fact: 'content.aboutPayOrConditions', is: true }, NOT_ORGANISATIONAL] },
        except: LEGITIMATE_SPEECH_RULES,
        outcomes: ['not-permitted', 'check-first'],
      },
    },
    {
      id: 'requires-respect-or-positivity',
      group: 'overbroad',
      severity: 'warning',
      appliesIn: ['us'],
      title: 'A rule to be respectful or positive',
      criterion:
        'A work rule is presumptively unlawful when an employee could reasonably read it as restricting protected activity; “be respectful” or “no negative comments” rules on employees’ own accounts can be read so.',
      finding: 'The policy requires staff to be respectful or positive on their own accounts.',
      fix: 'Drop the civility condition on personal accounts, or narrow it to harassment and threats, and say it does not restrict discussion of working conditions.',
      source: { id: 'nlrb-stericycle' },
      test: {
        kind: 'decides',
        within: NOT_ORGANISATIONAL,
        except: LEGITIMATE_SPEECH_RULES,
        outcomes: ['permitted-with-conditions'],
        conditionsAny: ['be-respectful'],
      },
    },
    {
      id: 'bans-logo-use',
      group: 'overbroad',
      severity: 'warning',
      appliesIn: ['us'],
      title: 'A blanket ban on the name or logo',
      criterion:
        'Employees may use the employer’s name or logo in protest, on a picket sign or a leaflet; a blanket ban on using them is overbroad.',
      finding: 'The policy forbids every use of the organisation’s name or logo on staff’s own accounts.',
      fix: 'Limit the logo rule to posts that could be mistaken for the organisation’s own, and say it does not cover protest or union activity.',
      source: {
        id: 'nlrb-gc-15-04',
        section: 'Rules restricting use of company logos, copyrights and trademarks',
      },
      test: {
        kind: 'decides',
        within: { all: [{ fact: 'content.usesBranding', is: true }, NOT_ORGANISATIONAL] },
        except: LEGITIMATE_SPEECH_RULES,
        outcomes: ['not-permitted'],
      },
    },
    {
      id: 'restricts-union-activity',
      group: 'overbroad',
      severity: 'error',
      appliesIn: ['us'],
      title: 'Restrictions on union activity',
      criterion:
        'A rule an employee could reasonably read as restricting union or other protected concerted activity is presumptively unlawful.',
      finding: 'The policy forbids, or holds for approval, union activity on staff’s own accounts.',
      fix: 'Say that lawful union activity on personal accounts is protected, and take it out of every approval rule.',
      source: { id: 'nlrb-stericycle' },
      test: {
        kind: 'decides',
        within: { all: [{ fact: 'content.kind', is: 'union-activity' }, NOT_ORGANISATIONAL] },
        except: LEGITIMATE_SPEECH_RULES,
        outcomes: ['not-permitted', 'check-first'],
      },
    },
    measure(
      'point-of-contact',
      'A named point of contact, with a deadline',
      'Someone named receives the report and answers within a set time, so the person is not left to chase help.',
      ['receive-report'],
      'Name a safety lead (and a deputy) who receives reports and answers within a set number of hours.',
      { deadline: true },
    ),
    measure(
      'risk-assessment',
      'A risk assessment',
      'The risk to the person’s physical safety, wellbeing and reputation is assessed with them.',
      ['risk-assessment'],
      'Add a duty to assess the risk with the person, within a day.',
    ),
    measure(
      'involve-person',
      'The person involved in every decision',
      'The person targeted is involved in every decision about the response.',
      ['involve-person'],
      'Add a duty to involve the person in every decision about the response.',
    ),
    measure(
      'take-over-replies',
      'The organisation takes over replies',
      'The organisation, not the person, deals with replies to the attack.',
      ['take-over-replies'],
      'Give the comms team the duty to take over replies, so the person need not engage.',
    ),
    measure(
      'report-to-platforms',
      'The organisation reports the abuse to platforms',
      'The organisation, not the person, reports the abuse to the platforms.',
      ['report-to-platforms'],
      'Give the comms team the duty to report the abuse to the platforms.',
    ),
    measure(
      'moderate-comments',
      'The organisation moderates comments',
      'The organisation, not the person, moderates the comments on its channels.',
      ['moderate-comments'],
      'Give the comms team the duty to moderate comments during an attack.',
    ),
    measure(
      'lock-down-with-consent',
      'Account lock-down and monitoring, with consent',
      'The organisation helps lock down the person’s accounts and watches them while they step away, only with their consent.',
      ['lock-down-accounts', 'monitor-accounts'],
      'Offer help to lock down and watch the person’s accounts, only with their consent.',
      { consent: true },
    ),
    measure(
      'security-help',
      'Security help',
      'The organisation arranges help to secure the person’s devices and accounts.',
      ['security-help'],
      'Add a duty to arrange security help (devices, two-factor authentication) at the organisation’s cost.',
    ),
    measure(
      'remove-personal-data',
      'Removal of personal data',
      'The organisation removes the person’s details from its own website and pays for removal from data brokers.',
      ['remove-details-from-website', 'pay-data-broker-removal'],
      'Add duties to remove the person’s details from the website and to pay for data-broker removal.',
    ),
    measure(
      'time-off',
      'Time off or adjusted duties',
      'The person can take paid time off or adjusted duties.',
      ['time-off-or-adjusted-duties'],
      'Add a duty to agree paid time off or adjusted duties with the person.',
    ),
    measure(
      'legal-and-counselling',
      'Legal and psychological support',
      'The organisation pays for independent legal advice and for counselling.',
      ['legal-support', 'psychological-support'],
      'Add duties to pay for legal advice and for counselling.',
      { require: 'all' },
    ),
    measure(
      'no-statement-against-wishes',
      'No statement against the person’s wishes',
      'No public statement is made about the person against their wishes.',
      ['no-statement-against-wishes'],
      'Promise that no public statement is made against the person’s wishes.',
    ),
    measure(
      'police-only-with-consent',
      'Police only with consent',
      'Reporting to the police is never mandatory and is done only with the person’s consent.',
      ['police-report-with-consent'],
      'Say that the organisation helps report to the police only if the person wants it.',
      { consent: true, modalities: ['must', 'should', 'may'] },
    ),
    measure(
      'no-blame',
      'No blame',
      'Being targeted is never a disciplinary matter.',
      ['no-disciplinary-action'],
      'Promise that nobody faces disciplinary action or blame for being targeted.',
    ),
    measure(
      'freelancers-and-volunteers',
      'The same support for freelancers and volunteers',
      'Freelancers and volunteers targeted for the organisation’s work get the same support as staff.',
      ['equal-support-for-freelancers-and-volunteers'],
      'Extend every support duty to freelancers and volunteers.',
    ),
    measure(
      'record',
      'A record of the incident',
      'The organisation keeps a confidential record of each incident.',
      ['record-incident'],
      'Add a duty to keep a confidential record of each incident.',
    ),
    {
      id: 'support-left-to-person',
      group: 'support',
      severity: 'error',
      appliesIn: 'everywhere',
      title: 'Support left to the person targeted',
      criterion:
        'When someone is targeted for their work, the employer takes on the response; it does not make the person deal with the abuse alone.',
      finding: 'The policy gives the person targeted duties of their own to deal with the abuse.',
      fix: 'Give each of these duties to the comms team or the safety lead, and let the person choose what to do themselves.',
      source: PEN,
      summary: {
        text: {
          one: 'leaves 1 duty to the person targeted',
          other: 'leaves {count} duties to the person targeted',
        },
      },
      test: { kind: 'duty-held-by', holders: ['person-targeted'] },
    },
    {
      id: 'no-support',
      group: 'support',
      severity: 'error',
      appliesIn: 'everywhere',
      title: 'No support at all',
      criterion:
        'An employer has a plan to support staff who are harassed or threatened because of their work.',
      finding: 'The policy commits the organisation to no support for staff targeted because of their work.',
      fix: 'Add the support measures of this checklist, each with who does it and by when.',
      source: PEN,
      test: {
        kind: 'duty-absent',
        within: WORK_RELATED_INCIDENT,
        modalities: ['must', 'should', 'may'],
        actions: [
          'receive-report',
          'risk-assessment',
          'involve-person',
          'take-over-replies',
          'report-to-platforms',
          'moderate-comments',
          'lock-down-accounts',
          'monitor-accounts',
          'security-help',
          'remove-details-from-website',
          'pay-data-broker-removal',
          'time-off-or-adjusted-duties',
          'reassign-only-in-consultation',
          'legal-support',
          'psychological-support',
          'record-incident',
          'no-statement-against-wishes',
          'police-report-with-consent',
          'no-disciplinary-action',
          'equal-support-for-freelancers-and-volunteers',
          'emergency-fund',
          'review-after-incident',
          'remove-identifying-content',
          'temporary-relocation',
          'peer-support',
          'debrief',
        ],
      },
    },
    {
      id: 'images-without-consent',
      group: 'consent',
      severity: 'warning',
      appliesIn: 'everywhere',
      title: 'Images of people without consent',
      criterion: 'The organisation’s own accounts show people only with their consent.',
      finding: 'The policy lets the organisation’s accounts post images of people who have not agreed.',
      fix: 'Require consent (written parental consent for children) before images of people go on the organisation’s accounts.',
      source: { id: 'ctg-eight-elements' },
      test: {
        kind: 'decides',
        within: {
          all: [
            { fact: 'account.kind', is: 'organisational' },
            { fact: 'content.kind', is: 'image-of-people' },
            { fact: 'content.hasConsent', is: false },
          ],
        },
        outcomes: ['permitted', 'permitted-with-conditions'],
        conditionsNone: ['get-consent', 'get-written-parental-consent'],
      },
    },
    {
      id: 'restricts-service-users',
      group: 'consent',
      severity: 'warning',
      appliesIn: 'everywhere',
      title: 'Restrictions on service users’ own use',
      criterion:
        'A policy governs the public’s conduct on the organisation’s own pages; what service users and survivors post on their own accounts is their decision.',
      finding: 'The policy restricts what service users post on their own accounts.',
      fix: 'Put service users’ own use of their accounts out of scope; offer privacy and safety information instead.',
      source: { id: 'ctg-eight-elements' },
      onlyIfPolicyTests: ['actor.role'],
      test: {
        kind: 'decides',
        within: { all: [{ fact: 'actor.role', is: 'service-user' }, NOT_ORGANISATIONAL] },
        except: { fact: 'content.identifiesClient', is: true },
        outcomes: ['permitted-with-conditions', 'check-first', 'not-permitted'],
      },
    },
    {
      id: 'no-consultation',
      group: 'process',
      severity: 'warning',
      appliesIn: 'everywhere',
      title: 'Consultation with staff and the union',
      criterion:
        'A social-media policy is agreed with staff and their union, and changes are consulted on, so that staff do not feel gagged.',
      finding: 'The policy does not commit to consulting staff or the union before it changes.',
      fix: 'Commit to agreeing the policy, and any change to it, with staff and the union, and to reviewing it with them every year.',
      source: { id: 'acas-social-media-policy' },
      test: { kind: 'commitment-absent', anyOf: ['consultation-on-changes'] },
    },
    {
      id: 'no-review-date',
      group: 'process',
      severity: 'note',
      appliesIn: 'everywhere',
      title: 'Review date',
      criterion:
        'A policy is reviewed regularly with staff and their union, and says when it will next be reviewed, so that it keeps up with how people use social media.',
      finding: 'The policy gives no date for its next review.',
      fix: 'Give the date of the next review (review.nextReview), or the date of the last review and how often it is reviewed (review.lastReviewed and review.every).',
      source: { id: 'acas-social-media-policy' },
      test: { kind: 'review-date', fires: 'when-absent' },
    },
    {
      id: 'review-overdue',
      group: 'process',
      severity: 'warning',
      appliesIn: 'everywhere',
      title: 'Review overdue',
      criterion:
        'A policy is reviewed regularly with staff and their union, and says when it will next be reviewed, so that it keeps up with how people use social media.',
      finding: 'The date the policy set for its next review has passed.',
      fix: 'Review the policy with staff and the union, and record the new review dates.',
      source: { id: 'acas-social-media-policy' },
      test: { kind: 'review-date', fires: 'when-passed' },
    },
    {
      id: 'no-principles',
      group: 'process',
      severity: 'note',
      appliesIn: 'everywhere',
      title: 'Principles',
      criterion: 'A policy says what it is for before it says what it requires.',
      finding: 'The policy states no principles.',
      fix: 'Open with the principles the rules serve, so that readers know why each rule is there.',
      source: { id: 'ctg-eight-elements' },
      test: { kind: 'policy-part-absent', part: 'principles' },
    },
    {
      id: 'no-jurisdiction',
      group: 'process',
      severity: 'note',
      appliesIn: 'everywhere',
      title: 'Where the policy applies',
      criterion:
        'A policy says which laws it works under, since what an employer may ask differs between them.',
      finding:
        'The policy does not say where it applies, so criteria of particular laws (US labour law, say) were not applied.',
      fix: 'List the jurisdictions the policy applies in (uk, us, eu, other).',
      source: { id: 'ctg-eight-elements', section: 'Legal issues' },
      test: { kind: 'policy-part-absent', part: 'jurisdictions' },
    },
  ],
} satisfies CriteriaSetInput;

/**
 * The standard audit criteria, `fair-policy/1`: what published guidance says a fair social-media policy does, each
 * criterion with its source, its test over the compiled policy and a fix in plain words. Data, so an organisation
 * can copy it, add its own or switch groups off (docs/audit-criteria.md describes the format).
 */
export const fairPolicyCriteria: CriteriaSet = deepFreeze(CriteriaSetSchema.parse(data));
