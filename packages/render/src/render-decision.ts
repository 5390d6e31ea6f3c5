import {
  type CompiledPolicy,
  type Decision,
  type ResolvedVocabulary,
  type RuleStrength,
  standardVocabulary,
  type TriggeredDuty,
} from '@fairpost/core';
import { factWords } from './describe-condition.js';
import { capitalise, enGB, type Phrasebook } from './phrasebook.js';

/** Options for `renderDecision`. */
export interface RenderDecisionOptions {
  /** The words to use (default `enGB`). */
  readonly phrasebook?: Phrasebook;
  /**
   * The compiled policy the decision came from, or its vocabulary, so that needed facts are named by their
   * questions and the policy's custom facts by their own labels (default: the standard vocabulary).
   */
  readonly vocabulary?: CompiledPolicy | ResolvedVocabulary;
}

/**
 * Says one evaluated decision in sentences, one paragraph per line: the answer, the reasons, the conditions to
 * meet, who to ask, the support owed (who, how binding, by when, consent), and for an undetermined decision the
 * possible answers and the questions still to answer.
 * @example
 * const decision = evaluate(compiled, { 'incident.kind': 'doxxing', 'incident.workRelated': true });
 * console.log(renderDecision(decision, { vocabulary: compiled }));
 */
export function renderDecision(decision: Decision, options: RenderDecisionOptions = {}): string {
  const pb = options.phrasebook ?? enGB;
  const source = options.vocabulary ?? standardVocabulary;
  const vocabulary = 'facts' in source ? source : source.vocabulary;
  const lines: string[] = [];
  const conditions = decision.conditions.map((c) => c.phrase);
  const reviewers = decision.reviewers.map((r) => r.phrase);
  if (decision.outcome === 'undetermined') {
    lines.push(`${pb.decision.outcome}: ${pb.outcomes.undetermined}.`);
    lines.push(pb.decision.undetermined(decision.possibleOutcomes.map((o) => pb.outcomes[o])));
    if (decision.neededFacts.length > 0) {
      const questions = decision.neededFacts.map((name) => {
        const words = factWords(name, vocabulary, pb);
        return words.question ? `${words.question} (${words.label})` : words.label;
      });
      lines.push(`${pb.decision.neededFacts}: ${questions.join(' ')}`);
    }
    if (conditions.length > 0) lines.push(`${pb.decision.conditions}: ${pb.and(conditions)}.`);
    if (reviewers.length > 0) lines.push(`${pb.decision.ask}: ${pb.and(reviewers)}.`);
  } else {
    lines.push(
      `${pb.decision.outcome}: ${pb.outcomes[decision.outcome]}. ${capitalise(pb.outcomeSentence(decision.outcome, conditions, reviewers, strengthOf(decision, source)))}.`,
    );
  }
  if (decision.doubt !== undefined) {
    const words = pb.doubt ?? enGB.doubt!;
    const labels = decision.doubt.facts.map((name) => factWords(name, vocabulary, pb).label);
    const reasons = [...new Set(decision.doubt.rules.map((r) => r.reason))];
    lines.push(`${words.decidedInDoubt}: ${words.unsureAbout(labels)}. ${reasons.join(' ')}`);
  }
  for (const rule of decision.decidedBy) {
    const which = rule.ruleId === null ? pb.decision.noRuleApplies : rule.title ? `${rule.title}` : undefined;
    const possibly = decision.outcome === 'undetermined' ? ` (${pb.outcomes[rule.outcome]})` : '';
    lines.push(`${pb.decision.why}${possibly}: ${which ? `${which}. ` : ''}${rule.reason}`);
  }
  if (decision.duties.length > 0) {
    lines.push(`${pb.decision.support}:`);
    // Whether a deadline counts working days is in the policy, not the decision: read it when the policy is given.
    const policyDuties =
      options.vocabulary && 'policy' in options.vocabulary ? options.vocabulary.policy.duties : undefined;
    const workingDays = (id: string) => policyDuties?.find((d) => d.id === id)?.workingDays === true;
    for (const duty of decision.duties) lines.push(`- ${dutyText(duty, pb, workingDays(duty.dutyId))}`);
  }
  if (decision.undeterminedDuties.length > 0) {
    const facts = [...new Set(decision.undeterminedDuties.flatMap((d) => d.neededFacts))].map(
      (name) => factWords(name, vocabulary, pb).label,
    );
    lines.push(`${pb.decision.maybeSupport}: ${pb.and(facts)}.`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * How binding the decision is: advice (`should`) only when every rule that decided it is advice. Needs the
 * compiled policy to look the rules up; with a bare vocabulary every decision reads as a rule.
 */
function strengthOf(decision: Decision, source: RenderDecisionOptions['vocabulary']): RuleStrength {
  if (source === undefined || !('policy' in source)) return 'must';
  const rules = new Map(source.policy.rules.map((rule) => [rule.id, rule]));
  const deciding = decision.decidedBy.map((d) => (d.ruleId === null ? undefined : rules.get(d.ruleId)));
  return deciding.length > 0 && deciding.every((rule) => rule?.strength === 'should') ? 'should' : 'must';
}

/** One triggered duty in words, with the policy's own wording and reason when it gives them. */
function dutyText(duty: TriggeredDuty, pb: Phrasebook, workingDays: boolean): string {
  const sentence = pb.dutySentence({
    holder: duty.holder.phrase,
    modality: pb.modalities[duty.modality],
    action: duty.action.phrase,
    ...(duty.deadline ? { deadline: pb.deadline(duty.deadline, { workingDays }) } : {}),
    consentRequired: duty.consentRequired,
  });
  return `${sentence}${duty.text ? ` ${pb.labels.inOurWords}: ${duty.text}` : ''} (${pb.labels.why}: ${duty.reason})`;
}
