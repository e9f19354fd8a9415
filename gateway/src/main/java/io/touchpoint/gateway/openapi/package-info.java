/**
 * One public API description: the services' own OpenAPI documents merged into {@code /v1/openapi.json}, and a
 * self-contained page that renders it at {@code /docs}.
 */
package io.touchpoint.gateway.openapi;
