/**
 * Knowledge-base and bot use cases: {@link io.touchpoint.ticket.application.knowledge.ArticleManagement},
 * {@link io.touchpoint.ticket.application.knowledge.BotSettingsManagement} and
 * {@link io.touchpoint.ticket.application.knowledge.FirstResponder}, with the ports they reach storage and search
 * through.
 */
package io.touchpoint.ticket.application.knowledge;
