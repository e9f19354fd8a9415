package io.touchpoint.channel.persistence.connection;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The claim of one email connection on its inbound address: the lower-cased address is the {@code _id}, so the SMTP
 * listener's lookup is a read by {@code _id} (O(1) on MongoDB and on the stand-in, which ignores non-unique indexes),
 * and the {@code _id}'s uniqueness is what lets one connection, and only one, receive an address's mail.
 *
 * @param claimedAt when the connection claimed it; a claim whose connection never got the address is taken over
 *     after {@link EmailAddressIndex#ABANDONED_AFTER}
 */
@Document(EmailAddressDocument.COLLECTION)
record EmailAddressDocument(@Id String address, String connectionId, String tenantId, Instant claimedAt) {

    static final String COLLECTION = "email_addresses";
}
