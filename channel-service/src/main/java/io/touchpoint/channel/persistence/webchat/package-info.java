/** Web chat conversations, attachment metadata and gap-free event streams. */
package io.touchpoint.channel.persistence.webchat;
