/** How email connections are configured and how addresses compare. */
package io.touchpoint.channel.domain.email;
