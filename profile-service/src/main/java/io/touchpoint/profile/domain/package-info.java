/** Aggregates, value objects and rules of profiles, identities, consent, attributes, purchases, segments and the timeline: plain Java, no Spring, no MongoDB, no Jackson. */
package io.touchpoint.profile.domain;
