// Safeguarding: start GOV.UK Frontend and MoJ Frontend components.
// Loaded as <script type="module">, so it only runs in browsers that GOV.UK Frontend supports;
// everything works without it.
import { initAll as initGovukFrontend } from "/assets/js/govuk-frontend.min.js?v=4e8b95d53d3c";
import { initAll as initMojFrontend } from "/assets/js/moj-frontend.min.js?v=1be66f5438f3";

initGovukFrontend();
initMojFrontend();

// Print buttons (data-module="app-print"): the CSP forbids inline onclick handlers.
for (const button of document.querySelectorAll('[data-module="app-print"]')) {
  button.addEventListener("click", () => window.print());
}
