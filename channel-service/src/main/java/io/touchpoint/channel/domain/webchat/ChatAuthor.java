package io.touchpoint.channel.domain.webchat;

/** Who caused an event of a web chat conversation. */
public enum ChatAuthor {
    VISITOR,
    AGENT
}
