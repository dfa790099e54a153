// Swagger UI over this server's own OpenAPI description (vendored; no CDN).
"use strict";
(function () {
  const element = document.getElementById("swagger-ui");
  if (element && window.SwaggerUIBundle) {
    window.SwaggerUIBundle({ url: element.dataset.spec, domNode: element, deepLinking: false });
  }
})();
