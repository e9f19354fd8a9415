/** Web chat conversations, their attachments and the events of their streams. */
package io.touchpoint.channel.domain.webchat;
