import '@fairpost/page-kit/handbook.css';
import './styles.css';
import { bundledPolicies } from './bundled-policies.js';
import { createStudio } from './studio.js';

const root = document.getElementById('app');
if (root) createStudio(root, bundledPolicies);
