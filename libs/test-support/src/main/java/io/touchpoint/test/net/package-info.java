/** Network tools for reliability tests. */
package io.touchpoint.test.net;
