/** An outbound message and its delivery state machine, with the retry policy and what providers answer. */
package io.touchpoint.channel.domain.outbound;
