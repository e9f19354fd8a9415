/** Web filters and error handling applied to every request before and around routing. */
package io.touchpoint.gateway.web;
