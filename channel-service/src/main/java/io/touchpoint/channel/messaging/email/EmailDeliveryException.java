package io.touchpoint.channel.messaging.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail that did not reach the relay, and whether trying again can help: a 5xx answer (unknown recipient, refused
 * content, bad credentials) will come again, a 4xx answer or a connection that failed may not.
 */
public class EmailDeliveryException extends RuntimeException {

    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([245][0-9][0-9])[\\s-]");

    private final boolean permanent;

    private final String errorCode;

    private final String smtpCode;

    EmailDeliveryException(boolean permanent, String errorCode, String smtpCode, String message, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.errorCode = errorCode;
        this.smtpCode = smtpCode;
    }

    static EmailDeliveryException notConfigured(String message) {
        return new EmailDeliveryException(true, "not_configured", null, message, null);
    }

    static EmailDeliveryException invalidRecipient(String message) {
        return new EmailDeliveryException(true, "invalid_recipient", null, message, null);
    }

    /** Classifies what Jakarta Mail threw by the relay's reply code, when it gave one. */
    static EmailDeliveryException of(MessagingException failure) {
        if (failure instanceof AuthenticationFailedException) {
            return new EmailDeliveryException(
                    true, "authentication_failed", replyCode(failure), "The relay refused the credentials.", failure);
        }
        String code = replyCode(failure);
        String reply = code != null ? "The relay answered " + code + "." : "The relay could not be reached.";
        if (code == null || code.startsWith("4")) {
            return new EmailDeliveryException(false, "unavailable", code, reply, failure);
        }
        boolean recipient = failure instanceof SendFailedException sendFailed
                && sendFailed.getInvalidAddresses() != null
                && sendFailed.getInvalidAddresses().length > 0;
        return new EmailDeliveryException(true, recipient ? "invalid_recipient" : "rejected", code, reply, failure);
    }

    /** The SMTP reply code in the failure or the failures it wraps; Jakarta Mail puts the reply in the message. */
    private static String replyCode(Exception failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current.getMessage() != null) {
                Matcher matcher = REPLY_CODE.matcher(current.getMessage());
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            Throwable next = current instanceof MessagingException messaging ? messaging.getNextException() : null;
            current = next != null ? next : current.getCause();
        }
        return null;
    }

    /** Whether the relay will refuse the same mail again: no retry. */
    public boolean permanent() {
        return permanent;
    }

    /** Touchpoint's code for the cause: {@code invalid_recipient}, {@code rejected}, {@code unavailable}, … */
    public String errorCode() {
        return errorCode;
    }

    /** The relay's SMTP reply code, e.g. {@code 550}, when it answered. */
    public String smtpCode() {
        return smtpCode;
    }
}
