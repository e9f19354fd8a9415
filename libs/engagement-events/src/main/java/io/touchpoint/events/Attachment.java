package io.touchpoint.events;

import java.net.URI;

/**
 * A file attached to a message. The bytes are not in the event: {@code url} points at Touchpoint's copy.
 *
 * @param name the file name as sent
 * @param contentType its media type
 * @param size its size in bytes
 * @param url where an authorized client can fetch it
 */
public record Attachment(String name, String contentType, long size, URI url) {}
