/** Connections with encrypted secrets, and the index that routes an inbound email address to one connection. */
package io.touchpoint.channel.persistence.connection;
