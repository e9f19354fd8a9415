/** Configuration properties records and the wiring of the gateway's own beans. */
package io.touchpoint.gateway.config;
