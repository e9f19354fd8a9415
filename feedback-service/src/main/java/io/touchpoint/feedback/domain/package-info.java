/** Aggregates, value objects and rules of surveys, their responses and aggregates: plain Java, no Spring, no MongoDB, no Jackson. */
package io.touchpoint.feedback.domain;
