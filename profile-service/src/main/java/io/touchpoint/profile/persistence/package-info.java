/** MongoDB documents and repositories behind the application's ports; depends on application and domain only. */
package io.touchpoint.profile.persistence;
