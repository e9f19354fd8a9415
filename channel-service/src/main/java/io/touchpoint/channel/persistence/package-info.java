/**
 * MongoDB documents and repositories behind the application's ports, one sub-package per area as in
 * {@code application}; depends on application and domain only.
 */
package io.touchpoint.channel.persistence;
