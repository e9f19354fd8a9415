/** What the gateway tells operators about each request: the access log line, request ids and trace context. */
package io.touchpoint.gateway.observability;
