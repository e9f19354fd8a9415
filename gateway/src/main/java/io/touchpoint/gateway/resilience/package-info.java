/**
 * What the gateway does when a service is down, slow or overloaded: per-service circuit breakers, time limits and
 * bulkheads (configured under {@code resilience4j.*}) whose failures all end as a 503/504 problem with Retry-After;
 * requests whose connection could not be opened sent again; open streams on connection pools of their own, so they
 * never take the connections API calls need (ADR 0012).
 */
package io.touchpoint.gateway.resilience;
