// Marks the page as having JavaScript (and the NHS.UK components as supported) before it is drawn: the design system's
// styles for scripted components depend on these classes. A file, not an inline script: the Content-Security-Policy allows no inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
