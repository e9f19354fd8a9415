/**
 * What the gateway does when a service is down, slow or overloaded: per-service circuit breakers, time limits and
 * bulkheads (configured under {@code resilience4j.*}) whose failures all end as a 503/504 problem with Retry-After.
 */
package io.touchpoint.gateway.resilience;
