/** Inbound mail: which connection an address belongs to, and which conversation a customer's answer continues. */
package io.touchpoint.channel.application.email;
