// Starts the NHS.UK design system's components (the header menu, details, error summaries).
import { initAll } from '/lib/nhsuk-frontend/nhsuk-frontend.min.js';

initAll();
