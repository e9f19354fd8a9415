/**
 * Per-tenant and per-key token buckets (Redis-backed when Redis is configured, in memory otherwise), the
 * {@code RateLimit-*} response headers, plans changeable at runtime, and request body size limits.
 */
package io.touchpoint.gateway.ratelimit;
