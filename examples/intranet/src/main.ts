import '@fairpost/page-kit/handbook.css';
import './styles.css';
import { createApp } from './app.js';
import { bundledPolicies, defaultPolicyFile } from './bundled-policies.js';

const root = document.getElementById('app');
if (root) createApp(root, bundledPolicies, defaultPolicyFile());
