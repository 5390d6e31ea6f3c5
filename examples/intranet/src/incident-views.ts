// The incident views: "I'm being targeted" (support first) and "Safety lead" (incidents over time). A separate
// module, loaded only when one of them is opened, because it brings the date library (Temporal, through
// @fairpost/core/incident) that "Can I post this?" never needs.
export { createLeadView } from './lead-view.js';
export { createTargetedView } from './targeted-view.js';
