// `@fairpost/render/incident`: an incident's record and checklist in words. A separate entry because incidents
// bring a date library that rendering a policy never needs.
export {
  DUTY_STATUS_WORDS,
  DUTY_STATUS_WORDS_FOR_HOLDERS,
  formatIncidentTime,
  type IncidentRecordFormat,
  renderIncidentRecord,
  renderIncidentStatus,
} from './render-incident.js';
