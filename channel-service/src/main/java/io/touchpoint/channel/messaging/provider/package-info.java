/**
 * The {@code ChannelSender}s that call providers' HTTP APIs (Twilio, the WhatsApp Cloud API, Messenger and Instagram
 * Send API, the Telegram Bot API) and map their answers to send outcomes; depends on application, domain and config
 * only.
 */
package io.touchpoint.channel.messaging.provider;
