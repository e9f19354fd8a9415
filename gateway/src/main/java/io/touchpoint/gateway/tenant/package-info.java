/**
 * Tenants and their API keys in the gateway's own MongoDB database ({@code tenants}, {@code api_keys}): the store, the
 * cached key lookup behind authentication, and each tenant's CORS origins.
 */
package io.touchpoint.gateway.tenant;
