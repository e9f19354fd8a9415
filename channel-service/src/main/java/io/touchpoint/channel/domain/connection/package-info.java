/** A tenant's account on one channel, and its status. */
package io.touchpoint.channel.domain.connection;
