/** The chat widget: visitor tokens, conversations, the event stream every replica appends to and the subscriptions that push it to open clients. */
package io.touchpoint.channel.application.webchat;
