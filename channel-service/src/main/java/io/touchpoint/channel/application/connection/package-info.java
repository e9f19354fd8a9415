/** Creating, changing and reading a tenant's channel connections, and where they are kept. */
package io.touchpoint.channel.application.connection;
