package io.touchpoint.ticket.application.privacy;

import io.touchpoint.ticket.domain.privacy.PrivacyErasure;
import java.util.List;

/** Where a customer's personal data sits in tickets, messages and thread keys, and its erasure there. */
public interface PrivacyErasureStore {

    /** The tenant's tickets of the customer: for their profile, or requested from one of their handles. */
    List<String> ticketsOf(String tenantId, PrivacyErasure erasure);

    /**
     * Erases the text, subject, attachments and customer handle of the messages on {@code ticketIds} and of any other
     * message from or to the customer's handles.
     *
     * @return how many messages were changed
     */
    long eraseMessages(String tenantId, List<String> ticketIds, PrivacyErasure erasure);

    /** Removes the thread keys leading to the tickets: several name the customer's handle. */
    long forgetThreadKeys(String tenantId, List<String> ticketIds);

    /**
     * Erases the requester's handle and name and the title (drawn from the customer's words) of the tickets, each as
     * a new version, so that a concurrent change of one reads it again instead of writing the old values back.
     *
     * @return how many tickets were changed
     */
    long eraseTickets(String tenantId, List<String> ticketIds);
}
