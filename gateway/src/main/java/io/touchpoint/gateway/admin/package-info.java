/**
 * The admin API, {@code /v1/admin/**}, served by the gateway itself: tenants and their API keys. The authentication
 * filter lets only callers with scope {@code admin} (the platform's admin key) reach it.
 */
package io.touchpoint.gateway.admin;
