/** A server-sent events client for tests of resumable real-time streams (API.md, "Real time"). */
package io.touchpoint.test.sse;
