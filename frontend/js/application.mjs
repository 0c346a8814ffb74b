// Safeguarding: start GOV.UK Frontend and MoJ Frontend components.
// Loaded as <script type="module">, so it only runs in browsers that GOV.UK Frontend supports;
// everything works without it.
import { initAll as initGovukFrontend } from "/assets/js/govuk-frontend.min.js";
import { initAll as initMojFrontend } from "/assets/js/moj-frontend.min.js";

initGovukFrontend();
initMojFrontend();

// Print buttons (data-module="app-print"): the CSP forbids inline onclick handlers.
for (const button of document.querySelectorAll('[data-module="app-print"]')) {
  button.addEventListener("click", () => window.print());
}
