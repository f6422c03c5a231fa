import './counter-fields.js';
