/** Capturing what a producer really publishes on the broker, and checking it against the event contract. */
package io.touchpoint.test.events;
