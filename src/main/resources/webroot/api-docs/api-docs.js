/**
 * The API reference page: swagger-ui (the WebJar loaded before this script) drawing the OpenAPI document this node
 * serves. Read-only: the page is sandboxed in an opaque origin, so it sends no request on anyone's behalf ("Try it
 * out" is off). Nothing leaves this origin: no validator badge, no remote configuration.
 */
/* global SwaggerUIBundle */
SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  domNode: document.getElementById('reference'),
  validatorUrl: null,
  queryConfigEnabled: false,
  deepLinking: false,
  supportedSubmitMethods: [],
  onComplete: () => document.body.setAttribute('data-ready', ''),
});
