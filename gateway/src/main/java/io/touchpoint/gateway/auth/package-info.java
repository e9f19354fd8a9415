/** Who is calling: turns presented credentials into a {@link io.touchpoint.tenancy.TenantContext}; no HTTP here. */
package io.touchpoint.gateway.auth;
