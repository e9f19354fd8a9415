/** Feedback settings in MongoDB. */
package io.touchpoint.ticket.persistence.feedback;
